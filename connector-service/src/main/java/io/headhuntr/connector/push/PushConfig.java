package io.headhuntr.connector.push;

import java.time.Duration;

/**
 * How pushes run. Defaults in {@link #defaults()}: backoff 2 s doubling to 5 min, 12 attempts
 * before a push needs attention, new records polled every 30 s while Greenhouse still answers 404
 * (as its docs advise), a claim revived after 5 minutes without a heartbeat, attachments up to 10
 * MB, an unanswered create looked up for 5 minutes before it is sent again.
 *
 * @param firstBackoff wait before the second attempt after a 5xx or a timeout
 * @param maxBackoff the longest wait between attempts
 * @param maxAttempts attempts before a push is set to {@code needs_attention}
 * @param awaitVisible how often a record created asynchronously is looked for again
 * @param maxAwait how long to wait for it before the push needs attention
 * @param staleClaim a running claim without heartbeat for this long is taken over
 * @param pollInterval how often idle workers look for work
 * @param claimBatch pushes one worker thread claims at a time (default 1: a push of another tenant
 *     never waits behind a slow tenant's push in the same batch)
 * @param tenantClaims a tenant with this many pushes claimed gets no more claimed until some finish
 *     (approximate under concurrent claims), so one tenant whose Greenhouse is slow or whose
 *     backlog is long never holds every worker thread while other tenants wait ({@link
 *     #forThreads}: half the threads, at least 1)
 * @param attachmentMaxBytes the largest attachment accepted (decoded bytes)
 * @param lookupCacheAge how long schools, degrees, disciplines and sources are cached per tenant
 * @param platformSourceName a source with this word in its name is credited when none is set
 * @param confirmWindow after a create (or an application added to a person found by email) was sent
 *     and no answer came, the person is looked up by email for this long, at growing intervals
 *     (from {@code firstBackoff} up to {@code awaitVisible}), before the write is taken as not
 *     applied and sent again: Greenhouse creates asynchronously, so a person just made can be
 *     invisible to the lookup for a while. Set it above the longest creation delay expected.
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
    String platformSourceName,
    Duration confirmWindow) {

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
    if (confirmWindow.isNegative()) {
      throw new IllegalArgumentException("confirmWindow must be >= 0");
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
        1,
        1,
        10L * 1024 * 1024,
        Duration.ofHours(1),
        "Headhuntr",
        Duration.ofMinutes(5));
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
        platformSourceName,
        confirmWindow);
  }

  /**
   * The claims for {@code threads} worker threads: one push per claim, and a tenant holds at most
   * half the threads (at least one), so a slow or broken Greenhouse leaves the others free.
   */
  public PushConfig forThreads(int threads) {
    return withClaims(1, Math.max(1, threads / 2));
  }

  /** The same settings with another bound for taking over a silent worker's claim. */
  public PushConfig withStaleClaim(Duration stale) {
    return withTimes(firstBackoff, awaitVisible, stale, pollInterval);
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
        platformSourceName,
        confirmWindow);
  }

  /** The same settings with another window for confirming an unanswered create. */
  public PushConfig withConfirmWindow(Duration window) {
    return new PushConfig(
        firstBackoff,
        maxBackoff,
        maxAttempts,
        awaitVisible,
        maxAwait,
        staleClaim,
        pollInterval,
        claimBatch,
        tenantClaims,
        attachmentMaxBytes,
        lookupCacheAge,
        platformSourceName,
        window);
  }

  /**
   * When to look again for the person of an unanswered write sent {@code waited} ago: as long again
   * as waited so far (so intervals double), from {@code firstBackoff} up to {@code awaitVisible},
   * never past the end of {@code confirmWindow}.
   */
  public Duration confirmDelay(Duration waited) {
    Duration next = waited.compareTo(firstBackoff) < 0 ? firstBackoff : waited;
    next = next.compareTo(awaitVisible) > 0 ? awaitVisible : next;
    Duration left = confirmWindow.minus(waited);
    return left.compareTo(next) < 0 ? (left.isNegative() ? Duration.ZERO : left) : next;
  }

  /** Backoff before attempt {@code attempt + 1}: doubling from {@code firstBackoff}, capped. */
  public Duration backoff(int attempt) {
    long millis = firstBackoff.toMillis() << Math.min(20, Math.max(0, attempt - 1));
    return millis > maxBackoff.toMillis() || millis < 0 ? maxBackoff : Duration.ofMillis(millis);
  }
}
