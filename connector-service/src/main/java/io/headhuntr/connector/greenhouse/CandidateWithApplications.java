package io.headhuntr.connector.greenhouse;

import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.CandidateRow;
import java.util.List;

/**
 * A candidate as the mirror keeps it, with every application of theirs the listing carried (an
 * adapter whose API lists applications apart joins them here).
 */
public record CandidateWithApplications(CandidateRow candidate, List<ApplicationRow> applications) {
  public CandidateWithApplications {
    applications = List.copyOf(applications);
  }
}
