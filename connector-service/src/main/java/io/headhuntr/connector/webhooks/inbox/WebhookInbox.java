package io.headhuntr.connector.webhooks.inbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.headhuntr.connector.webhooks.apply.WebhookApplier;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private static final JsonFactory JSON = new JsonFactory();
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
    Optional<String> id = eventId.map(String::trim).filter(s -> !s.isEmpty());
    String dedupeKey = id.map(s -> "id:" + s).orElseGet(() -> "sha256:" + sha256(rawBody));
    Sniffed sniffed = sniff(rawBody);
    String state;
    String parkReason = null;
    String outcome = null;
    if (sniffed.problem() != null) {
      state = "parked";
      parkReason = sniffed.problem();
    } else if (!WebhookApplier.KNOWN_ACTIONS.contains(sniffed.action())) {
      state = "ignored";
      outcome = "ignored: unknown action " + sniffed.action();
    } else {
      state = "ready";
    }
    String finalState = state;
    String finalReason = parkReason;
    String finalOutcome = outcome;
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "insert into webhook_inbox (tenant_id, dedupe_key, event_id, action,"
                            + " raw_body, received_at, state, run_at, park_reason, outcome,"
                            + " finished_at) values (:tenant, :dedupe, :event, :action, :body,"
                            + " :received, :state, :received, :reason, :outcome, :finished)"
                            + " on conflict (tenant_id, dedupe_key) do nothing")
                    .bind("tenant", tenantId)
                    .bind("dedupe", dedupeKey)
                    .bind("event", id.orElse(null))
                    .bind("action", sniffed.action())
                    .bind("body", rawBody)
                    .bind("received", receivedAt)
                    .bind("state", finalState)
                    .bind("reason", finalReason)
                    .bind("outcome", finalOutcome)
                    .bind("finished", finalState.equals("ready") ? null : receivedAt)
                    .execute())
        == 1;
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

  /** Rows per state, and per action the deliveries since {@code since} and the latest one. */
  public InboxSummary summary(UUID tenantId, Instant since) {
    return jdbi.withHandle(
        h -> {
          Map<String, Long> states = new TreeMap<>();
          h.createQuery(
                  "select state, count(*) as n from webhook_inbox where tenant_id = :tenant"
                      + " group by state")
              .bind("tenant", tenantId)
              .map((rs, ctx) -> states.put(rs.getString("state"), rs.getLong("n")))
              .list();
          List<InboxSummary.ActionActivity> actions =
              h.createQuery(
                      "select coalesce(action, '(none)') as action,"
                          + " count(*) filter (where received_at >= :since) as recent,"
                          + " max(received_at) as last from webhook_inbox"
                          + " where tenant_id = :tenant group by 1 order by 1")
                  .bind("tenant", tenantId)
                  .bind("since", since)
                  .map(
                      (rs, ctx) ->
                          new InboxSummary.ActionActivity(
                              rs.getString("action"), rs.getLong("recent"), instant(rs, "last")))
                  .list();
          return new InboxSummary(states, since, actions);
        });
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

  /**
   * The action at the top level of the body, or why there is none; reads no further than needed.
   */
  static Sniffed sniff(byte[] body) {
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return new Sniffed(null, "the body is not a JSON object");
      }
      String action = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("action") && value == JsonToken.VALUE_STRING) {
          action = parser.getText();
        } else {
          parser.skipChildren();
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return new Sniffed(null, "the body is not JSON");
      }
      if (action == null || action.isBlank()) {
        return new Sniffed(null, "the body has no \"action\"");
      }
      return new Sniffed(action, null);
    } catch (IOException e) {
      return new Sniffed(null, "the body is not JSON");
    }
  }

  record Sniffed(String action, String problem) {}

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
