package io.headhuntr.connector.webhooks.inbox;

import io.headhuntr.connector.webhooks.DeliveryBody;
import io.headhuntr.connector.webhooks.apply.WebhookApplier;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The durable inbox: every verified delivery is committed here, in one insert, before Greenhouse
 * gets its 200; {@link InboxWorker} applies it later. A repeated {@code Greenhouse-Event-ID} (or,
 * without one, the same body) is acknowledged without a second row. Bodies that are not JSON or
 * have no {@code action} are kept and parked with the reason; unknown actions are kept as ignored.
 */
public final class WebhookInbox {
  static final String COLUMNS =
      "tenant_id, inbox_id, event_id, action, received_at, state, attempts, run_at, outcome,"
          + " park_reason, last_error, finished_at, octet_length(raw_body) as body_bytes";

  private final Jdbi jdbi;
  private final Clock clock;

  public WebhookInbox(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Commits one verified delivery; true when new, false for a repeated Greenhouse-Event-ID (or,
   * without one, the same body hash).
   */
  public boolean accept(
      UUID tenantId, Optional<String> eventId, byte[] rawBody, Instant receivedAt) {
    return accept(tenantId, eventId, rawBody, DeliveryBody.sniff(rawBody), receivedAt);
  }

  /** As {@link #accept(UUID, Optional, byte[], Instant)}, with the body already read. */
  public boolean accept(
      UUID tenantId,
      Optional<String> eventId,
      byte[] rawBody,
      DeliveryBody sniffed,
      Instant receivedAt) {
    Delivery delivery = Delivery.of(tenantId, eventId, rawBody, sniffed, receivedAt);
    return !insertAll(List.of(delivery)).isEmpty();
  }

  /**
   * One verified delivery as it will be stored: its dedupe key, and the state it starts in (ready,
   * ignored for an unknown action, parked for an unusable body).
   */
  record Delivery(
      UUID tenantId,
      String dedupeKey,
      String eventId,
      String action,
      byte[] rawBody,
      Instant receivedAt,
      String state,
      String parkReason,
      String outcome,
      byte[] bodyDigest) {

    static Delivery of(
        UUID tenantId,
        Optional<String> eventId,
        byte[] rawBody,
        DeliveryBody sniffed,
        Instant receivedAt) {
      Optional<String> id = eventId.map(String::trim).filter(s -> !s.isEmpty());
      byte[] digest = digest(rawBody);
      String dedupeKey = id.map(s -> "id:" + s).orElseGet(() -> "sha256:" + hex(digest));
      String state = "ready";
      String parkReason = null;
      String outcome = null;
      if (sniffed.problem() != null) {
        state = "parked";
        parkReason = sniffed.problem();
      } else if (!WebhookApplier.KNOWN_ACTIONS.contains(sniffed.action())) {
        state = "ignored";
        outcome = "ignored: unknown action " + sniffed.action();
      }
      return new Delivery(
          tenantId,
          dedupeKey,
          id.orElse(null),
          sniffed.action(),
          rawBody,
          receivedAt,
          state,
          parkReason,
          outcome,
          // a replay under a new event id is the same body; pings repeat their body on purpose
          sniffed.isPing() ? null : digest);
    }

    record Key(UUID tenantId, String dedupeKey) {}

    Key key() {
      return new Key(tenantId, dedupeKey);
    }
  }

  /**
   * Inserts deliveries in one statement (so one commit); returns the keys of those that were new. A
   * key repeated inside {@code deliveries} is stored once.
   */
  Set<Delivery.Key> insertAll(List<Delivery> deliveries) {
    StringBuilder sql =
        new StringBuilder(
            "insert into webhook_inbox (tenant_id, dedupe_key, event_id, action, raw_body,"
                + " received_at, state, run_at, park_reason, outcome, finished_at, body_sha256)"
                + " values ");
    for (int i = 0; i < deliveries.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }
    // either key repeated (the event id, or the body under a new event id) is not stored again
    sql.append(" on conflict do nothing returning tenant_id, dedupe_key");
    return jdbi.withHandle(
        h -> {
          Set<Delivery.Key> fresh = new HashSet<>();
          try (PreparedStatement statement = h.getConnection().prepareStatement(sql.toString())) {
            int p = 1;
            for (Delivery d : deliveries) {
              OffsetDateTime received = OffsetDateTime.ofInstant(d.receivedAt(), ZoneOffset.UTC);
              statement.setObject(p++, d.tenantId());
              statement.setString(p++, d.dedupeKey());
              statement.setString(p++, d.eventId());
              statement.setString(p++, d.action());
              statement.setBytes(p++, d.rawBody());
              statement.setObject(p++, received);
              statement.setString(p++, d.state());
              statement.setObject(p++, received);
              statement.setString(p++, d.parkReason());
              statement.setString(p++, d.outcome());
              statement.setObject(p++, d.state().equals("ready") ? null : received);
              statement.setBytes(p++, d.bodyDigest());
            }
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                fresh.add(new Delivery.Key(rs.getObject(1, UUID.class), rs.getString(2)));
              }
            }
          } catch (SQLException e) {
            throw new IllegalStateException(
                "storing " + deliveries.size() + " verified deliveries failed", e);
          }
          return fresh;
        });
  }

  /** The tenant's parked deliveries, oldest first, at most {@code limit} after {@code afterId}. */
  public List<InboxEntry> parked(UUID tenantId, long afterId, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from webhook_inbox where tenant_id = :tenant and state = 'parked'"
                        + " and inbox_id > :after order by inbox_id limit :limit")
                .bind("tenant", tenantId)
                .bind("after", afterId)
                .bind("limit", limit)
                .map((rs, ctx) -> read(rs))
                .list());
  }

  /**
   * Rows per state, and per action the deliveries since {@code since} and the latest one: one pass
   * over the tenant's inbox (it was two; each costs about 50 ms at 90,000 rows, issue 15).
   */
  public InboxSummary summary(UUID tenantId, Instant since) {
    record Group(String state, InboxSummary.ActionActivity activity, long rows) {}
    List<Group> groups =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select state, coalesce(action, '(none)') as action, count(*) as n,"
                            + " count(*) filter (where received_at >= :since) as recent,"
                            + " max(received_at) as last from webhook_inbox"
                            + " where tenant_id = :tenant group by 1, 2")
                    .bind("tenant", tenantId)
                    .bind("since", since)
                    .map(
                        (rs, ctx) ->
                            new Group(
                                rs.getString("state"),
                                new InboxSummary.ActionActivity(
                                    rs.getString("action"),
                                    rs.getLong("recent"),
                                    instant(rs, "last")),
                                rs.getLong("n")))
                    .list());
    Map<String, Long> states = new TreeMap<>();
    Map<String, InboxSummary.ActionActivity> actions = new TreeMap<>();
    for (Group g : groups) {
      states.merge(g.state(), g.rows(), Long::sum);
      actions.merge(
          g.activity().action(),
          g.activity(),
          (x, y) ->
              new InboxSummary.ActionActivity(
                  x.action(),
                  x.deliveriesSince() + y.deliveriesSince(),
                  x.lastReceivedAt().isAfter(y.lastReceivedAt())
                      ? x.lastReceivedAt()
                      : y.lastReceivedAt()));
    }
    return new InboxSummary(states, since, List.copyOf(actions.values()));
  }

  public Optional<InboxEntry> find(UUID tenantId, long inboxId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from webhook_inbox where tenant_id = :tenant"
                        + " and inbox_id = :id")
                .bind("tenant", tenantId)
                .bind("id", inboxId)
                .map((rs, ctx) -> read(rs))
                .findOne());
  }

  /**
   * Puts a parked delivery back in the queue with a fresh attempt budget; false when the tenant has
   * no parked delivery with that id.
   */
  public boolean replay(UUID tenantId, long inboxId) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update webhook_inbox set state = 'ready', attempts = 0, run_at = :now,"
                            + " park_reason = null, finished_at = null, version = version + 1"
                            + " where tenant_id = :tenant and inbox_id = :id and state = 'parked'")
                    .bind("tenant", tenantId)
                    .bind("id", inboxId)
                    .bind("now", clock.instant())
                    .execute())
        == 1;
  }

  /**
   * Empties the raw bodies (personal data) of deliveries applied or ignored before {@code before},
   * keeping their rows, so dedupe keeps working and the outcome stays visible; parked deliveries
   * keep their bodies for replay. Returns how many bodies were emptied. Meant for a daily job.
   */
  public int forgetBodies(Instant before) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "update webhook_inbox set raw_body = '\\x'::bytea"
                        + " where state in ('done', 'ignored') and finished_at < :before"
                        + " and octet_length(raw_body) > 0")
                .bind("before", before)
                .execute());
  }

  static String sha256(byte[] body) {
    return hex(digest(body));
  }

  private static byte[] digest(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  static InboxEntry read(ResultSet rs) throws SQLException {
    return new InboxEntry(
        rs.getObject("tenant_id", UUID.class),
        rs.getLong("inbox_id"),
        rs.getString("event_id"),
        rs.getString("action"),
        instant(rs, "received_at"),
        rs.getString("state"),
        rs.getInt("attempts"),
        instant(rs, "run_at"),
        rs.getString("outcome"),
        rs.getString("park_reason"),
        rs.getString("last_error"),
        instant(rs, "finished_at"),
        rs.getInt("body_bytes"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
