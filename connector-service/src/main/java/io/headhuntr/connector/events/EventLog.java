package io.headhuntr.connector.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.mirror.MirrorJson;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The per-tenant outcome feed. {@link #append} runs inside the caller's transaction and takes its
 * sequence numbers from the tenant's counter row, whose lock is held until commit: numbers are
 * gap-free and become visible in order, so a reader following {@code after=cursor} never skips one.
 * Append last in a transaction to keep that lock short.
 */
public final class EventLog {

  /** Appends {@code events} in order; returns the last sequence number, or -1 for none. */
  public long append(Handle handle, UUID tenantId, List<NewEvent> events, Instant now) {
    if (events.isEmpty()) {
      return -1;
    }
    long last =
        handle
            .createQuery(
                "insert into event_counters (tenant_id, last_seq) values (:tenant, :n)"
                    + " on conflict (tenant_id) do update"
                    + " set last_seq = event_counters.last_seq + excluded.last_seq"
                    + " returning last_seq")
            .bind("tenant", tenantId)
            .bind("n", (long) events.size())
            .mapTo(Long.class)
            .one();
    long seq = last - events.size();
    PreparedBatch batch =
        handle.prepareBatch(
            "insert into events (tenant_id, seq, type, candidate_id, application_id, job_id,"
                + " job_post_id, occurred_at, data, created_at) values (:tenant, :seq, :type,"
                + " :candidate, :application, :job, :job_post, :occurred, cast(:data as jsonb),"
                + " :now)");
    for (NewEvent event : events) {
      batch
          .bind("tenant", tenantId)
          .bind("seq", ++seq)
          .bind("type", event.type())
          .bind("candidate", event.candidateId())
          .bind("application", event.applicationId())
          .bind("job", event.jobId())
          .bind("job_post", event.jobPostId())
          .bind("occurred", event.occurredAt())
          .bind("data", write(event.data()))
          .bind("now", now)
          .add();
    }
    batch.execute();
    return last;
  }

  /** Up to {@code limit} events with a sequence number above {@code afterSeq}, in order. */
  public List<OutcomeEvent> after(Handle handle, UUID tenantId, long afterSeq, int limit) {
    return handle
        .createQuery(
            "select * from events where tenant_id = :tenant and seq > :after"
                + " order by seq limit :limit")
        .bind("tenant", tenantId)
        .bind("after", afterSeq)
        .bind("limit", limit)
        .map((rs, ctx) -> read(rs))
        .list();
  }

  private static OutcomeEvent read(ResultSet rs) throws SQLException {
    return new OutcomeEvent(
        EventCursor.encode(rs.getLong("seq")),
        rs.getString("type"),
        longOrNull(rs, "candidate_id"),
        longOrNull(rs, "application_id"),
        longOrNull(rs, "job_id"),
        longOrNull(rs, "job_post_id"),
        instant(rs, "occurred_at"),
        parse(rs.getString("data")),
        instant(rs, "created_at"));
  }

  private static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static String write(JsonNode node) {
    try {
      return MirrorJson.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return MirrorJson.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
