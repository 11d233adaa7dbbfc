package io.headhuntr.connector.webhooks.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.events.NewEvent;
import io.headhuntr.connector.mirror.MirrorJson;
import io.headhuntr.connector.mirror.MirrorStore;
import io.headhuntr.connector.webhooks.inbox.DeliveryApplier;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Applies one stored delivery inside the caller's transaction: parses the body and dispatches on
 * {@code action} to its processor (payload roots differ per action). The outcome events it produces
 * go to {@code events}; the caller appends them (with {@code EventLog}) in the same transaction,
 * last, so the feed's counter lock is held only until commit. Throws {@link
 * UnusablePayloadException} for a body that can never be applied.
 */
public final class WebhookApplier implements DeliveryApplier {
  private static final Map<String, ActionProcessor> PROCESSORS =
      Map.ofEntries(
          Map.entry(
              "new_candidate_application", new ApplicationChanged("new_candidate_application")),
          Map.entry("new_prospect_application", new ApplicationChanged("new_prospect_application")),
          Map.entry("application_updated", new ApplicationChanged("application_updated")),
          Map.entry("candidate_stage_change", new ApplicationChanged("candidate_stage_change")),
          Map.entry("reject_candidate", new ApplicationChanged("reject_candidate")),
          Map.entry("unreject_candidate", new ApplicationChanged("unreject_candidate")),
          Map.entry("hire_candidate", new ApplicationChanged("hire_candidate")),
          Map.entry("unhire_candidate", new ApplicationChanged("unhire_candidate")),
          Map.entry("delete_application", Deletions.application()),
          Map.entry("update_candidate", CandidateChanged.updated()),
          Map.entry("delete_candidate", CandidateChanged.deleted()),
          Map.entry("merge_candidate", CandidateChanged.merged()),
          Map.entry("candidate_anonymized", CandidateChanged.anonymized()),
          Map.entry("job_created", new JobChanged("job_created")),
          Map.entry("job_updated", new JobChanged("job_updated")),
          Map.entry("job_approved", new JobChanged("job_approved")),
          Map.entry("job_deleted", Deletions.job()),
          Map.entry("job_post_created", new JobPostChanged("job_post_created")),
          Map.entry("job_post_updated", new JobPostChanged("job_post_updated")),
          Map.entry("job_post_deleted", new JobPostChanged("job_post_deleted")),
          Map.entry("job_interview_stage_deleted", Deletions.stage()),
          // recorded by the receiver (webhook kit status); nothing to mirror
          Map.entry("ping", (ctx, payload) -> "ping: nothing to apply"));

  /** The actions this connector applies; any other is stored and marked ignored. */
  public static final Set<String> KNOWN_ACTIONS = PROCESSORS.keySet();

  private final MirrorStore mirror;
  private final KnownReferences known = new KnownReferences();

  public WebhookApplier(MirrorStore mirror) {
    this.mirror = mirror;
  }

  /** Applies {@code rawBody} for {@code tenantId}; returns what was done, in a few words. */
  @Override
  public String apply(
      Handle handle, UUID tenantId, byte[] rawBody, Instant receivedAt, List<NewEvent> events) {
    Parsed parsed = parse(rawBody, tenantId);
    if (parsed.processor() == null) {
      return "ignored: unknown action " + parsed.action();
    }
    ApplyContext ctx =
        new ApplyContext(
            handle, tenantId, receivedAt, mirror, new PassingReferences(tenantId, known));
    String outcome = parsed.processor().apply(ctx, parsed.payload());
    ctx.references.write(handle, mirror);
    events.addAll(ctx.events());
    return outcome;
  }

  /**
   * Applies a claimed batch set-based: each body is parsed and decoded once; consecutive deliveries
   * of the batchable actions (the application actions and {@code update_candidate}) are grouped per
   * tenant into {@link MirrorBatch}es of distinct candidates and applications, which lock and read
   * their rows together and write them with one guarded statement per table. A delivery that
   * touches a row its group already holds, or an action that is not batchable, first writes the
   * open groups, so deliveries about one object still apply in order. References mentioned in
   * passing are recorded once per tenant at the end. A delivery found unusable while decoding or
   * planning (before any of its rows is written) is answered as such and the others go on.
   */
  @Override
  public List<Applied> applyAll(Handle handle, List<Delivery> deliveries) {
    Applied[] results = new Applied[deliveries.size()];
    Map<UUID, PassingReferences> references = new TreeMap<>();
    Map<UUID, Group> open = new LinkedHashMap<>();
    for (int i = 0; i < deliveries.size(); i++) {
      Delivery d = deliveries.get(i);
      PassingReferences refs =
          references.computeIfAbsent(d.tenantId(), t -> new PassingReferences(t, known));
      Parsed parsed;
      BatchableAction.Decoded decoded = null;
      try {
        parsed = parse(d.rawBody(), d.tenantId());
        if (parsed.processor() instanceof BatchableAction batchable) {
          decoded = batchable.decode(parsed.payload(), d.receivedAt());
        }
      } catch (UnusablePayloadException e) {
        results[i] = Applied.unusable(e.getMessage());
        continue;
      }
      if (parsed.processor() == null) {
        results[i] = Applied.done("ignored: unknown action " + parsed.action(), List.of());
        continue;
      }
      ApplyContext ctx = new ApplyContext(handle, d.tenantId(), d.receivedAt(), mirror, refs);
      if (decoded != null) {
        Group group = open.get(d.tenantId());
        if (group != null && !group.rows.accepts(decoded)) {
          flush(handle, open, results);
          group = null;
        }
        if (group == null) {
          group = new Group(d.tenantId());
          open.put(d.tenantId(), group);
        }
        group.add(i, decoded, ctx);
      } else {
        flush(handle, open, results);
        String outcome = parsed.processor().apply(ctx, parsed.payload());
        results[i] = Applied.done(outcome, ctx.events());
        repointMerged(deliveries, results, i);
      }
    }
    flush(handle, open, results);
    references.values().forEach(r -> r.write(handle, mirror));
    return List.of(results);
  }

