package io.headhuntr.connector.greenhouse;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One page of a listing: its records, the token that resumes the listing after it (empty when the
 * adapter knows this is the last page), and the listing's page count when it was counted.
 */
public record Page<T>(List<T> items, Optional<ResumeToken> next, OptionalInt pagesInListing) {
  public Page {
    items = List.copyOf(items);
  }
}
