package io.headhuntr.connector.greenhouse;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a listing starts: records changed since a time (empty: all of them), continuing at a resume
 * token of the same listing if there is one, and whether to ask for the total number of pages (so
 * the time left can be estimated; adapters that cannot count ignore it).
 */
public record ListingStart(
    Optional<Instant> changedSince, Optional<ResumeToken> resumeAt, boolean countPages) {

  /** Everything, from the first page. */
  public static ListingStart everything() {
    return new ListingStart(Optional.empty(), Optional.empty(), false);
  }
}
