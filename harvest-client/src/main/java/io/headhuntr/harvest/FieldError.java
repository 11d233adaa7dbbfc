package io.headhuntr.harvest;

/** One validation problem reported by Greenhouse; {@code field} is null for state errors. */
public record FieldError(String field, String message) {}
