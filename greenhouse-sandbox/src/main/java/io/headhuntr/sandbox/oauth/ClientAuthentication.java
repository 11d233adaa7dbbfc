package io.headhuntr.sandbox.oauth;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Reads and checks HTTP Basic client authentication ({@code client_id:client_secret}). */
final class ClientAuthentication {
  private ClientAuthentication() {}

  /** The client id of a Basic header, whether or not the secret is right; empty without one. */
  static Optional<String> presentedId(Context ctx) {
    return credentials(ctx).map(c -> c[0]);
  }

  /** The client the Basic header authenticates; 401 invalid_client otherwise. */
  static OAuthClient authenticate(Context ctx, OAuthClients clients) {
    String[] c =
        credentials(ctx)
            .orElseThrow(
                () -> OAuthError.invalidClient("Client authentication (HTTP Basic) is required"));
    return clients
        .find(c[0])
        .filter(client -> client.secret().matches(c[1]))
        .orElseThrow(() -> OAuthError.invalidClient("Unknown client or wrong client secret"));
  }

  private static Optional<String[]> credentials(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return Optional.empty();
      }
      return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
