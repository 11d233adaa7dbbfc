package io.headhuntr.harvest;

/** A degree, for education ids. Lists are sorted by priority. */
public record Degree(long id, String name, Integer priority) {}
