package io.headhuntr.connector.webhooks.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.events.NewEvent;
import io.headhuntr.connector.mirror.CandidateRow;
import io.headhuntr.connector.mirror.MirrorJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The candidate actions: {@code update_candidate} ({@code payload.candidate}; it carries no time,
 * so its version is the receive time), {@code delete_candidate} and {@code merge_candidate} ({@code
 * payload.person}), {@code candidate_anonymized} ({@code payload.candidate_id} and {@code
 * anonymized_fields}). Deletion and anonymization erase the personal data, not just flag it.
 */
final class CandidateChanged {
  private CandidateChanged() {}

  static BatchableAction updated() {
    return (payload, receivedAt) -> {
      JsonNode candidate = PayloadJson.object(payload, "candidate");
      if (candidate == null) {
        throw new UnusablePayloadException("payload.candidate is missing");
      }
      long candidateId = PayloadJson.requiredId(candidate, "id", "payload.candidate");
      Instant updatedAt = PayloadJson.instant(candidate, "updated_at");
      Instant version = updatedAt != null ? updatedAt : receivedAt;
      return new BatchableAction.Decoded() {
        @Override
        public Set<Long> candidateIds() {
          return Set.of(candidateId);
        }

        @Override
        public Set<Long> applicationIds() {
          return Set.of();
        }

        @Override
        public String plan(ApplyContext ctx, MirrorBatch batch) {
          Optional<CandidateRow> before = batch.candidate(candidateId);
          if (before.isPresent() && before.get().deletedAt() != null) {
            return "skipped: candidate was deleted or merged";
          }
          if (before.isPresent() && ApplicationChanged.isOlder(version, before.get().version())) {
            return "skipped: mirror holds newer data (" + before.get().version() + ")";
          }
          for (String role : new String[] {"recruiter", "coordinator"}) {
            JsonNode user = PayloadJson.object(candidate, role);
            if (user != null) {
              ReferenceData.user(ctx, user);
            }
          }
          batch.write(PayloadRows.candidate(candidate, before, version));
          ctx.emit(
              new NewEvent(
                  "updated",
                  candidateId,
                  null,
                  null,
                  null,
                  updatedAt,
                  MirrorJson.MAPPER.createObjectNode()));
          return "applied";
        }
      };
    };
  }

  static ActionProcessor deleted() {
    return (ctx, payload) -> {
      JsonNode person = person(payload);
      long candidateId = PayloadJson.requiredId(person, "id", "payload.person");
      ctx.mirror.lock(ctx.handle, ctx.tenantId, "candidate", candidateId);
      Optional<CandidateRow> before =
          ctx.mirror.candidates().find(ctx.handle, ctx.tenantId, candidateId);
      boolean fresh =
          ctx.mirror
              .candidates()
              .eraseAndTombstone(ctx.handle, ctx.tenantId, candidateId, ctx.receivedAt);
      // only the applications Greenhouse names: after a merge reported as a delete, the others
      // moved to the surviving candidate
      List<Long> applications = new ArrayList<>();
      for (JsonNode id : person.path("deleted_application_ids")) {
        if (id.canConvertToLong()) {
          applications.add(id.asLong());
          ctx.mirror
              .applications()
              .tombstone(ctx.handle, ctx.tenantId, id.asLong(), candidateId, ctx.receivedAt);
        }
      }
      boolean merged = before.map(c -> c.mergedIntoId() != null).orElse(false);
      if (!fresh || merged) {
        return merged ? "erased (candidate had been merged)" : "skipped: candidate already deleted";
      }
      ObjectNode data = MirrorJson.MAPPER.createObjectNode();
      ArrayNode ids = data.putArray("deleted_application_ids");
      applications.forEach(ids::add);
      ctx.emit(new NewEvent("deleted", candidateId, null, null, null, null, data));
      return "applied";
    };
  }

  static ActionProcessor merged() {
    return (ctx, payload) -> {
      JsonNode person = person(payload);
      long loser = PayloadJson.requiredId(person, "id", "payload.person");
      long survivor = PayloadJson.requiredId(person, "new_candidate_id", "payload.person");
      // lock in id order so two merges touching the same pair cannot deadlock
      ctx.mirror.lock(ctx.handle, ctx.tenantId, "candidate", Math.min(loser, survivor));
      ctx.mirror.lock(ctx.handle, ctx.tenantId, "candidate", Math.max(loser, survivor));
      Optional<CandidateRow> before = ctx.mirror.candidates().find(ctx.handle, ctx.tenantId, loser);
      if (before.isPresent() && before.get().mergedIntoId() != null) {
        return "skipped: already merged into " + before.get().mergedIntoId();
      }
      ctx.mirror.candidates().merge(ctx.handle, ctx.tenantId, loser, survivor, ctx.receivedAt);
      ObjectNode data = MirrorJson.MAPPER.createObjectNode();
      data.put("merged_candidate_id", loser);
      data.put("new_candidate_id", survivor);
      // about the survivor: after the re-pointing every reference to the loser is gone
      ctx.emit(new NewEvent("merged", survivor, null, null, null, null, data));
      return "applied";
    };
  }

  static ActionProcessor anonymized() {
    return (ctx, payload) -> {
      long candidateId = PayloadJson.requiredId(payload, "candidate_id", "payload");
      List<String> fields = new ArrayList<>();
      payload.path("anonymized_fields").forEach(f -> fields.add(f.asText()));
      ctx.mirror.lock(ctx.handle, ctx.tenantId, "candidate", candidateId);
      List<String> unknown =
          ctx.mirror
              .candidates()
              .anonymize(ctx.handle, ctx.tenantId, candidateId, fields, ctx.receivedAt);
      ObjectNode data = MirrorJson.MAPPER.createObjectNode();
      ArrayNode names = data.putArray("anonymized_fields");
      fields.forEach(names::add);
      ctx.emit(new NewEvent("anonymized", candidateId, null, null, null, null, data));
      return unknown.isEmpty() ? "applied" : "applied; fields not mirrored: " + unknown;
    };
  }

  private static JsonNode person(JsonNode payload) {
    JsonNode person = PayloadJson.object(payload, "person");
    if (person == null) {
      throw new UnusablePayloadException("payload.person is missing");
    }
    return person;
  }
}
