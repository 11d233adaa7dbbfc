package io.headhuntr.harvest.internal;

import java.io.IOException;

/**
 * Tries a call of the auth host again after a 429 (the {@link RateLimitPacer} behind it then waits
 * {@code Retry-After}) or when the connection was never made. Nothing else is repeated: a refresh
 * token that reached Greenhouse may already be used up.
 */
final class TokenRetry implements Interceptor {
  private final int maxAttempts;

  TokenRetry(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  @Override
  public HarvestResponse intercept(Chain chain) throws IOException {
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= maxAttempts || Thread.currentThread().isInterrupted();
      try {
        HarvestResponse response = chain.proceed(chain.request());
        if (response.status() != 429 || last) {
          return response;
        }
      } catch (SendFailure failure) {
        if (failure.mayHaveBeenSent() || last) {
          throw failure;
        }
      }
    }
  }
}
