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
  private CallerWaits() {}

  public static <T> T atMost(Duration limit, Supplier<T> work) {
    return WaitLimit.atMost(limit, work);
  }
}
