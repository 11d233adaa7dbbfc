package io.headhuntr.harvest;

/** The location of an office. */
public record OfficeLocation(String name) {}
