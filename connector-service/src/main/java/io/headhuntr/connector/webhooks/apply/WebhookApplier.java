package io.headhuntr.connector.webhooks.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.events.NewEvent;
import io.headhuntr.connector.mirror.MirrorJson;
import io.headhuntr.connector.mirror.MirrorStore;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Applies one stored delivery inside the caller's transaction: parses the body and dispatches on
 * {@code action} to its processor (payload roots differ per action). The outcome events it produces
 * go to {@code events}; the caller appends them (with {@code EventLog}) in the same transaction,
 * last, so the feed's counter lock is held only until commit. Throws {@link
 * UnusablePayloadException} for a body that can never be applied.
 */
public final class WebhookApplier {
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
  public String apply(
      Handle handle, UUID tenantId, byte[] rawBody, Instant receivedAt, List<NewEvent> events) {
    JsonNode body = parse(rawBody);
    JsonNode actionNode = body.get("action");
    if (actionNode == null || !actionNode.isTextual() || actionNode.asText().isBlank()) {
      throw new UnusablePayloadException("the body has no \"action\"");
    }
    String action = actionNode.asText();
    ActionProcessor processor = PROCESSORS.get(action);
    if (processor == null) {
      return "ignored: unknown action " + action;
    }
    JsonNode payload = body.get("payload");
    if (payload == null || !payload.isObject()) {
      throw new UnusablePayloadException("the body has no \"payload\" object");
    }
    ApplyContext ctx =
        new ApplyContext(
            handle, tenantId, receivedAt, mirror, new PassingReferences(tenantId, known));
    String outcome = processor.apply(ctx, payload);
    ctx.references.write(handle, mirror);
    events.addAll(ctx.events());
    return outcome;
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
