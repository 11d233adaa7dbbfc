package io.headhuntr.harvest;

import com.fasterxml.jackson.databind.JsonNode;

/** One allowed value of a job post question (value may be a number or a string). */
public record JobPostQuestionValue(JsonNode value, String label) {}
