package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.api.Json;

/**
 * What became of a pushed person, derived when read from the mirror by the recorded application and
 * candidate ids (so it is always as current as the mirror): {@code active} at a named stage, {@code
 * rejected}, {@code hired}, {@code converted}, {@code deleted}, {@code merged} (the candidate was
 * merged into {@code merged_into_candidate_id}; the application's own state is kept when the mirror
 * knows it), or {@code unknown} until a webhook or the sync has mirrored it.
 */
final class PushOutcome {
  private PushOutcome() {}

  static ObjectNode of(PushRow row) {
    if (!"done".equals(row.status()) || row.applicationId() == null) {
      return null;
    }
    PushRow.MirrorState m = row.mirror();
    ObjectNode out = Json.mapper().createObjectNode();
    boolean merged = m.mergedIntoId() != null;
    String state;
    if (m.applicationKnown() && m.applicationDeletedAt() != null) {
      state = "deleted";
    } else if (!merged && m.candidateKnown() && m.candidateDeletedAt() != null) {
      state = "deleted";
    } else if (m.applicationKnown() && m.applicationStatus() != null) {
      state = m.applicationStatus();
      if (state.equals("active") && m.stageName() != null) {
        out.putObject("stage").put("id", m.stageId()).put("name", m.stageName());
      }
    } else if (merged) {
      state = "merged";
    } else {
      state = "unknown";
    }
    out.put("state", state);
    if (m.prospectPool() != null) {
      out.put("prospect_pool", m.prospectPool());
      out.put("prospect_stage", m.prospectStage());
    }
    if (merged) {
      out.put("merged_into_candidate_id", row.candidateId());
    }
    out.put("candidate_id", row.candidateId());
    out.put("application_id", row.applicationId());
    return out;
  }
}
