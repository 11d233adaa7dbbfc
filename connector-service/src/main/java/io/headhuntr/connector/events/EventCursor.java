package io.headhuntr.connector.events;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque position in a tenant's feed handed to the platform: today a base64url wrapping of the
 * per-tenant sequence number, so the representation can change without breaking clients.
 */
public final class EventCursor {
  private static final String PREFIX = "ev1:";

  private EventCursor() {}

  public static String encode(long seq) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
  }

  /** The sequence number inside; throws {@link IllegalArgumentException} for anything else. */
  public static long decode(String cursor) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a cursor of this feed");
    }
    if (!text.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a cursor of this feed");
    }
    try {
      long seq = Long.parseLong(text.substring(PREFIX.length()));
      if (seq < 0) {
        throw new IllegalArgumentException("not a cursor of this feed");
      }
      return seq;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a cursor of this feed");
    }
  }
}
