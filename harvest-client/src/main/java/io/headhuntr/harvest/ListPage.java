package io.headhuntr.harvest;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One page of a Harvest list as Greenhouse answered it: its 1-based {@code number}, its items, and
 * the number of the list's last page when Greenhouse counted ({@code rel="last"} in the {@code
 * Link} header; absent with {@code skip_count=true}).
 */
public record ListPage<T>(int number, List<T> items, OptionalInt lastPage) {
  public ListPage {
    if (number < 1) {
      throw new IllegalArgumentException("a page number is >= 1, got " + number);
    }
    items = List.copyOf(Objects.requireNonNull(items, "items"));
    Objects.requireNonNull(lastPage, "lastPage");
  }
}
