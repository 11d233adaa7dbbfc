package io.headhuntr.harvest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses RFC 5988 {@code Link} headers as Greenhouse sends them: several header lines or one line
 * folded over several, each link {@code <url>; rel="next"}. URLs are kept verbatim (they already
 * carry filters and per_page).
 */
public final class LinkHeader {
  private static final Pattern LINK = Pattern.compile("<([^>]*)>([^<]*)");
  private static final Pattern REL =
      Pattern.compile("(?i)\\brel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,]+))");

  private LinkHeader() {}

  /**
   * Every link by relation ({@code next}, {@code prev}, {@code last}); the first one wins for a
   * repeated rel.
   */
  public static Map<String, String> parse(List<String> headerValues) {
    Map<String, String> links = new LinkedHashMap<>();
    for (String value : headerValues) {
      Matcher link = LINK.matcher(value);
      while (link.find()) {
        Matcher rel = REL.matcher(link.group(2));
        if (rel.find()) {
          String rels = rel.group(1) != null ? rel.group(1) : rel.group(2);
          for (String r : rels.trim().split("\\s+")) {
            links.putIfAbsent(r.toLowerCase(java.util.Locale.ROOT), link.group(1).trim());
          }
        }
      }
    }
    return links;
  }

  /** The {@code rel="next"} URL, if any; no header or no next link means this was the last page. */
  public static Optional<String> next(List<String> headerValues) {
    return Optional.ofNullable(parse(headerValues).get("next"));
  }
}
