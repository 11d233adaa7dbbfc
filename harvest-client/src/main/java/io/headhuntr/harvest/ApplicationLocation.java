package io.headhuntr.harvest;

/** The answer to an application's location question. */
public record ApplicationLocation(String address) {}
