package io.headhuntr.connector.sync;

import java.time.Duration;
import java.util.Optional;

/**
 * A tenant's own sync schedule, as {@code PUT .../sync/settings} sets it: minutes between its
 * passes (1 to 1440) and hours between its full reconciliations (1 to 720). An empty value means
 * the service's default ({@link SyncConfig#interval()}, {@link SyncConfig#fullInterval()}).
 */
public record SyncSettings(Optional<Integer> intervalMinutes, Optional<Integer> fullIntervalHours) {
  public static final int MAX_INTERVAL_MINUTES = 1440;
  public static final int MAX_FULL_INTERVAL_HOURS = 720;

  public SyncSettings {
    intervalMinutes.ifPresent(
        m -> {
          if (m < 1 || m > MAX_INTERVAL_MINUTES) {
            throw new IllegalArgumentException("interval_minutes must be 1..1440, got " + m);
          }
        });
    fullIntervalHours.ifPresent(
        h -> {
          if (h < 1 || h > MAX_FULL_INTERVAL_HOURS) {
            throw new IllegalArgumentException("full_interval_hours must be 1..720, got " + h);
          }
        });
  }

  /** Nothing set: the service's defaults apply. */
  public static SyncSettings serviceDefaults() {
    return new SyncSettings(Optional.empty(), Optional.empty());
  }

  /** The time between passes in effect: the tenant's own, else {@code defaults}'. */
  public Duration interval(SyncConfig defaults) {
    return intervalMinutes.map(Duration::ofMinutes).orElse(defaults.interval());
  }

  /** The time between full reconciliations in effect: the tenant's own, else {@code defaults}'. */
  public Duration fullInterval(SyncConfig defaults) {
    return fullIntervalHours.map(Duration::ofHours).orElse(defaults.fullInterval());
  }
}
