package io.headhuntr.connector.greenhouse;

import io.headhuntr.harvest.WaitLimit;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How long a worker thread is willing to wait inside a Greenhouse call (for the tenant's rate
 * limit, or before a retry): work run in {@link #atMost} fails with {@link
 * GreenhouseException.RateLimited} (with the time to wait) or with the failure itself instead of
 * sleeping longer, so the worker reschedules it and goes on with other tenants' work.
 */
public final class CallerWaits {
  /**
   * What a worker thread (pushes, sync) accepts to wait inside one call: enough to space calls
   * within the tenant's rate window, never a whole window or a {@code Retry-After}.
   */
  public static final Duration WORKER_WAIT = Duration.ofMillis(500);

  private CallerWaits() {}

  /** The limit in force on this thread, if any (a helper thread of the worker takes it over). */
  public static java.util.Optional<Duration> current() {
    return WaitLimit.current();
  }

  public static <T> T atMost(Duration limit, Supplier<T> work) {
    return WaitLimit.atMost(limit, work);
  }
}
