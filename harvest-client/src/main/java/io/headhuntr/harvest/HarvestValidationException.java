package io.headhuntr.harvest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * HTTP 422: Greenhouse refused the request's content; {@link #fieldErrors()} names each problem.
 */
public final class HarvestValidationException extends HarvestException {
  private final String greenhouseMessage;
  private final List<FieldError> fieldErrors;

  public HarvestValidationException(
      String method, String path, String greenhouseMessage, List<FieldError> fieldErrors) {
    super(method, path, 422, message(method, path, greenhouseMessage, fieldErrors), null);
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
      String method, String path, String greenhouseMessage, List<FieldError> errors) {
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
        422,
        said,
        "Fix the listed fields (or the record's state) and send again; Greenhouse did not apply this request.");
  }
}
