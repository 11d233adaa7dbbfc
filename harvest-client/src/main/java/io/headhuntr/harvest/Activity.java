package io.headhuntr.harvest;

import java.time.Instant;

/** A system activity (e.g. a stage change) on a candidate's activity feed. */
public record Activity(long id, Instant createdAt, String subject, String body, UserRef user) {}
