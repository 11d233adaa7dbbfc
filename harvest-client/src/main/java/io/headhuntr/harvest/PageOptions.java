package io.headhuntr.harvest;

/**
 * How a list is paged: {@code per_page} (1..500, default 500), {@code skip_count} (default true,
 * which makes Greenhouse skip counting and omit {@code rel="last"}; much faster on large accounts),
 * the page to start at (default 1; a sync resuming from a checkpoint starts later), and whether the
 * first page requested is counted anyway ({@link #countingFirstPage()}).
 */
public record PageOptions(int perPage, boolean skipCount, int firstPage, boolean countFirstPage) {
  public static final int MAX_PER_PAGE = 500;

  public PageOptions {
    if (perPage < 1 || perPage > MAX_PER_PAGE) {
      throw new IllegalArgumentException("per_page must be between 1 and 500, got " + perPage);
    }
    if (firstPage < 1) {
      throw new IllegalArgumentException("firstPage must be >= 1, got " + firstPage);
    }
  }

  public PageOptions(int perPage, boolean skipCount, int firstPage) {
    this(perPage, skipCount, firstPage, false);
  }

  public PageOptions(int perPage, boolean skipCount) {
    this(perPage, skipCount, 1);
  }

  /** 500 per page, no count. */
  public static PageOptions defaults() {
    return new PageOptions(MAX_PER_PAGE, true);
  }

  public PageOptions withPerPage(int n) {
    return new PageOptions(n, skipCount, firstPage, countFirstPage);
  }

  public PageOptions withSkipCount(boolean skip) {
    return new PageOptions(perPage, skip, firstPage, countFirstPage);
  }

  /** The same options, starting at {@code page} (1-based) instead of the first page. */
  public PageOptions startingAt(int page) {
    return new PageOptions(perPage, skipCount, page, countFirstPage);
  }

  /**
   * The same options, but the first page requested goes without {@code skip_count}, so its {@code
   * Link} header names the last page ({@link ListPage#lastPage()}); the pages after it skip the
   * count again ({@code skip_count=true} is added to Greenhouse's next link). The page count costs
   * one counted request and no extra one.
   */
  public PageOptions countingFirstPage() {
    return new PageOptions(perPage, skipCount, firstPage, true);
  }

  /** The filter's query plus {@code page} when the list does not start at the first page. */
  java.util.Map<String, String> query(java.util.Map<String, String> filter) {
    if (firstPage == 1) {
      return filter;
    }
    java.util.Map<String, String> query = new java.util.LinkedHashMap<>(filter);
    query.put("page", Integer.toString(firstPage));
    return query;
  }
}