  /**
   * A merge re-points the loser's events to the survivor ({@code connector_repoint_candidate}), but
   * the events of this batch are appended after it: re-point those of earlier deliveries here, as
   * applying one delivery at a time would have.
   */
  private static void repointMerged(List<Delivery> deliveries, Applied[] results, int merge) {
    UUID tenant = deliveries.get(merge).tenantId();
    for (NewEvent merged : results[merge].events()) {
      if (!merged.type().equals("merged")) {
        continue;
      }
      long loser = merged.data().path("merged_candidate_id").asLong();
      long survivor = merged.data().path("new_candidate_id").asLong();
      for (int j = 0; j < merge; j++) {
        if (results[j] == null
            || results[j].unusable() != null
            || !deliveries.get(j).tenantId().equals(tenant)) {
          continue;
        }
        List<NewEvent> events = new ArrayList<>(results[j].events());
        events.replaceAll(
            e ->
                e.candidateId() != null && e.candidateId() == loser
                    ? new NewEvent(
                        e.type(),
                        survivor,
                        e.applicationId(),
                        e.jobId(),
                        e.jobPostId(),
                        e.occurredAt(),
                        e.data())
                    : e);
        results[j] = Applied.done(results[j].outcome(), events);
      }
    }
  }

  /** Plans and writes every open group, then closes them. */
  private void flush(Handle handle, Map<UUID, Group> open, Applied[] results) {
    for (Group group : open.values()) {
      group.rows.read(handle, group.tenantId, mirror);
      for (int k = 0; k < group.indexes.size(); k++) {
        ApplyContext ctx = group.contexts.get(k);
        int i = group.indexes.get(k);
        try {
          String outcome = group.decoded.get(k).plan(ctx, group.rows);
          results[i] = Applied.done(outcome, ctx.events());
        } catch (UnusablePayloadException e) {
          results[i] = Applied.unusable(e.getMessage());
        }
      }
      group.rows.write(handle, group.tenantId, mirror);
    }
    open.clear();
  }

  /** Deliveries of one tenant that go into one {@link MirrorBatch}, with their positions. */
  private static final class Group {
    final UUID tenantId;
    final MirrorBatch rows = new MirrorBatch();
    final List<Integer> indexes = new ArrayList<>();
    final List<BatchableAction.Decoded> decoded = new ArrayList<>();
    final List<ApplyContext> contexts = new ArrayList<>();

    Group(UUID tenantId) {
      this.tenantId = tenantId;
    }

    void add(int index, BatchableAction.Decoded delivery, ApplyContext ctx) {
      rows.add(delivery);
      indexes.add(index);
      decoded.add(delivery);
      contexts.add(ctx);
    }
  }

  /** A body parsed: its action, the processor for it (null: not one we apply), its payload. */
  private record Parsed(String action, ActionProcessor processor, JsonNode payload) {}

  private static Parsed parse(byte[] rawBody, UUID tenantId) {
    JsonNode body = parse(rawBody);
    JsonNode actionNode = body.get("action");
    if (actionNode == null || !actionNode.isTextual() || actionNode.asText().isBlank()) {
      throw new UnusablePayloadException("the body has no \"action\"");
    }
    String action = actionNode.asText();
    ActionProcessor processor = PROCESSORS.get(action);
    if (processor == null) {
      return new Parsed(action, null, null);
    }
    JsonNode payload = body.get("payload");
    if (payload == null || !payload.isObject()) {
      throw new UnusablePayloadException("the body has no \"payload\" object");
    }
    return new Parsed(action, processor, payload);
  }

  private static JsonNode parse(byte[] rawBody) {
    try {
      JsonNode body = MirrorJson.MAPPER.readTree(rawBody);
      if (body == null || !body.isObject()) {
        throw new UnusablePayloadException("the body is not a JSON object");
      }
      return body;
    } catch (JsonProcessingException e) {
      // the parser's message may quote the body (personal data): say where, not what
      throw new UnusablePayloadException(
          "the body is not JSON (at character " + e.getLocation().getCharOffset() + ")");
    } catch (IOException e) {
      throw new UnusablePayloadException("the body could not be read: " + e.getMessage());
    }
  }
}
