package io.headhuntr.connector.greenhouse;

/**
 * A note to add, by its author (a Greenhouse user id), with {@code visibility} {@code public},
 * {@code private} or {@code admin_only}.
 */
public record NoteEntry(long authorId, String body, String visibility) {}
