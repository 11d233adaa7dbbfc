package io.headhuntr.sandbox;

import java.time.Clock;
import java.time.Duration;

/**
 * How a sandbox runs. {@code timeScale} F makes webhook retries and asynchronous creation F times
 * faster; {@code rateLimit} is requests per {@code rateWindow} per key (0 = off); a key lacking an
 * endpoint's permission gets {@code missingPermissionStatus} (403 by default; the docs allow 401
 * too).
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
    int missingPermissionStatus) {

  /** Greenhouse documents polling every 30 s while a new record 404s. */
  public static final Duration ASYNC_CREATION = Duration.ofSeconds(30);

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
        + ", timeScale="
        + timeScale
        + ", asyncCreate="
        + asyncCreate
        + "]";
  }
}
