package io.headhuntr.harvest;

/** An application question and its answer, both plain strings. */
public record Answer(String question, String answer) {}
