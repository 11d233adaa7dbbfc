package io.headhuntr.connector.api;

import java.util.List;
import java.util.Optional;

/**
 * An error answer: thrown by any handler, written as RFC 9457 {@code application/problem+json} by
 * one mapper ({@link ProblemMapper}). Its message never carries a secret.
 */
public final class ProblemException extends RuntimeException {
  private final int status;
  private final String title;
  private final Optional<String> field;
  private final List<String> problems;

  private ProblemException(
      int status, String title, String detail, Optional<String> field, List<String> problems) {
    super(detail);
    this.status = status;
    this.title = title;
    this.field = field;
    this.problems = List.copyOf(problems);
  }

  /** 422: the value of {@code field} (for example {@code "rows[3].user_id"}) is not acceptable. */
  public static ProblemException invalid(String field, String detail) {
    return new ProblemException(422, "Invalid request", detail, Optional.of(field), List.of());
  }

  /** 400: the request could not be read at all (for example, a body that is not JSON). */
  public static ProblemException badRequest(String detail) {
    return new ProblemException(400, "Bad request", detail, Optional.empty(), List.of());
  }

  /** 401: no valid bearer token. */
  public static ProblemException unauthorized(String detail) {
    return new ProblemException(401, "Unauthorized", detail, Optional.empty(), List.of());
  }

  /** 403: a valid token that may not do this. */
  public static ProblemException forbidden(String detail) {
    return new ProblemException(403, "Forbidden", detail, Optional.empty(), List.of());
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(404, "Not found", detail, Optional.empty(), List.of());
  }

  /** 409: the request conflicts with the current state; {@code problems} lists what is missing. */
  public static ProblemException conflict(String detail, List<String> problems) {
    return new ProblemException(409, "Conflict", detail, Optional.empty(), problems);
  }

  public static ProblemException tooLarge(String detail) {
    return new ProblemException(413, "Payload too large", detail, Optional.empty(), List.of());
  }

  /** 502: Greenhouse was unreachable or refused in a way the caller cannot fix by editing input. */
  public static ProblemException badGateway(String detail) {
    return new ProblemException(502, "Bad gateway", detail, Optional.empty(), List.of());
  }

  /** 502 naming the field whose value led to the failure (for example {@code base_url}). */
  public static ProblemException badGateway(String field, String detail) {
    return new ProblemException(502, "Bad gateway", detail, Optional.of(field), List.of());
  }

  /** 500: an unexpected failure; the detail says nothing about internals. */
  public static ProblemException internal(String detail) {
    return new ProblemException(500, "Internal server error", detail, Optional.empty(), List.of());
  }

  /** Any other status, for refusals the HTTP layer makes (405, 413, 415, ...). */
  public static ProblemException withStatus(int status, String title, String detail) {
    return new ProblemException(status, title, detail, Optional.empty(), List.of());
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  public Optional<String> field() {
    return field;
  }

  public List<String> problems() {
    return problems;
  }
}
