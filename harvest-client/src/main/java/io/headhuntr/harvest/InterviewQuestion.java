package io.headhuntr.harvest;

/** A question of an interview kit. */
public record InterviewQuestion(long id, String question) {}
