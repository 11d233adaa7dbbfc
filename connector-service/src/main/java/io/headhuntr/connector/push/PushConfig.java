package io.headhuntr.connector.push;

import java.time.Duration;

/**
 * How pushes run. Defaults in {@link #defaults()}: backoff 2 s doubling to 5 min, 12 attempts
 * before a push needs attention, new records polled every 30 s while Greenhouse still answers 404
 * (as its docs advise), a claim revived after 5 minutes without a heartbeat, attachments up to 10
 * MB.
 *
 * @param firstBackoff wait before the second attempt after a 5xx or a timeout
 * @param maxBackoff the longest wait between attempts
 * @param maxAttempts attempts before a push is set to {@code needs_attention}
 * @param awaitVisible how often a record created asynchronously is looked for again
 * @param maxAwait how long to wait for it before the push needs attention
 * @param staleClaim a running claim without heartbeat for this long is taken over
 * @param pollInterval how often idle workers look for work
 * @param claimBatch pushes one worker thread claims at a time
 * @param tenantClaims a tenant with this many pushes claimed gets no more claimed until some finish
 *     (approximate under concurrent claims), so one tenant's backlog waiting on its rate limit does
 *     not hold every worker thread while other tenants wait
 * @param attachmentMaxBytes the largest attachment accepted (decoded bytes)
 * @param lookupCacheAge how long schools, degrees, disciplines and sources are cached per tenant
 * @param platformSourceName a source with this word in its name is credited when none is set
 */
public record PushConfig(
    Duration firstBackoff,
    Duration maxBackoff,
    int maxAttempts,
    Duration awaitVisible,
    Duration maxAwait,
    Duration staleClaim,
    Duration pollInterval,
    int claimBatch,
    int tenantClaims,
    long attachmentMaxBytes,
    Duration lookupCacheAge,
    String platformSourceName) {

  public PushConfig {
    if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException("backoff must be >= 0 and maxBackoff >= firstBackoff");
    }
    if (maxAttempts < 1 || claimBatch < 1 || tenantClaims < claimBatch) {
      throw new IllegalArgumentException(
          "maxAttempts and claimBatch must be >= 1, tenantClaims >= claimBatch");
    }
    if (staleClaim.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("staleClaim must be at least 1 s");
    }
    if (attachmentMaxBytes < 1) {
      throw new IllegalArgumentException("attachmentMaxBytes must be positive");
    }
  }

  public static PushConfig defaults() {
    return new PushConfig(
        Duration.ofSeconds(2),
        Duration.ofMinutes(5),
        12,
        Duration.ofSeconds(30),
        Duration.ofMinutes(30),
        Duration.ofMinutes(5),
        Duration.ofMillis(250),
        4,
        16,
        10L * 1024 * 1024,
        Duration.ofHours(1),
        "Headhuntr");
  }

  /** The same settings with other retry and polling times (tests, benchmarks). */
  public PushConfig withTimes(Duration backoff, Duration await, Duration stale, Duration poll) {
    return new PushConfig(
        backoff,
        maxBackoff.compareTo(backoff) < 0 ? backoff : maxBackoff,
        maxAttempts,
        await,
        maxAwait,
        stale,
        poll,
        claimBatch,
        tenantClaims,
        attachmentMaxBytes,
        lookupCacheAge,
        platformSourceName);
  }

  /** The same settings with other claim sizes. */
  public PushConfig withClaims(int batch, int perTenant) {
    return new PushConfig(
        firstBackoff,
        maxBackoff,
        maxAttempts,
        awaitVisible,
        maxAwait,
        staleClaim,
        pollInterval,
        batch,
        perTenant,
        attachmentMaxBytes,
        lookupCacheAge,
        platformSourceName);
  }

  /** Backoff before attempt {@code attempt + 1}: doubling from {@code firstBackoff}, capped. */
  public Duration backoff(int attempt) {
    long millis = firstBackoff.toMillis() << Math.min(20, Math.max(0, attempt - 1));
    return millis > maxBackoff.toMillis() || millis < 0 ? maxBackoff : Duration.ofMillis(millis);
  }
}
