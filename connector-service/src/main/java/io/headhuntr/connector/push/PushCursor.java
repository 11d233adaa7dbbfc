package io.headhuntr.connector.push;

import io.headhuntr.connector.api.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Where a listing of pushes stopped: the last push's creation time and id (a batch's pushes share
 * one creation time, so the id breaks ties). Written as {@code <created_at>~<push_id>}.
 */
record PushCursor(Instant createdAt, UUID pushId) {
  static PushCursor parse(String text) {
    int cut = text.lastIndexOf('~');
    try {
      return new PushCursor(
          Instant.parse(text.substring(0, cut)), UUID.fromString(text.substring(cut + 1)));
    } catch (DateTimeParseException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw ProblemException.invalid("cursor", "cursor must be a next_cursor from a listing");
    }
  }

  @Override
  public String toString() {
    return createdAt + "~" + pushId;
  }
}
