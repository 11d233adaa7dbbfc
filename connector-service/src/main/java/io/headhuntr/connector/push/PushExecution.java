package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.headhuntr.connector.api.Json;
import io.headhuntr.harvest.Application;
import io.headhuntr.harvest.ApplicationPatch;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.FieldError;
import io.headhuntr.harvest.GreenhouseUserId;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.HarvestForbiddenException;
import io.headhuntr.harvest.HarvestNotFoundException;
import io.headhuntr.harvest.HarvestRateLimitedException;
import io.headhuntr.harvest.HarvestServerException;
import io.headhuntr.harvest.HarvestTransportException;
import io.headhuntr.harvest.HarvestUnauthorizedException;
import io.headhuntr.harvest.HarvestValidationException;
import io.headhuntr.harvest.NewNote;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The steps of one push run: look the person up by every email (mirror, then Greenhouse), then
 * create them in one call, or add an application to the person found; wait out asynchronous
 * creation; set a prospect's pool. Faults become the next state: 429 waits, 5xx and timeouts retry
 * with backoff, a write without an answer is looked up before anything is created again, 422 fails
 * with Greenhouse's field errors, 401/403 pause the tenant.
 */
final class PushExecution {
  static final String STEP_AWAIT = "await_visible";
  static final String STEP_FOLLOWUPS = "followups";

  /** Clock skew allowed when deciding that a person found after an unanswered write is ours. */
  private static final Duration SKEW = Duration.ofMinutes(5);

  private final PushStore store;
  private final PersonLookup lookup;
  private final HarvestRequests requests;
  private final PushConfig config;
  private final Clock clock;

  PushExecution(PushStore store, HarvestRequests requests, PushConfig config, Clock clock) {
    this.store = store;
    this.lookup = new PersonLookup(store.jdbi());
    this.requests = requests;
    this.config = config;
    this.clock = clock;
  }

  /** Runs the claimed push as far as it goes now and returns where it stands. */
  PushProgress run(PushRow push, HarvestClient client) {
    CallRecorder calls = new CallRecorder(clock);
    ArrayNode warnings =
        push.warnings().isArray()
            ? ((ArrayNode) push.warnings()).deepCopy()
            : Json.mapper().createArrayNode();
    Attempt attempt = new Attempt(push, client, calls, warnings);
    try {
      return attempt.run();
    } catch (HarvestRateLimitedException e) {
      return attempt.retry(
          "Greenhouse rate limit: waiting " + e.retryAfter().toSeconds() + " s", e.retryAfter());
    } catch (HarvestServerException | HarvestTransportException e) {
      if (push.attempts() >= config.maxAttempts()) {
        return attempt
            .progress("needs_attention", "gave_up")
            .withError(
                "gave up after " + push.attempts() + " attempts: " + e.getMessage(),
                Json.mapper().createArrayNode());
      }
      return attempt.retry(e.getMessage(), config.backoff(push.attempts()));
    } catch (HarvestUnauthorizedException | HarvestForbiddenException e) {
      String reason =
          "Greenhouse refused the credential ("
              + e.status()
              + "): "
              + e.getMessage()
              + " Fix the key or its permissions, then resume the tenant's pushes.";
      store.controls().pause(push.tenantId(), reason);
      return attempt
          .progress("needs_attention", "paused")
          .withError(reason, Json.mapper().createArrayNode());
    } catch (HarvestValidationException e) {
      ArrayNode fields = Json.mapper().createArrayNode();
      StringBuilder words = new StringBuilder("Greenhouse refused the push");
      for (FieldError f : e.fieldErrors()) {
        fields.addObject().put("field", f.field()).put("message", f.message());
        words
            .append(f == e.fieldErrors().get(0) ? ": " : "; ")
            .append(f.field() == null ? "" : f.field() + ": ")
            .append(f.message());
      }
      if (e.fieldErrors().isEmpty()) {
        words.append(": ").append(e.greenhouseMessage());
      }
      return attempt.progress("failed", null).withError(words.toString(), fields);
    } catch (HarvestNotFoundException e) {
      return attempt
          .progress("failed", null)
          .withError(
              "Greenhouse answered 404 on "
                  + e.method()
                  + " "
                  + e.path()
                  + " (a job, stage or pool that does not exist, or the acting user is unknown)",
              Json.mapper().createArrayNode());
    }
  }

  /** One run of one push; fields hold what it has learnt so far. */
  private final class Attempt {
    private final PushRow push;
    private final HarvestClient client;
    private final HarvestClient.Acting asUser;
    private final CallRecorder calls;
    private final ArrayNode warnings;
    private boolean uncertain;
    private String result;
    private Long candidateId;
    private Long applicationId;
    private String resumeStep = "retry_wait";

