package io.headhuntr.harvest;

/**
 * HTTP 401: the key is wrong, revoked, or (on some accounts) lacks the permission for this
 * endpoint.
 */
public final class HarvestUnauthorizedException extends HarvestException {
  public HarvestUnauthorizedException(String method, String path, String greenhouseMessage) {
    super(
        method,
        path,
        401,
        describe(
            method,
            path,
            401,
            greenhouseMessage,
            "Check the Harvest API key and that it is granted this endpoint in Greenhouse (Dev Center, API Credential Management)."),
        null);
  }
}
