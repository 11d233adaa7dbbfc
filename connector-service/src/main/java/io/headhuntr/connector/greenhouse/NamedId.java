package io.headhuntr.connector.greenhouse;

/** An entry of one of Greenhouse's lists (school, degree, discipline, source): id and name. */
public record NamedId(long id, String name) {}