    Attempt(PushRow push, HarvestClient client, CallRecorder calls, ArrayNode warnings) {
      this.push = push;
      this.client = client;
      this.asUser = client.onBehalfOf(GreenhouseUserId.of(push.greenhouseUserId()));
      this.calls = calls;
      this.warnings = warnings;
      this.uncertain = push.writeSentAt() != null;
    }

    PushProgress run() {
      HarvestRequests.Resolved r =
          requests.resolve(push, client, calls, store.controls().settings(push.tenantId()));
      r.warnings().forEach(this::warn);
      if (STEP_AWAIT.equals(push.step())) {
        resumeStep = STEP_AWAIT;
        return awaitVisible(r);
      }
      if (push.step() != null && push.step().startsWith(STEP_FOLLOWUPS)) {
        candidateId = push.candidateId();
        applicationId = push.applicationId();
        result = push.result();
        resumeStep = push.step();
        return followups(r, Integer.parseInt(push.step().substring(STEP_FOLLOWUPS.length() + 1)));
      }
      boolean links = store.controls().settings(push.tenantId()).links();
      Optional<Candidate> found = Optional.empty();
      if (links || uncertain) {
        found = lookup.byEmail(push.tenantId(), r.emails(), client, calls);
      }
      if (uncertain) {
        if (r.emails().isEmpty()) {
          return progress("needs_attention", "unverifiable")
              .uncertain(true)
              .withError(
                  "a write was sent and no answer came, and the person has no email to look them up"
                      + " by: check Greenhouse, then resume",
                  Json.mapper().createArrayNode());
        }
        Optional<PushProgress> adopted = found.flatMap(c -> adopt(r, c));
        if (adopted.isPresent()) {
          return adopted.get();
        }
        uncertain =
            false; // looked, and nothing of ours is there: the unanswered write did not apply
      }
      if (found.isPresent() && links) {
        return link(r, found.get());
      }
      return create(r);
    }

    private PushProgress create(HarvestRequests.Resolved r) {
      Candidate made;
      if (r.isCandidate()) {
        var body = requests.candidate(r);
        made = write("POST", "/v1/candidates", () -> asUser.candidates().create(body));
      } else {
        var body = requests.prospect(r);
        made = write("POST", "/v1/prospects", () -> asUser.prospects().create(body));
        if (r.target().hasNonNull("prospect_owner_id")) {
          warn(
              Json.mapper()
                  .createObjectNode()
                  .put("field", "target.prospect_owner_user_id")
                  .put("message", "Harvest v1 cannot set the owner of a new prospect; not set"));
        }
      }
      result = "created";
      candidateId = made.id();
      applicationId = firstApplication(made, r).orElse(null);
      if (made.firstName() == null) { // truncated: Greenhouse is still creating it
        return progress("running", STEP_AWAIT).after(config.awaitVisible()).resettingAttempts();
      }
      return followups(r, 0);
    }

    private PushProgress link(HarvestRequests.Resolved r, Candidate person) {
      candidateId = person.id();
      if (r.isCandidate()) {
        Optional<Application> active =
            person.applications().stream()
                .filter(a -> !a.prospect() && "active".equals(a.status()) && onJob(a, r.jobId()))
                .findFirst();
        if (active.isPresent()) {
          result = "already_on_job";
          applicationId = active.get().id();
          return done();
        }
      }
      var body =
          r.isCandidate()
              ? requests
                  .applicationOnJob(r)
                  .withAttachments(r.attachments().isEmpty() ? null : r.attachments())
              : requests.prospectApplication(
                  r, Optional.ofNullable(r.target().get("prospect_owner_id")).map(n -> n.asLong()));
      Application app =
          write(
              "POST",
              "/v1/candidates/" + person.id() + "/applications",
              () -> asUser.candidates().addApplication(person.id(), body));
      result = "linked";
      applicationId = app.id();
      if (!r.educations().isEmpty() || !r.employments().isEmpty()) {
        warn(
            Json.mapper()
                .createObjectNode()
                .put("field", "person")
                .put(
                    "message",
                    "an existing person was linked: educations and employments were not added again"));
      }
      return followups(r, 0);
    }

