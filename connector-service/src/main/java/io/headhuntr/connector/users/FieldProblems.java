package io.headhuntr.connector.users;

import io.headhuntr.connector.api.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every invalid field of a request body, so one answer names them all: the 422 names the
 * first field, and its detail lists each one with what to do.
 */
final class FieldProblems {

  private static final int MAX_LISTED = 20;

  private final List<String> fields = new ArrayList<>();
  private final List<String> messages = new ArrayList<>();

  void add(String field, String message) {
    fields.add(field);
    messages.add(message);
  }

  boolean isEmpty() {
    return fields.isEmpty();
  }

  void throwIfAny() {
    if (fields.isEmpty()) {
      return;
    }
    if (fields.size() == 1) {
      throw ProblemException.invalid(fields.get(0), messages.get(0));
    }
    StringBuilder detail = new StringBuilder(fields.size() + " problems, nothing was saved: ");
    for (int i = 0; i < Math.min(MAX_LISTED, fields.size()); i++) {
      detail.append(i == 0 ? "" : "; ").append(fields.get(i)).append(": ").append(messages.get(i));
    }
    if (fields.size() > MAX_LISTED) {
      detail.append("; and ").append(fields.size() - MAX_LISTED).append(" more");
    }
    throw ProblemException.invalid(fields.get(0), detail.toString());
  }
}
