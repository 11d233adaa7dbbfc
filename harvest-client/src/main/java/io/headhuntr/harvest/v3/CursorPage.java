package io.headhuntr.harvest.v3;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a Harvest v3 list: its items and, unless it is the last page, the {@code next} URL
 * (keep it to resume the listing later with the same client).
 */
public record CursorPage<T>(List<T> items, Optional<URI> next) {
  public CursorPage {
    items = List.copyOf(items);
    Objects.requireNonNull(next, "next");
  }

  /** True when Greenhouse gave no next link: the listing is complete. */
  public boolean isLast() {
    return next.isEmpty();
  }
}
