package io.headhuntr.sandbox.webhooks;

/**
 * A refused admin request body, answered with 422 in Harvest's shape {@code {"message", "errors":
 * [{"message", "field"}]}}.
 */
public final class InvalidRequest extends RuntimeException {

  private final String field;

  public InvalidRequest(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
