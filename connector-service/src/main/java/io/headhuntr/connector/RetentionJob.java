package io.headhuntr.connector;

import io.headhuntr.connector.push.PushRetention;
import io.headhuntr.connector.webhooks.inbox.InboxRetention;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps personal data no longer than it serves: every hour, applied webhook bodies and finished
 * pushes' requests older than the retention are forgotten, and finished pushes' files older than
 * the attachment retention. Every instance runs it; the deletes are idempotent, so two running at
 * once only share the work. (Erasure clears copies at once: see the migration {@code
 * V13_6__erasure_clears_copies.sql}.)
 */
final class RetentionJob implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
  private final InboxRetention inbox;
  private final PushRetention pushes;
  private final ConnectorConfig.RetentionConfig config;
  private final Clock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "retention");
            t.setDaemon(true);
            return t;
          });

  RetentionJob(Jdbi jdbi, ConnectorConfig.RetentionConfig config, Clock clock) {
    this.inbox = new InboxRetention(jdbi);
    this.pushes = new PushRetention(jdbi);
    this.config = config;
    this.clock = clock;
  }

  void start() {
    timer.scheduleWithFixedDelay(this::runSafely, 1, 60, TimeUnit.MINUTES);
  }

  /** One round at {@code now}: what was forgotten, for the log and for tests. */
  record Forgotten(int deliveries, int pushRequests, int pushFiles) {}

  Forgotten runOnce(Instant now) {
    int files = pushes.dropAttachmentFilesBefore(now.minus(config.attachments()));
    int requests = pushes.forgetRequestsBefore(now.minus(config.retention()));
    int deliveries = inbox.purgeFinishedBefore(now.minus(config.retention()));
    return new Forgotten(deliveries, requests, files);
  }

  private void runSafely() {
    try {
      Forgotten forgotten = runOnce(clock.instant());
      if (forgotten.deliveries() + forgotten.pushRequests() + forgotten.pushFiles() > 0) {
        log.info(
            "retention: forgot {} webhook bodies, {} push requests, the files of {} pushes",
            forgotten.deliveries(),
            forgotten.pushRequests(),
            forgotten.pushFiles());
      }
    } catch (RuntimeException e) {
      log.warn("retention round failed; the next runs in an hour", e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
