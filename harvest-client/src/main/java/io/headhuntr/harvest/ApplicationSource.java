package io.headhuntr.harvest;

/** The source credited on an application. */
public record ApplicationSource(long id, String publicName) {}
