package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.api.Json;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** The wire shape of a push, snake_case like Greenhouse's; never the request's file contents. */
final class PushJson {
  private PushJson() {}

  static ObjectNode push(PushRow row, boolean withCalls) {
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("id", row.pushId().toString());
    out.put("idempotency_key", row.idempotencyKey());
    out.put("status", row.status());
    out.put("step", row.step());
    out.put("result", row.result());
    out.put("target", row.targetType());
    out.put("acting_user_id", row.actingUserId());
    out.put("on_behalf_of", row.greenhouseUserId());
    out.put("candidate_id", row.candidateId());
    out.put("application_id", row.applicationId());
    out.set("outcome", PushOutcome.of(row));
    out.put("error", row.error());
    out.set("field_errors", row.fieldErrors());
    out.set("warnings", row.warnings());
    out.put("attempts", row.attempts());
    out.put("harvest_calls", row.calls() == null ? 0 : row.calls().size());
    if (withCalls) {
      out.set("calls", row.calls());
    }
    out.put("batch_id", row.batchId() == null ? null : row.batchId().toString());
    out.put("created_at", text(row.createdAt()));
    out.put("updated_at", text(row.updatedAt()));
    out.put("finished_at", text(row.finishedAt()));
    // waiting out the confirmation window after an unanswered write: when it will decide
    out.put("decides_at", text(row.decidesAt()));
    return out;
  }

  /** Each write of the push: sent when, done when and how it is known ({@code push_steps}). */
  static ArrayNode steps(Collection<PushSteps.Step> steps) {
    ArrayNode out = Json.mapper().createArrayNode();
    for (PushSteps.Step s : steps) {
      out.addObject()
          .put("step", s.name())
          .put("sent_at", text(s.sentAt()))
          .put("done_at", text(s.doneAt()))
          .put("sends", s.sends())
          .put("confirmed_by", s.confirmedBy());
    }
    return out;
  }

  static ObjectNode settings(PushSettings s, Optional<String> pause) {
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("duplicate_policy", s.duplicatePolicy());
    out.put("default_source_id", s.defaultSourceId().orElse(null));
    out.put("paused", pause.isPresent());
    out.put("pause_reason", pause.orElse(null));
    return out;
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
