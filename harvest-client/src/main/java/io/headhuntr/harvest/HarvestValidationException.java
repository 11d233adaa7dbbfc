package io.headhuntr.harvest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * HTTP 422 (or another 4xx about the request itself): Greenhouse refused the request's content;
 * {@link #fieldErrors()} names each problem.
 */
public final class HarvestValidationException extends HarvestException {
  private final String greenhouseMessage;
  private final List<FieldError> fieldErrors;

  public HarvestValidationException(
      String method, String path, String greenhouseMessage, List<FieldError> fieldErrors) {
    this(method, path, 422, greenhouseMessage, fieldErrors);
  }

  /**
   * For another refusal of the request's content (400, 409, ...): same handling, real status kept.
   */
  public HarvestValidationException(
      String method,
      String path,
      int status,
      String greenhouseMessage,
      List<FieldError> fieldErrors) {
    super(
        method, path, status, message(method, path, status, greenhouseMessage, fieldErrors), null);
    this.greenhouseMessage = greenhouseMessage;
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  /** Greenhouse's top-level message, or null when the body had only {@code errors}. */
  public String greenhouseMessage() {
    return greenhouseMessage;
  }

  /** Each problem Greenhouse listed; {@code field} is null for state errors. */
  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  private static String message(
      String method, String path, int status, String greenhouseMessage, List<FieldError> errors) {
    String listed =
        errors.stream()
            .map(e -> e.field() == null ? e.message() : e.field() + ": " + e.message())
            .collect(Collectors.joining("; "));
    String said =
        greenhouseMessage == null
            ? listed
            : listed.isEmpty() ? greenhouseMessage : greenhouseMessage + " (" + listed + ")";
    return describe(
        method,
        path,
        status,
        said,
        "Fix the listed fields (or the record's state) and send again; Greenhouse did not apply this request.");
  }
}
