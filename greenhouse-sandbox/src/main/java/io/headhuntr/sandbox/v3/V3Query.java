package io.headhuntr.sandbox.v3;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query of a v3 list call (contract section 8): either the first request's filters and {@code
 * per_page} (1-500, default 100), or a {@code cursor} alone that carries them. Typed access to
 * filters refuses malformed values with a 422 naming the parameter.
 */
final class V3Query {
  static final int DEFAULT_PER_PAGE = 100;
  static final int MAX_PER_PAGE = 500;
  static final int MAX_IDS = 50;

  private final Map<String, String> params;
  private final int perPage;
  private final long below;

  private V3Query(Map<String, String> params, int perPage, long below) {
    this.params = Map.copyOf(params);
    this.perPage = perPage;
    this.below = below;
  }

  /** The query of this request; a cursor combined with any other parameter is a 422. */
  static V3Query of(Context ctx) {
    Map<String, String> params = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
      if (!e.getValue().isEmpty()) {
        params.put(e.getKey(), e.getValue().get(0));
      }
    }
    return of(params);
  }

  static V3Query of(Map<String, String> params) {
    if (params.containsKey("cursor")) {
      if (params.size() > 1) {
        throw V3Failure.invalid(
            "cursor", "cannot be combined with other parameters: follow the Link header verbatim");
      }
      Cursor cursor = Cursor.decode(params.get("cursor"));
      return new V3Query(cursor.query(), cursor.perPage(), cursor.lastId());
    }
    return new V3Query(params, perPage(params.get("per_page")), Long.MAX_VALUE);
  }

  private static int perPage(String raw) {
    if (raw == null || raw.isBlank()) {
      return DEFAULT_PER_PAGE;
    }
    try {
      int n = Integer.parseInt(raw.trim());
      if (n >= 1 && n <= MAX_PER_PAGE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw V3Failure.invalid("per_page", "must be an integer between 1 and 500");
  }

  int perPage() {
    return perPage;
  }

  /** Ids of this page are below this one (Long.MAX_VALUE on the first page). */
  long below() {
    return below;
  }

  /** The cursor of the page after the one ending with {@code lastId}. */
  Cursor next(long lastId) {
    return new Cursor(params, perPage, lastId);
  }

  String text(String name) {
    String raw = params.get(name);
    return raw == null || raw.isBlank() ? null : raw.trim();
  }

  /** A comma list of ids (at most 50), or null when the parameter is absent. */
  List<Long> ids(String name) {
    String raw = text(name);
    if (raw == null) {
      return null;
    }
    List<Long> ids = new ArrayList<>();
    for (String part : raw.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        ids.add(Long.parseLong(part.trim()));
      } catch (NumberFormatException e) {
        throw V3Failure.invalid(name, "must be a comma-separated list of integer ids");
      }
    }
    if (ids.size() > MAX_IDS) {
      throw V3Failure.invalid(name, "accepts at most 50 ids");
    }
    return List.copyOf(ids);
  }

  TimeFilter time(String name) {
    return TimeFilter.parse(name, text(name));
  }

  /** true, false, or null when absent; anything else is a 422. */
  Boolean bool(String name) {
    String raw = text(name);
    if (raw == null) {
      return null;
    }
    if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
      return Boolean.valueOf(raw.toLowerCase(java.util.Locale.ROOT));
    }
    throw V3Failure.invalid(name, "must be true or false");
  }
}
