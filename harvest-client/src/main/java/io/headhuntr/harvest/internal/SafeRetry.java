package io.headhuntr.harvest.internal;

import io.headhuntr.harvest.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Tries reads again on I/O errors, 429 and 5xx, as {@link RetryPolicy} decides. After a 429 it does
 * not wait itself: the next attempt passes the {@link RateLimitPacer}, which holds it until
 * Greenhouse's {@code Retry-After}.
 */
public final class SafeRetry implements Interceptor {
  private final RetryPolicy policy;
  private final Sleeper sleeper;

  public SafeRetry(RetryPolicy policy, Sleeper sleeper) {
    this.policy = policy;
    this.sleeper = sleeper;
  }

  @Override
  public HarvestResponse intercept(Chain chain) throws IOException {
    HarvestRequest request = chain.request();
    for (int attempt = 1; ; attempt++) {
      HarvestResponse response = null;
      IOException failure = null;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        failure = e;
      }
      int status = response == null ? 0 : response.status();
      boolean interrupted = Thread.currentThread().isInterrupted();
      if (interrupted || !policy.shouldRetry(request.method(), attempt, status, failure)) {
        if (failure != null) {
          throw failure;
        }
        return response;
      }
      Duration backoff = status == 429 ? Duration.ZERO : policy.backoff(attempt);
      if (io.headhuntr.harvest.WaitLimit.refuses(backoff)) {
        // this thread does not wait: the failure goes to the caller, who reschedules
        if (failure != null) {
          throw failure;
        }
        return response;
      }
      if (status != 429) {
        try {
          sleeper.sleep(backoff);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting to retry " + request);
        }
      }
    }
  }
}
