package io.headhuntr.connector.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Tells when a webhook that used to deliver regularly has gone quiet for far longer than usual
 * while the tenant's other webhooks still deliver: the sign of a webhook disabled or deleted in
 * Greenhouse (Greenhouse stops retrying after about 15 hours and tells only the error e-mail).
 *
 * <p>A webhook counts once it has delivered {@value #MIN_DELIVERIES} times; its usual gap is the
 * time between its first and last delivery over the gaps in between. It is silent when it has been
 * quiet for {@value #USUAL_GAPS} usual gaps and at least {@link #MIN_QUIET}, and, since its last
 * delivery, the other webhooks have delivered in at least {@value #OTHERS_ACTIVE_HOURS} different
 * hours: an account that was idle over a weekend and has just woken up is not a broken webhook.
 * Rare webhooks (a merge a month) never reach the count, so they are never called silent.
 */
final class WebhookSilence {
  static final int MIN_DELIVERIES = 5;
  static final int USUAL_GAPS = 10;
  static final Duration MIN_QUIET = Duration.ofHours(24);
  static final int OTHERS_ACTIVE_HOURS = 12;

  /** What a silent webhook looks like: quiet since, and how often it delivered before. */
  record Silent(Instant quietSince, Duration quietFor, Duration usualGap) {}

  private WebhookSilence() {}

  /**
   * @param othersActiveHoursAfter for an instant, in how many different hours the other webhooks
   *     delivered since then; asked only about a webhook quiet for long enough
   */
  static Optional<Silent> of(
      WebhookActivity.Row row, Instant now, ToIntFunction<Instant> othersActiveHoursAfter) {
    if (row.deliveries() < MIN_DELIVERIES
        || row.firstDeliveryAt().isEmpty()
        || row.lastDeliveryAt().isEmpty()) {
      return Optional.empty();
    }
    Instant first = row.firstDeliveryAt().get();
    Instant last = row.lastDeliveryAt().get();
    Duration usualGap = Duration.between(first, last).dividedBy(row.deliveries() - 1);
    Duration threshold = usualGap.multipliedBy(USUAL_GAPS);
    if (threshold.compareTo(MIN_QUIET) < 0) {
      threshold = MIN_QUIET;
    }
    Duration quietFor = Duration.between(last, now);
    if (quietFor.compareTo(threshold) < 0
        || othersActiveHoursAfter.applyAsInt(last) < OTHERS_ACTIVE_HOURS) {
      return Optional.empty();
    }
    return Optional.of(new Silent(last, quietFor, usualGap));
  }

  /** "3 days 4 hours", "5 hours", "12 minutes": for warnings a person reads. */
  static String words(Duration d) {
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    if (days > 0) {
      return plural(days, "day") + (hours > 0 ? " " + plural(hours, "hour") : "");
    }
    if (hours > 0) {
      return plural(hours, "hour") + (minutes > 0 ? " " + plural(minutes, "minute") : "");
    }
    return minutes > 0 ? plural(minutes, "minute") : plural(d.toSecondsPart(), "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
