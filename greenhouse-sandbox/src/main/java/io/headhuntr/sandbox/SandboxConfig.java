package io.headhuntr.sandbox;

import java.time.Clock;
import java.time.Duration;

/**
 * How a sandbox runs. {@code timeScale} F makes webhook retries and asynchronous creation F times
 * faster; {@code rateLimit} is requests per {@code rateWindow} per key (0 = off); a key lacking an
 * endpoint's permission gets {@code missingPermissionStatus} (403 by default; the docs allow 401
 * too). Harvest v3 allows {@code v3RateLimit} requests per client in any {@code v3RateWindow}
 * (rolling; 0 = off); the demo partner client redirects to {@code partnerRedirectUri}.
 */
public record SandboxConfig(
    int port,
    String apiKey,
    SandboxSeed seed,
    int candidates,
    long randomSeed,
    int rateLimit,
    Duration rateWindow,
    double timeScale,
    boolean asyncCreate,
    Clock clock,
    int missingPermissionStatus,
    int v3RateLimit,
    Duration v3RateWindow,
    String partnerRedirectUri) {

  /** Greenhouse documents polling every 30 s while a new record 404s. */
  public static final Duration ASYNC_CREATION = Duration.ofSeconds(30);

  /** Harvest v3's observed window. */
  public static final Duration V3_RATE_WINDOW = Duration.ofSeconds(30);

  /** The sandbox's default Harvest v3 limit per client and window. */
  public static final int V3_RATE_LIMIT = 150;

  /** Where the demo partner client sends consents back by default. */
  public static final String PARTNER_REDIRECT_URI =
      "http://127.0.0.1:8080/oauth/greenhouse/callback";

  public SandboxConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (candidates < 0) {
      throw new IllegalArgumentException("candidates must be >= 0");
    }
    if (rateLimit < 0) {
      throw new IllegalArgumentException("rateLimit must be >= 0 (0 = off)");
    }
    if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
      throw new IllegalArgumentException("timeScale must be a positive number");
    }
    if (missingPermissionStatus != 401 && missingPermissionStatus != 403) {
      throw new IllegalArgumentException("missingPermissionStatus must be 401 or 403");
    }
    if (rateWindow.isNegative() || rateWindow.isZero()) {
      throw new IllegalArgumentException("rateWindow must be positive");
    }
    if (v3RateLimit < 0) {
      throw new IllegalArgumentException("v3RateLimit must be >= 0 (0 = off)");
    }
    if (v3RateWindow.isNegative() || v3RateWindow.isZero()) {
      throw new IllegalArgumentException("v3RateWindow must be positive");
    }
    if (partnerRedirectUri == null || partnerRedirectUri.isBlank()) {
      throw new IllegalArgumentException("partnerRedirectUri must not be blank");
    }
  }

  /** How long a new person 404s with asynchronous creation on; zero when off. */
  public Duration asyncDelay() {
    return asyncCreate
        ? Duration.ofNanos((long) (ASYNC_CREATION.toNanos() / timeScale))
        : Duration.ZERO;
  }

  @Override
  public String toString() {
    return "SandboxConfig[port="
        + port
        + ", seed="
        + seed
        + ", candidates="
        + candidates
        + ", rateLimit="
        + rateLimit
        + ", v3RateLimit="
        + v3RateLimit
        + ", timeScale="
        + timeScale
        + ", asyncCreate="
        + asyncCreate
        + "]";
  }
}
