package io.headhuntr.harvest;

import java.time.Instant;

/** An e-mail on a candidate's activity feed. */
public record EmailNote(
    long id,
    Instant createdAt,
    String subject,
    String body,
    String to,
    String from,
    String cc,
    UserRef user) {}