    /**
     * Writes after the person exists, numbered so a retry continues where it stopped: for a linked
     * person the notes (and a prospect's files), for a new prospect its pool and stage.
     */
    private PushProgress followups(HarvestRequests.Resolved r, int done) {
      List<Runnable> steps = new java.util.ArrayList<>();
      if ("linked".equals(result)) {
        for (NewNote note : r.notes()) {
          steps.add(
              () ->
                  write(
                      "POST",
                      "/v1/candidates/" + candidateId + "/activity_feed/notes",
                      () -> asUser.candidates().addNote(candidateId, note)));
        }
        if (!r.isCandidate()) {
          r.attachments()
              .forEach(
                  a ->
                      steps.add(
                          () ->
                              write(
                                  "POST",
                                  "/v1/candidates/" + candidateId + "/attachments",
                                  () -> asUser.candidates().addAttachment(candidateId, a))));
        }
      } else if ("created".equals(result) && !r.isCandidate() && r.poolId() != null) {
        ApplicationPatch patch =
            new ApplicationPatch(null, null, null, null, null, r.poolId(), r.poolStageId(), null);
        steps.add(
            () ->
                write(
                    "PATCH",
                    "/v1/applications/" + applicationId,
                    () -> asUser.applications().update(applicationId, patch)));
      }
      for (int i = done; i < steps.size(); i++) {
        try {
          steps.get(i).run();
        } catch (HarvestServerException
            | HarvestTransportException
            | HarvestRateLimitedException e) {
          resumeStep = STEP_FOLLOWUPS + ":" + i; // the person exists: continue from this write
          throw e;
        } catch (HarvestValidationException | HarvestNotFoundException e) {
          // the person exists, so the push is done; what Greenhouse refused is said, not hidden
          warn(
              Json.mapper()
                  .createObjectNode()
                  .put("field", "followup")
                  .put(
                      "message",
                      "Greenhouse refused a write after the person existed: " + e.getMessage()));
        }
      }
      return done();
    }

    private PushProgress awaitVisible(HarvestRequests.Resolved r) {
      candidateId = push.candidateId();
      applicationId = push.applicationId();
      result = push.result();
      try {
        Candidate c =
            calls.call(
                "GET", "/v1/candidates/" + candidateId, () -> client.candidates().get(candidateId));
        if (applicationId == null) {
          applicationId = firstApplication(c, r).orElse(null);
        }
        return followups(r, 0);
      } catch (HarvestNotFoundException e) {
        if (config.awaitVisible().multipliedBy(push.attempts()).compareTo(config.maxAwait()) > 0) {
          return progress("needs_attention", STEP_AWAIT)
              .withError(
                  "Greenhouse answered the create but the person is still not visible after "
                      + config.maxAwait().toMinutes()
                      + " min",
                  Json.mapper().createArrayNode());
        }
        return progress("running", STEP_AWAIT).after(config.awaitVisible());
      }
    }

    /** After an unanswered write: is the person found by email the one we made or linked? */
    private Optional<PushProgress> adopt(HarvestRequests.Resolved r, Candidate c) {
      Instant since = push.createdAt().minus(SKEW);
      boolean ours = c.createdAt() != null && !c.createdAt().isBefore(since);
      Optional<Application> app =
          c.applications().stream()
              .filter(a -> r.isCandidate() ? !a.prospect() && onJob(a, r.jobId()) : a.prospect())
              .filter(a -> ours || (a.appliedAt() != null && !a.appliedAt().isBefore(since)))
              .findFirst();
      if (app.isEmpty()) {
        return Optional.empty();
      }
      candidateId = c.id();
      applicationId = app.get().id();
      result = ours ? "created" : "linked";
      uncertain = false;
      return Optional.of(followups(r, 0));
    }

    private <T> T write(String method, String path, java.util.function.Supplier<T> call) {
      if (!store.markWriteSent(push)) {
        throw new IllegalStateException(
            "push " + push.pushId() + " was taken over by another worker");
      }
      uncertain = true;
      try {
        T answer = calls.call(method, path, call);
        uncertain = false;
        return answer;
      } catch (HarvestTransportException e) {
        uncertain = e.mayHaveApplied();
        throw e;
      } catch (HarvestServerException e) {
        throw e; // a 5xx may or may not have applied: keep looking before the next create
      } catch (RuntimeException e) {
        uncertain = false; // an answer came: nothing was applied
        throw e;
      }
    }

    private Optional<Long> firstApplication(Candidate c, HarvestRequests.Resolved r) {
      if (!c.applications().isEmpty()) {
        return c.applications().stream()
            .filter(a -> !r.isCandidate() || onJob(a, r.jobId()) || a.jobs().isEmpty())
            .map(Application::id)
            .findFirst();
      }
      return c.applicationIds().stream().findFirst();
    }

    private static boolean onJob(Application a, long jobId) {
      return a.jobs().stream().anyMatch(j -> j.id() == jobId);
    }

    private void warn(com.fasterxml.jackson.databind.JsonNode warning) {
      for (com.fasterxml.jackson.databind.JsonNode w : warnings) {
        if (w.equals(warning)) {
          return;
        }
      }
      warnings.add(warning);
    }

    private PushProgress done() {
      return progress("done", null);
    }

    PushProgress retry(String why, Duration delay) {
      return progress("running", resumeStep)
          .after(delay)
          .withError(why, Json.mapper().createArrayNode());
    }

    PushProgress progress(String status, String step) {
      return PushProgress.of(status, step, warnings, calls.calls())
          .withIds(result, candidateId, applicationId)
          .uncertain(uncertain);
    }
  }
}
