package io.headhuntr.harvest;

/**
 * The partner authorization is gone: Greenhouse refused the stored refresh token or code ({@code
 * invalid_grant}: used twice, expired, or the integration was removed), or nothing was ever stored.
 * No retry helps; a person must connect the integration again. The message never holds a token.
 */
public final class HarvestReauthorizationRequiredException extends HarvestException {
  public HarvestReauthorizationRequiredException(
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
            "The Greenhouse authorization is no longer valid: a person must reconnect the integration"
                + " (authorize it again in Greenhouse)."),
        null);
  }
}
