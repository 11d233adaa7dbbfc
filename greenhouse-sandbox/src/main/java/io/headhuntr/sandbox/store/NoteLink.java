package io.headhuntr.sandbox.store;

/**
 * Where a note of an activity feed belongs: its person and, when known, its application (0 when
 * not).
 */
public record NoteLink(long candidateId, long applicationId) {}
