package io.headhuntr.harvest;

/** An embedded {@code {id, name}} reference (a job, a stage, a pool, a type...). */
public record NamedRef(long id, String name) {}
