package io.headhuntr.connector.greenhouse;

import java.time.Duration;
import java.util.List;

/**
 * A Greenhouse call that did not succeed, in the connector's terms: what capabilities branch on.
 * Messages keep what Greenhouse said, never a secret. {@link #status()} is the HTTP status (0 when
 * no answer came); {@link #method()} and {@link #path()} name the call.
 */
public abstract sealed class GreenhouseException extends RuntimeException {
  private final String method;
  private final String path;
  private final int status;

  private GreenhouseException(
      String method, String path, int status, String message, Throwable cause) {
    super(message, cause);
    this.method = method;
    this.path = path;
    this.status = status;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public int status() {
    return status;
  }

  /** The record (or a record a write names) does not exist (404). */
  public static final class NotFound extends GreenhouseException {
    public NotFound(String method, String path, String message, Throwable cause) {
      super(method, path, 404, message, cause);
    }
  }

  /** Greenhouse refused a write's content (422), naming the fields where it can. */
  public static final class Invalid extends GreenhouseException {
    private final String greenhouseMessage;
    private final List<FieldProblem> problems;

    public Invalid(
        String method,
        String path,
        int status,
        String message,
        String greenhouseMessage,
        List<FieldProblem> problems,
        Throwable cause) {
      super(method, path, status, message, cause);
      this.greenhouseMessage = greenhouseMessage;
      this.problems = List.copyOf(problems);
    }

    /** Greenhouse's own sentence, for when it names no field. */
    public String greenhouseMessage() {
      return greenhouseMessage;
    }

    public List<FieldProblem> problems() {
      return problems;
    }
  }

  /**
   * The credential was refused: {@link #unauthorized()} when it is not valid (401), else it lacks a
   * permission or scope (403).
   */
  public static final class Refused extends GreenhouseException {
    public Refused(String method, String path, int status, String message, Throwable cause) {
      super(method, path, status, message, cause);
    }

    public boolean unauthorized() {
      return status() == 401;
    }
  }

  /** The rate limit is spent; try again after {@link #retryAfter()}. */
  public static final class RateLimited extends GreenhouseException {
    private final Duration retryAfter;

    public RateLimited(
        String method, String path, Duration retryAfter, String message, Throwable cause) {
      super(method, path, 429, message, cause);
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }

  /** Greenhouse failed (5xx): a write may or may not have applied. */
  public static final class ServerError extends GreenhouseException {
    public ServerError(String method, String path, int status, String message, Throwable cause) {
      super(method, path, status, message, cause);
    }
  }

  /**
   * No answer came (connection refused, timeout): {@link #mayHaveApplied()} when the request may
   * have reached Greenhouse.
   */
  public static final class Unreachable extends GreenhouseException {
    private final boolean mayHaveApplied;

    public Unreachable(
        String method, String path, boolean mayHaveApplied, String message, Throwable cause) {
      super(method, path, 0, message, cause);
      this.mayHaveApplied = mayHaveApplied;
    }

    public boolean mayHaveApplied() {
      return mayHaveApplied;
    }
  }

  /**
   * A listing refused the resume token it was given (it expired or belongs to another listing): the
   * caller restarts that listing from its watermark.
   */
  public static final class ResumeRefused extends GreenhouseException {
    public ResumeRefused(String method, String path, String message, Throwable cause) {
      super(method, path, 422, message, cause);
    }
  }

  /**
   * This connection cannot do that at all, so nothing was sent: Harvest v1 has no webhook API, and
   * Greenhouse lets only partner clients manage webhooks. The message says what to do instead.
   */
  public static final class Unsupported extends GreenhouseException {
    public Unsupported(String method, String path, String message) {
      super(method, path, 0, message, null);
    }
  }

  /** Any other answer Greenhouse gave that the connector does not tell apart. */
  public static final class Failed extends GreenhouseException {
    public Failed(String method, String path, int status, String message, Throwable cause) {
      super(method, path, status, message, cause);
    }
  }
}
