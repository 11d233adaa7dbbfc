package io.headhuntr.harvest;

/**
 * HTTP 403: the key lacks this endpoint's permission, the acting user may not see or change the
 * record, or a GET carried a body.
 */
public final class HarvestForbiddenException extends HarvestException {
  public HarvestForbiddenException(String method, String path, String greenhouseMessage) {
    super(
        method,
        path,
        403,
        describe(
            method,
            path,
            403,
            greenhouseMessage,
            "Grant this endpoint to the key, or act as a user who can see the record (On-Behalf-Of)."),
        null);
  }
}
