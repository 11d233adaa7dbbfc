package io.headhuntr.connector.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The last permission report of each tenant, kept as JSON. */
final class PermissionReports {
  private final Jdbi jdbi;
  private final ObjectMapper json;

  PermissionReports(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  void save(PermissionReport report) {
    String text;
    try {
      text = json.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into permission_reports (tenant_id, report, checked_at)"
                        + " values (:tenant, cast(:report as jsonb), :at)"
                        + " on conflict (tenant_id) do update set report = excluded.report,"
                        + " checked_at = excluded.checked_at")
                .bind("tenant", report.tenantId())
                .bind("report", text)
                .bind("at", java.sql.Timestamp.from(report.checkedAt()))
                .execute());
  }

  Optional<PermissionReport> last(UUID tenantId) {
    return jdbi.withHandle(
            h ->
                h.createQuery(
                        "select report::text from permission_reports where tenant_id = :tenant")
                    .bind("tenant", tenantId)
                    .mapTo(String.class)
                    .findOne())
        .map(this::parse);
  }

  void forget(UUID tenantId) {
    jdbi.useHandle(
        h ->
            h.createUpdate("delete from permission_reports where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .execute());
  }

  private PermissionReport parse(String text) {
    try {
      return json.readValue(text, PermissionReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable permission report", e);
    }
  }
}
