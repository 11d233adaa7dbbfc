package io.headhuntr.sandbox.faults;

/** A refused fault rule, answered with 422 naming the field (e.g. {@code rules[0].error_rate}). */
public final class InvalidFaultRule extends RuntimeException {

  private final String field;

  public InvalidFaultRule(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
