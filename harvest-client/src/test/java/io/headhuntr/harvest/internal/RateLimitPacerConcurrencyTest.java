package io.headhuntr.harvest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.harvest.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Runs on real time with a short window (the only test that does): many threads share one pacer and
 * a server that counts calls per sliding window like Greenhouse; none may be refused.
 */
class RateLimitPacerConcurrencyTest {
  static final int LIMIT = 4;
  static final Duration WINDOW = Duration.ofMillis(1000);

  /**
   * Counts arrivals in the last window (shorter than the client's: threads of a loaded machine may
   * be paused between the pacer and the server).
   */
  static final class CountingGreenhouse implements Interceptor {
    private final Deque<Long> arrivals = new ArrayDeque<>();
    private final long windowNanos = WINDOW.minusMillis(400).toNanos();
    int served;
    int refused;

    @Override
    public synchronized HarvestResponse intercept(Chain chain) {
      long now = System.nanoTime();
      while (!arrivals.isEmpty() && now - arrivals.peekFirst() >= windowNanos) {
        arrivals.pollFirst();
      }
      if (arrivals.size() >= LIMIT) {
        refused++;
        return HarvestResponse.of(429, Map.of("Retry-After", List.of("1")), new byte[0]);
      }
      arrivals.addLast(now);
      served++;
      return HarvestResponse.of(
          200,
          Map.of(
              "X-RateLimit-Limit", List.of(Integer.toString(LIMIT)),
              "X-RateLimit-Remaining", List.of(Integer.toString(LIMIT - arrivals.size()))),
          new byte[0]);
    }
  }

  @Test
  void threads_sharing_one_pacer_never_overdraw_the_budget() throws Exception {
    RateLimitPacer pacer = new RateLimitPacer(Clock.systemUTC(), Sleeper.system(), 0, WINDOW);
    CountingGreenhouse greenhouse = new CountingGreenhouse();
    List<Interceptor> chain = List.of(pacer, greenhouse);
    HarvestRequest request = HarvestRequest.get(URI.create("http://greenhouse.test/v1/jobs/1"));

    int calls = 12;
    ExecutorService threads = Executors.newFixedThreadPool(8);
    long started = System.nanoTime();
    try {
      List<Callable<HarvestResponse>> work = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        work.add(() -> new InterceptorChain(chain, 0, request).proceed(request));
      }
      for (Future<HarvestResponse> f : threads.invokeAll(work)) {
        assertThat(f.get().status()).isEqualTo(200);
      }
    } finally {
      threads.shutdownNow();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(greenhouse.refused).as("calls refused with 429").isZero();
    assertThat(greenhouse.served).isEqualTo(calls);
    assertThat(took)
        .as("12 calls at 4 per window need 2 full windows")
        .isGreaterThanOrEqualTo(WINDOW.multipliedBy(2));
  }
}
