package io.headhuntr.sandbox.webhooks;

import static io.headhuntr.sandbox.webhooks.PayloadParts.APP_URL;
import static io.headhuntr.sandbox.webhooks.PayloadParts.NODES;
import static io.headhuntr.sandbox.webhooks.PayloadParts.copyOrNull;
import static io.headhuntr.sandbox.webhooks.PayloadParts.isObject;
import static io.headhuntr.sandbox.webhooks.PayloadParts.isoDate;
import static io.headhuntr.sandbox.webhooks.PayloadParts.orNull;
import static io.headhuntr.sandbox.webhooks.PayloadParts.seconds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Builds webhook payloads (WEBHOOKS.md sections 7-9) from objects in Harvest v1 response shape
 * (HARVEST-V1.md section 6); each method returns the {@code payload} object of one action, to hand
 * to {@link WebhookHub#publish}.
 *
 * <p>Fields webhooks have and Harvest v1 lacks are read from the Harvest-shaped input when the
 * store keeps them there ({@code external_id} and {@code headline} on candidates, {@code
 * created_by_id} and {@code job_post_id} on jobs, {@code rejection_note_id} and {@code referrer_id}
 * on applications), else null. Related objects come from {@link SandboxLookups}: the candidate and
 * full jobs of an application, users' e-mails, stage interviews, offers.
 */
public final class WebhookPayloads {

  private static final Set<String> APPROVAL_FLOW_TYPES = Set.of("open_job", "offer_job");

  private final SandboxLookups lookups;
  private final PayloadParts parts;

  public WebhookPayloads(SandboxLookups lookups) {
    this.lookups = lookups;
    this.parts = new PayloadParts(lookups);
  }

  /**
   * {@code {"application": {...}}} for hire_candidate, candidate_stage_change, reject_candidate,
   * unreject_candidate, new_prospect_application, new_candidate_application, application_updated
   * and unhire_candidate; a hired application also carries {@code offer}, {@code opening} and the
   * deprecated {@code job}.
   */
  public ObjectNode application(ObjectNode harvestApplication) {
    JsonNode a = harvestApplication;
    long id = a.path("id").asLong();
    long candidateId = a.path("candidate_id").asLong();
    ObjectNode app = NODES.objectNode();
    copyOrNull(app, "id", a);
    app.set("rejected_at", seconds(a.get("rejected_at")));
    app.put("prospect", a.path("prospect").asBoolean(false));
    copyOrNull(app, "status", a);
    app.set("applied_at", seconds(a.get("applied_at")));
    app.set("last_activity_at", seconds(a.get("last_activity_at")));
    app.put("url", APP_URL + "/people/" + candidateId + "?application_id=" + id);
    app.set("source", source(a.get("source")));
    app.set("credited_to", parts.user(a.get("credited_to")));
    app.set("rejection_reason", orNull(a.get("rejection_reason")));
    JsonNode details = a.get("rejection_details");
    if (isObject(details)) {
      app.putObject("rejection_details").set("custom_fields", parts.customFields(details));
    } else {
      app.putNull("rejection_details");
    }
    app.set("current_stage", currentStage(a.get("current_stage"), candidateId, id));
    app.set("prospect_detail", prospectDetail(a.get("prospect_detail")));
    app.set("custom_fields", parts.customFields(a));
    ObjectNode candidateRef = NODES.objectNode().put("id", candidateId);
    app.set("candidate", parts.candidate(lookups.candidate(candidateId).orElse(candidateRef)));
    ArrayNode jobs = app.putArray("jobs");
    Optional<ObjectNode> firstJob = Optional.empty();
    for (JsonNode ref : a.path("jobs")) {
      ObjectNode job = lookups.job(ref.path("id").asLong()).orElse((ObjectNode) ref.deepCopy());
      firstJob = firstJob.or(() -> Optional.of(job));
      jobs.add(parts.job(job));
    }
    if ("hired".equals(a.path("status").asText())) {
      ObjectNode offer = offer(a);
      app.set("offer", offerView(offer));
      app.set("opening", opening(offer, firstJob, id));
      app.set("job", firstJob.<JsonNode>map(this::deprecatedJob).orElse(NODES.nullNode()));
    }
    return wrap("application", app);
  }

  /** {@code {"candidate": {...}}} for update_candidate. */
  public ObjectNode candidate(ObjectNode harvestCandidate) {
    return wrap("candidate", parts.candidate(harvestCandidate));
  }

  /** {@code {"person": {...}}} for delete_candidate. */
  public ObjectNode deletedPerson(ObjectNode harvestCandidate, List<Long> deletedApplicationIds) {
    ObjectNode person = person(harvestCandidate);
    ArrayNode ids = person.putArray("deleted_application_ids");
    deletedApplicationIds.forEach(ids::add);
    return wrap("person", person);
  }

  /**
   * {@code {"person": {..., "new_candidate_id"}}} for merge_candidate; the person is the losing
   * candidate.
   */
  public ObjectNode mergedPerson(ObjectNode losingHarvestCandidate, long newCandidateId) {
    ObjectNode person = person(losingHarvestCandidate);
    person.put("new_candidate_id", newCandidateId);
    return wrap("person", person);
  }

  /** {@code {"job": {...}}} for job_created and job_updated. */
  public ObjectNode job(ObjectNode harvestJob) {
    return wrap("job", parts.job(harvestJob));
  }

  /** {@code {"job": {"id", "name"}}} for job_deleted. */
  public ObjectNode deletedJob(ObjectNode harvestJob) {
    ObjectNode job = NODES.objectNode();
    copyOrNull(job, "id", harvestJob);
    copyOrNull(job, "name", harvestJob);
    return wrap("job", job);
  }

  /** The post itself (no wrapper) for job_post_created and job_post_updated. */
  public ObjectNode jobPost(ObjectNode harvestJobPost) {
    return JobPostShape.of(harvestJobPost);
  }

  /** {@code {"job_post": {...}}} for job_post_deleted. */
  public ObjectNode deletedJobPost(ObjectNode harvestJobPost) {
    return wrap("job_post", JobPostShape.of(harvestJobPost));
  }

  /**
   * {@code {"application": {flat ids}}} for delete_application; {@code referrer_id} is the credited
   * user when the store keeps no referrer.
   */
  public ObjectNode deletedApplication(
      ObjectNode harvestApplication, OptionalLong rejectedByUserId) {
    JsonNode a = harvestApplication;
    ObjectNode app = NODES.objectNode();
    copyOrNull(app, "id", a);
    copyOrNull(app, "candidate_id", a);
    app.set("job_id", orNull(a.path("jobs").path(0).get("id")));
    app.set("created_at", seconds(a.get("applied_at")));
    app.set("source_id", orNull(a.path("source").get("id")));
    app.set("candidate_rejection_reason_id", orNull(a.path("rejection_reason").get("id")));
    copyOrNull(app, "rejection_note_id", a);
    app.set("rejected_at", seconds(a.get("rejected_at")));
    app.set(
        "referrer_id",
        orNull(a.has("referrer_id") ? a.get("referrer_id") : a.path("credited_to").get("id")));
    app.put("prospect", a.path("prospect").asBoolean(false));
    if (rejectedByUserId.isPresent()) {
      app.put("rejected_by_user_id", rejectedByUserId.getAsLong());
    } else {
      app.putNull("rejected_by_user_id");
    }
    return wrap("application", app);
  }

  /** {@code {"candidate_id", "anonymized_fields"}} for candidate_anonymized. */
  public ObjectNode anonymized(long candidateId, List<String> fields) {
    ObjectNode payload = NODES.objectNode();
    payload.put("candidate_id", candidateId);
    ArrayNode names = payload.putArray("anonymized_fields");
    fields.forEach(names::add);
    return payload;
  }

  /**
   * {@code {"approval_flow": {"approval_flow_type"}, "job": {...}}} for job_approved.
   *
   * @throws IllegalArgumentException unless the type is {@code open_job} or {@code offer_job}
   */
  public ObjectNode jobApproved(ObjectNode harvestJob, String approvalFlowType) {
    if (!APPROVAL_FLOW_TYPES.contains(approvalFlowType)) {
      throw new IllegalArgumentException(
          "approval_flow_type must be open_job or offer_job: " + approvalFlowType);
    }
    ObjectNode payload = NODES.objectNode();
    payload.putObject("approval_flow").put("approval_flow_type", approvalFlowType);
    payload.set("job", parts.job(harvestJob));
    return payload;
  }

  /** {@code {"job_interview_stage": {...}}} for job_interview_stage_deleted. */
  public ObjectNode jobStageDeleted(ObjectNode harvestJobStage) {
    ObjectNode stage = NODES.objectNode();
    for (String field :
        new String[] {"id", "job_id", "created_at", "updated_at", "name", "active"}) {
      copyOrNull(stage, field, harvestJobStage);
    }
    return wrap("job_interview_stage", stage);
  }

  /**
   * The source with both {@code public_name} and {@code name}: the docs examples use one or the
   * other depending on the action, so receivers must accept both and the sandbox sends both.
   */
  private static JsonNode source(JsonNode harvestSource) {
    if (!isObject(harvestSource)) {
      return NODES.nullNode();
    }
    ObjectNode out = NODES.objectNode();
    copyOrNull(out, "id", harvestSource);
    JsonNode name =
        harvestSource.hasNonNull("public_name")
            ? harvestSource.get("public_name")
            : harvestSource.get("name");
    out.set("public_name", orNull(name));
    out.set("name", orNull(name));
    return out;
  }

  private ObjectNode person(JsonNode c) {
    ObjectNode person = NODES.objectNode();
    copyOrNull(person, "id", c);
    copyOrNull(person, "first_name", c);
    copyOrNull(person, "last_name", c);
    copyOrNull(person, "company", c);
    copyOrNull(person, "title", c);
    person.set("created_at", seconds(c.get("created_at")));
    copyOrNull(person, "headline", c);
    person.put("is_private", c.path("is_private").asBoolean(false));
    person.set("recruiter_user_id", orNull(c.path("recruiter").get("id")));
    person.set("coordinator_user_id", orNull(c.path("coordinator").get("id")));
    person.put("can_email", c.path("can_email").asBoolean(true));
    return person;
  }

  private JsonNode currentStage(JsonNode stageRef, long candidateId, long applicationId) {
    if (!isObject(stageRef)) {
      return NODES.nullNode();
    }
    ObjectNode stage = NODES.objectNode();
    copyOrNull(stage, "id", stageRef);
    copyOrNull(stage, "name", stageRef);
    ArrayNode interviews = stage.putArray("interviews");
    lookups
        .jobStage(stageRef.path("id").asLong())
        .ifPresent(
            full ->
                full.path("interviews")
                    .forEach(i -> interviews.add(interview(i, candidateId, applicationId))));
    return stage;
  }

  /**
   * An interview of the current stage; nothing is scheduled in the sandbox, so it is
   * "to_be_scheduled".
   */
  private static ObjectNode interview(JsonNode i, long candidateId, long applicationId) {
    ObjectNode out = NODES.objectNode();
    copyOrNull(out, "id", i);
    copyOrNull(out, "name", i);
    out.put("status", "to_be_scheduled");
    JsonNode kit = i.path("interview_kit");
    ObjectNode kitOut = out.putObject("interview_kit");
    kitOut.put(
        "url",
        APP_URL
            + "/guides/"
            + kit.path("id").asLong()
            + "/people/"
            + candidateId
            + "?application_id="
            + applicationId);
    kitOut.put("content", kit.path("content").asText(""));
    kitOut.set(
        "questions",
        kit.path("questions").isArray() ? kit.get("questions").deepCopy() : NODES.arrayNode());
    ArrayNode interviewers = out.putArray("interviewers");
    i.path("default_interviewer_users")
        .forEach(
            u -> {
              ObjectNode who = interviewers.addObject();
              copyOrNull(who, "id", u);
              who.set("display_name", orNull(u.get("name")));
              who.put("status", "needs_action");
            });
    return out;
  }

  private static ObjectNode prospectDetail(JsonNode detail) {
    ObjectNode out = NODES.objectNode();
    for (String field : new String[] {"prospect_owner", "prospect_pool", "prospect_stage"}) {
      out.set(field, isObject(detail) ? orNull(detail.get(field)) : NODES.nullNode());
    }
    return out;
  }

  /**
   * The current offer from the store; without one (the store keeps no offers), an offer derived
   * from the application: its id, version 1, sent, resolved and starting on the last activity date.
   */
  private ObjectNode offer(JsonNode application) {
    long id = application.path("id").asLong();
    return lookups
        .currentOffer(id)
        .orElseGet(
            () -> {
              ObjectNode derived = NODES.objectNode();
              derived.put("id", id);
              derived.put("version", 1);
              JsonNode at = application.get("last_activity_at");
              derived.set("created_at", orNull(at));
              derived.set("sent_at", orNull(at));
              derived.set("resolved_at", orNull(at));
              derived.set("starts_at", orNull(at));
              return derived;
            });
  }

  private ObjectNode offerView(JsonNode offer) {
    ObjectNode out = NODES.objectNode();
    copyOrNull(out, "id", offer);
    copyOrNull(out, "version", offer);
    out.set("created_at", seconds(offer.get("created_at")));
    out.set("sent_at", isoDate(offer.has("sent_at") ? offer.get("sent_at") : offer.get("sent_on")));
    out.set("resolved_at", seconds(offer.get("resolved_at")));
    out.set("starts_at", isoDate(offer.get("starts_at")));
    out.set("custom_fields", parts.customFields(offer));
    return out;
  }

  /** The opening the hire filled: the offer's, else the job's opening holding this application. */
  private static ObjectNode opening(JsonNode offer, Optional<ObjectNode> job, long applicationId) {
    JsonNode source = offer.get("opening");
    if (!isObject(source)) {
      source =
          job.flatMap(
                  j -> {
                    for (JsonNode o : j.path("openings")) {
                      if (o.path("application_id").asLong(-1) == applicationId) {
                        return Optional.of(o);
                      }
                    }
                    return Optional.empty();
                  })
              .orElse(NODES.objectNode());
    }
    ObjectNode out = NODES.objectNode();
    copyOrNull(out, "opening_id", source);
    JsonNode custom = source.get("keyed_custom_fields");
    out.set(
        "custom_fields",
        isObject(custom) && custom.size() > 0 ? custom.deepCopy() : NODES.arrayNode());
    return out;
  }

  /**
   * The deprecated single {@code job} of hire_candidate, with {@code open_date}/{@code close_date}.
   */
  private ObjectNode deprecatedJob(ObjectNode harvestJob) {
    ObjectNode full = parts.job(harvestJob);
    ObjectNode out = NODES.objectNode();
    out.set("id", full.get("id"));
    out.set("name", full.get("name"));
    out.set("open_date", full.get("opened_at"));
    out.set("close_date", full.get("closed_at"));
    out.set("requisition_id", full.get("requisition_id"));
    out.set("departments", full.get("departments"));
    out.set("offices", full.get("offices"));
    out.set("custom_fields", full.get("custom_fields"));
    return out;
  }

  private static ObjectNode wrap(String root, ObjectNode value) {
    ObjectNode payload = NODES.objectNode();
    payload.set(root, value);
    return payload;
  }
}
