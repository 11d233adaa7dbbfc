package io.headhuntr.connector.webhooks.inbox;

import io.headhuntr.connector.mirror.MirrorStore;
import io.headhuntr.connector.webhooks.apply.WebhookApplier;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (its name does not end in Test): accepts N deliveries from 16 threads (no
 * HTTP, no signature), then applies them with one worker of 4 threads, and prints both rates. Each
 * delivery is the shared {@code new_candidate_application} example with its own application,
 * candidate and e-mail (a plain {@code job_created} when the examples are absent).
 *
 * <pre>
 * mvn -B -pl connector-service test -Dtest=InboxThroughputBenchmark -Dbenchmark.deliveries=4000
 * </pre>
 */
class InboxThroughputBenchmark {

  @Test
  void accept_then_apply() throws Exception {
    int n = Integer.getInteger("benchmark.deliveries", 4000);
    var jdbi = Deliveries.jdbi();
    var inbox = new WebhookInbox(jdbi, Clock.systemUTC());
    String template = template();
    UUID tenant = UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      int k = i;
      pool.submit(
          () ->
              inbox.accept(
                  tenant,
                  Optional.of("bench-" + k),
                  Deliveries.bytes(
                      template
                          .replace("71980812", Long.toString(90_000_000L + k))
                          .replace("60304594", Long.toString(80_000_000L + k))
                          .replace("person@work.com", "p" + k + "@work.com")
                          .replace("\"id\":1,", "\"id\":" + (1 + k) + ",")),
                  Instant.now()));
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
    long t1 = System.nanoTime();
    try (var worker =
        new InboxWorker(
            jdbi,
            Clock.systemUTC(),
            new WebhookApplier(new MirrorStore()),
            InboxWorkerConfig.defaults())) {
      worker.start(4);
      Awaitility.await()
          .atMost(Duration.ofMinutes(10))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> Deliveries.count(tenant, "done") == n);
    }
    long t2 = System.nanoTime();
    System.out.printf(
        "inbox benchmark: %d deliveries accepted in %d ms (%.0f/s), applied in %d ms (%.0f/s)%n",
        n, (t1 - t0) / 1_000_000, n * 1e9 / (t1 - t0), (t2 - t1) / 1_000_000, n * 1e9 / (t2 - t1));
  }

  private static String template() throws IOException {
    var dir = Deliveries.examples();
    if (dir.isPresent()) {
      return Files.readString(dir.get().resolve("webhook-new_candidate_application.json"));
    }
    return "{\"action\":\"job_created\",\"payload\":{\"job\":{\"id\":1,\"name\":\"Job\"}}}";
  }
}
