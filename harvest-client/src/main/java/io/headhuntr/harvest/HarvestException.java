package io.headhuntr.harvest;

/**
 * Any failed Harvest call. Subclasses say what the caller does next (fix the key, fix the request,
 * wait, look before creating again). Messages carry the method, the path (never the query, which
 * may hold an e-mail), the status and Greenhouse's own message; never the key or a request body.
 */
public abstract sealed class HarvestException extends RuntimeException
    permits HarvestUnauthorizedException,
        HarvestForbiddenException,
        HarvestNotFoundException,
        HarvestValidationException,
        HarvestRateLimitedException,
        HarvestServerException,
        HarvestTransportException,
        HarvestReauthorizationRequiredException {
  private static final int MAX_QUOTED = 300;

  private final String method;
  private final String path;
  private final int status;

  HarvestException(String method, String path, int status, String message, Throwable cause) {
    super(message, cause);
    this.method = method;
    this.path = path;
    this.status = status;
  }

  /** The HTTP method of the failed call, e.g. {@code POST}. */
  public String method() {
    return method;
  }

  /** The path of the failed call without its query, e.g. {@code /v1/candidates}. */
  public String path() {
    return path;
  }

  /** The HTTP status Greenhouse answered, or 0 when no answer came. */
  public int status() {
    return status;
  }

  static String describe(
      String method, String path, int status, String greenhouseMessage, String advice) {
    StringBuilder s = new StringBuilder().append(method).append(' ').append(path);
    if (status > 0) {
      s.append(" -> ").append(status);
    }
    if (greenhouseMessage != null && !greenhouseMessage.isBlank()) {
      String said =
          greenhouseMessage.length() > MAX_QUOTED
              ? greenhouseMessage.substring(0, MAX_QUOTED) + "..."
              : greenhouseMessage;
      s.append(": Greenhouse says \"").append(said).append('"');
    }
    return s.append(". ").append(advice).toString();
  }
}
