package io.headhuntr.harvest;

/**
 * How a list is paged: {@code per_page} (1..500, default 500) and {@code skip_count} (default true,
 * which makes Greenhouse skip counting and omit {@code rel="last"}; much faster on large accounts).
 */
public record PageOptions(int perPage, boolean skipCount) {
  public static final int MAX_PER_PAGE = 500;

  public PageOptions {
    if (perPage < 1 || perPage > MAX_PER_PAGE) {
      throw new IllegalArgumentException("per_page must be between 1 and 500, got " + perPage);
    }
  }

  /** 500 per page, no count. */
  public static PageOptions defaults() {
    return new PageOptions(MAX_PER_PAGE, true);
  }

  public PageOptions withPerPage(int n) {
    return new PageOptions(n, skipCount);
  }

  public PageOptions withSkipCount(boolean skip) {
    return new PageOptions(perPage, skip);
  }
}
