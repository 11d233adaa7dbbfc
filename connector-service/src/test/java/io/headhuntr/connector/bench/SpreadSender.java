package io.headhuntr.connector.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Sends requests spread over the connector instances that are alive, from {@code connections}
 * threads with one request in flight each: request {@code i} goes to live instance {@code (i / 2)
 * mod live}. A request that gets no answer, or a 5xx, is sent again (as Greenhouse retries a
 * webhook and a platform client retries a push with its idempotency key) to whichever instances are
 * alive then, until {@code accepted} comes back or {@code giveUpAfter} has passed. With a rate,
 * first attempts are spaced to at most that many per second (so a load lasts long enough for
 * something to happen in its middle, however fast the machine).
 */
public final class SpreadSender {
  private final HttpClient http;
  private final int connections;
  private final Duration giveUpAfter;
  private final long spacingNanos;
  private final AtomicLong nextSlot = new AtomicLong(Long.MIN_VALUE);

  /** Unpaced: each connection sends as fast as it is answered. */
  public SpreadSender(int connections, Duration giveUpAfter) {
    this(connections, giveUpAfter, 0);
  }

  /** At most {@code perSecond} first attempts a second (0: unpaced). */
  public SpreadSender(int connections, Duration giveUpAfter, int perSecond) {
    this.connections = connections;
    this.giveUpAfter = giveUpAfter;
    this.spacingNanos = perSecond <= 0 ? 0 : 1_000_000_000L / perSecond;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newCachedThreadPool(daemon("spread-http-")))
            .build();
  }

  /** One instance as the sender sees it: its index (0, 1, ...) and base URL. */
  public record Instance(int index, URI baseUrl) {}

  /**
   * What became of request {@code i}: the final status (0: never answered), its body, the instance
   * that answered, the attempts made, and when the answer came ({@link System#nanoTime()}).
   */
  public record Sent(int status, String body, int instance, int attempts, long answeredNanos) {}

  /**
   * Sends {@code count} requests; {@code build} makes request {@code i} for an instance; {@code
   * afterAccepted} is told the running count of accepted ones (a test pulls its trigger there).
   */
  public List<Sent> send(
      int count,
      Supplier<List<Instance>> live,
      BiFunction<Integer, Instance, HttpRequest> build,
      int accepted,
      IntConsumer afterAccepted)
      throws InterruptedException {
    Sent[] sent = new Sent[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger acceptedSoFar = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(connections, daemon("spread-sender-"));
    try {
      List<Future<?>> senders = new ArrayList<>();
      for (int t = 0; t < connections; t++) {
        senders.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    sent[i] = sendOne(i, live, build, accepted);
                    if (sent[i].status() == accepted) {
                      afterAccepted.accept(acceptedSoFar.incrementAndGet());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> sender : senders) {
        try {
          sender.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
      }
      return List.of(sent);
    } finally {
      pool.shutdownNow();
    }
  }

  private Sent sendOne(
      int i,
      Supplier<List<Instance>> live,
      BiFunction<Integer, Instance, HttpRequest> build,
      int accepted)
      throws InterruptedException {
    pace();
    long deadline = System.nanoTime() + giveUpAfter.toNanos();
    int attempts = 0;
    int status = 0;
    String body = "";
    int instance = -1;
    while (System.nanoTime() < deadline) {
      List<Instance> now = live.get();
      Instance target = now.get((i / 2 + attempts) % now.size());
      attempts++;
      try {
        HttpResponse<String> answer =
            http.send(build.apply(i, target), HttpResponse.BodyHandlers.ofString());
        status = answer.statusCode();
        body = answer.body();
        instance = target.index();
        if (status == accepted || (status >= 400 && status < 500)) {
          break; // done, or refused for a reason a retry does not change
        }
      } catch (IOException e) {
        status = 0; // no answer: the instance died under it, or the connection broke
      }
      Thread.sleep(Math.min(1_000, 50L * attempts));
    }
    return new Sent(status, body, instance, attempts, System.nanoTime());
  }

  private void pace() throws InterruptedException {
    if (spacingNanos == 0) {
      return;
    }
    long now = System.nanoTime();
    long slot =
        Math.max(
            now, nextSlot.getAndAccumulate(now, (prev, n) -> Math.max(prev, n) + spacingNanos));
    long wait = slot - now;
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
