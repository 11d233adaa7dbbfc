package io.headhuntr.sandbox.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the auth server has handed out and not yet taken back: authorization codes (single
 * use), refresh tokens (rotated on every use) and live access tokens (signed JWTs whose ids are
 * remembered so that a revocation ends them). Lifetimes are Greenhouse's (code 60 s, access 1 h,
 * refresh 24 h) divided by the sandbox's time scale, measured on its clock.
 */
final class Grants {
  static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
  static final Duration ACCESS_LIFETIME = Duration.ofHours(1);
  static final Duration REFRESH_LIFETIME = Duration.ofHours(24);

  /** What a code or refresh token stands for: a client's consent for one user and scopes. */
  record Consent(String clientId, long userId, Set<String> scopes) {}

  private record Code(Consent consent, String redirectUri, long expiresAtMillis) {}

  private record Refresh(Consent consent, long expiresAtMillis) {}

  private record Access(String clientId, long expiresAtMillis) {}

  /** An issued access token (and refresh token for partner grants). */
  record Issued(Secret accessToken, long expiresAtMillis, Optional<Secret> refreshToken) {}

  private final SecureRandom random = new SecureRandom();
  private final JwtCodec jwt;
  private final Clock clock;
  private final String issuer;
  private final long codeMillis;
  private final long accessMillis;
  private final long refreshMillis;
  private final Map<String, Code> codes = new ConcurrentHashMap<>();
  private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, Access> accessTokens = new ConcurrentHashMap<>();

  Grants(Clock clock, double timeScale, String issuer) {
    this.clock = clock;
    this.issuer = issuer;
    this.codeMillis = scaled(CODE_LIFETIME, timeScale);
    this.accessMillis = scaled(ACCESS_LIFETIME, timeScale);
    this.refreshMillis = scaled(REFRESH_LIFETIME, timeScale);
    byte[] key = new byte[32];
    random.nextBytes(key);
    this.jwt = new JwtCodec(key);
  }

  private static long scaled(Duration lifetime, double timeScale) {
    return Math.max(1, (long) (lifetime.toMillis() / timeScale));
  }

  /** A new single-use code for this consent and redirect URI. */
  String newCode(Consent consent, String redirectUri) {
    String code = randomToken();
    codes.put(code, new Code(consent, redirectUri, clock.millis() + codeMillis));
    return code;
  }

  /** Redeems a code (it is gone afterwards, whatever the outcome). */
  Consent redeemCode(String code, String clientId, String redirectUri) {
    Code c = code == null ? null : codes.remove(code);
    if (c == null) {
      throw OAuthError.invalidGrant("The authorization code is unknown or was already used");
    }
    if (clock.millis() >= c.expiresAtMillis()) {
      throw OAuthError.invalidGrant("The authorization code has expired");
    }
    if (!c.consent().clientId().equals(clientId)) {
      throw OAuthError.invalidGrant("The authorization code was issued to another client");
    }
    if (!c.redirectUri().equals(redirectUri)) {
      throw OAuthError.invalidGrant("redirect_uri does not match the one of the authorization");
    }
    return c.consent();
  }

  /** Redeems a refresh token: it is spent now, so a second use fails (rotation). */
  Consent redeemRefresh(String token, String clientId) {
    Refresh r = token == null ? null : refreshTokens.remove(token);
    if (r == null) {
      throw OAuthError.invalidGrant("The refresh token is unknown, revoked or was already used");
    }
    if (clock.millis() >= r.expiresAtMillis()) {
      throw OAuthError.invalidGrant("The refresh token has expired");
    }
    if (!r.consent().clientId().equals(clientId)) {
      throw OAuthError.invalidGrant("The refresh token was issued to another client");
    }
    return r.consent();
  }

  /** Issues an access token for the consent, with a refresh token when asked. */
  Issued issue(Consent consent, boolean withRefresh) {
    long now = clock.millis();
    long expiresAt = now + accessMillis;
    String jti = randomToken();
    AccessClaims claims =
        new AccessClaims(
            issuer,
            consent.userId(),
            consent.clientId(),
            consent.scopes(),
            now / 1000,
            (expiresAt + 999) / 1000,
            jti);
    accessTokens.put(jti, new Access(consent.clientId(), expiresAt));
    Optional<Secret> refresh = Optional.empty();
    if (withRefresh) {
      String token = randomToken();
      refreshTokens.put(token, new Refresh(consent, now + refreshMillis));
      refresh = Optional.of(new Secret(token));
    }
    return new Issued(new Secret(jwt.encode(claims)), expiresAt, refresh);
  }

  /** The claims of a live access token: well signed, not expired, not revoked. */
  Optional<AccessClaims> live(String token) {
    return jwt.decode(token)
        .filter(
            c -> {
              Access a = accessTokens.get(c.jti());
              return a != null && clock.millis() < a.expiresAtMillis();
            });
  }

  /** The client a well-signed token names, expired or not (for per-client rate limits). */
  Optional<String> clientOf(String token) {
    return jwt.decode(token).map(AccessClaims::clientId);
  }

  /** Ends every code, refresh token and access token of the client. */
  void revoke(String clientId) {
    codes.values().removeIf(c -> c.consent().clientId().equals(clientId));
    refreshTokens.values().removeIf(r -> r.consent().clientId().equals(clientId));
    accessTokens.values().removeIf(a -> a.clientId().equals(clientId));
  }

  private String randomToken() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
