package io.headhuntr.connector.webhooks.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * A tenant's webhook deliveries per clock hour, read from the inbox (which keeps a row for every
 * verified delivery): the events and, apart, Greenhouse's pings. Every hour of the window is
 * listed, quiet ones with zeros, oldest first, the current (partial) hour last; the API's {@code
 * GET .../webhooks/deliveries} and the console's chart both read it.
 */
public final class DeliveryHistory {
  /** The longest window asked for: a week. */
  public static final int MAX_HOURS = 168;

  /** One clock hour (UTC) starting at {@code start}. */
  public record Hour(Instant start, long deliveries, long pings) {}

  /** The window ({@code from} inclusive, {@code to} exclusive) and its hours. */
  public record PerHour(Instant from, Instant to, long deliveries, long pings, List<Hour> hours) {}

  private final Jdbi jdbi;
  private final Clock clock;

  public DeliveryHistory(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** The last {@code hours} clock hours, this one included (1 to {@link #MAX_HOURS}). */
  public PerHour lastHours(UUID tenantId, int hours) {
    if (hours < 1 || hours > MAX_HOURS) {
      throw new IllegalArgumentException("hours must be 1.." + MAX_HOURS + ", got " + hours);
    }
    Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    Instant from = to.minus(hours, ChronoUnit.HOURS);
    Map<Instant, long[]> counts = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select date_trunc('hour', received_at at time zone 'UTC') as hour,"
                        + " count(*) filter (where action is distinct from 'ping') as deliveries,"
                        + " count(*) filter (where action = 'ping') as pings"
                        + " from webhook_inbox where tenant_id = :tenant"
                        + " and received_at >= :from and received_at < :to group by 1")
                .bind("tenant", tenantId)
                .bind("from", Timestamp.from(from))
                .bind("to", Timestamp.from(to))
                .map(
                    (rs, ctx) ->
                        counts.put(
                            rs.getObject("hour", java.time.LocalDateTime.class)
                                .toInstant(java.time.ZoneOffset.UTC),
                            new long[] {rs.getLong("deliveries"), rs.getLong("pings")}))
                .list());
    List<Hour> list = new ArrayList<>(hours);
    long deliveries = 0;
    long pings = 0;
    for (Instant start = from; start.isBefore(to); start = start.plus(1, ChronoUnit.HOURS)) {
      long[] n = counts.getOrDefault(start, new long[2]);
      list.add(new Hour(start, n[0], n[1]));
      deliveries += n[0];
      pings += n[1];
    }
    return new PerHour(from, to, deliveries, pings, List.copyOf(list));
  }
}
