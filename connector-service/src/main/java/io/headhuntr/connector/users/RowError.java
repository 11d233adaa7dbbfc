package io.headhuntr.connector.users;

/** A problem with one cell of an uploaded export: where it is and what to do about it. */
public record RowError(int row, String column, String message) {}
