package io.headhuntr.connector.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.headhuntr.connector.api.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console's templates write times, durations, states and chart data. */
public final class Format {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Format() {}

  /** "12 s ago", "5 min ago", "3 h ago", else the date; "never" for null. */
  public static String ago(Instant at) {
    if (at == null) {
      return "never";
    }
    long seconds = Math.max(0, Duration.between(at, Instant.now()).toSeconds());
    if (seconds < 60) {
      return seconds + " s ago";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min ago";
    }
    if (seconds < 48 * 3600) {
      return seconds / 3600 + " h ago";
    }
    return DAY.format(at);
  }

  /** "in 4 min", "in 2 h", "now" for a time to come; "not scheduled" for null. */
  public static String until(Instant at) {
    if (at == null) {
      return "not scheduled";
    }
    long seconds = Duration.between(Instant.now(), at).toSeconds();
    if (seconds <= 0) {
      return "now";
    }
    if (seconds < 60) {
      return "in " + seconds + " s";
    }
    if (seconds < 5400) {
      return "in " + Math.round(seconds / 60.0) + " min";
    }
    return "in " + Math.round(seconds / 3600.0) + " h";
  }

  /** The ISO-8601 form of an instant, for a {@code <time datetime>} attribute. */
  public static String iso(Instant at) {
    return at == null ? null : at.toString();
  }

  /** A time left in words: "under a minute", "about 4 min", "about 2 h"; "not known yet". */
  public static String left(Long seconds) {
    if (seconds == null) {
      return "not known yet";
    }
    if (seconds <= 0) {
      return "none";
    }
    if (seconds < 60) {
      return "under a minute";
    }
    if (seconds < 5400) {
      return "about " + Math.round(seconds / 60.0) + " min";
    }
    return "about " + Math.round(seconds / 3600.0) + " h";
  }

  /** A wire name in words: {@code waiting_for_ping} reads "waiting for ping". */
  public static String words(String wire) {
    return wire == null ? "" : wire.replace('_', ' ');
  }

  /** How far a listing is, 0 to 100 (0 while its last page is not known). */
  public static int percent(int pages, Integer lastPage, String state) {
    if ("done".equals(state)) {
      return 100;
    }
    if (lastPage == null || lastPage <= 0) {
      return 0;
    }
    return Math.min(100, (int) Math.round(100.0 * pages / lastPage));
  }

  /** A value as JSON, for a {@code data-} attribute a chart reads. */
  public static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
