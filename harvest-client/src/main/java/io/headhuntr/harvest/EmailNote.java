package io.headhuntr.harvest;

import java.time.Instant;
import java.util.List;

/**
 * An e-mail on a candidate's activity feed; {@code cc} comes as a string or a list and is read as a
 * list.
 */
public record EmailNote(
    long id,
    Instant createdAt,
    String subject,
    String body,
    String to,
    String from,
    List<String> cc,
    UserRef user) {
  public EmailNote {
    cc = Nulls.list(cc);
  }
}
