package io.headhuntr.harvest;

/**
 * HTTP 404: no such record, a record still being created (Greenhouse creates asynchronously), or an
 * invalid On-Behalf-Of user id.
 */
public final class HarvestNotFoundException extends HarvestException {
  public HarvestNotFoundException(String method, String path, String greenhouseMessage) {
    this(method, path, 404, greenhouseMessage);
  }

  /** For 410 Gone as well (e.g. an endpoint Greenhouse retired). */
  public HarvestNotFoundException(
      String method, String path, int status, String greenhouseMessage) {
    super(
        method,
        path,
        status,
        describe(
            method,
            path,
            status,
            greenhouseMessage,
            "Check the id; a record created moments ago may need a retry in about 30 s; check the acting user id exists in Greenhouse."),
        null);
  }
}
