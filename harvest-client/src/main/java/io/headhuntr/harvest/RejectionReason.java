package io.headhuntr.harvest;

/** Why an application was rejected. */
public record RejectionReason(long id, String name, NamedRef type) {}
