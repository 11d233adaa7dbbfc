package io.headhuntr.harvest;

import java.time.Instant;
import java.util.Map;

/** Filters for {@code GET /v1/jobs}. */
public record JobFilter(
    Instant createdAfter,
    Instant createdBefore,
    Instant updatedAfter,
    Instant updatedBefore,
    String status,
    Long departmentId,
    Long officeId,
    String requisitionId,
    String openingId) {

  public static JobFilter all() {
    return new JobFilter(null, null, null, null, null, null, null, null, null);
  }

  public static JobFilter updatedAfter(Instant t) {
    return new JobFilter(null, null, t, null, null, null, null, null, null);
  }

  /** Only jobs with this status ({@code open|closed|draft}). */
  public JobFilter withStatus(String value) {
    return new JobFilter(
        createdAfter,
        createdBefore,
        updatedAfter,
        updatedBefore,
        value,
        departmentId,
        officeId,
        requisitionId,
        openingId);
  }

  public JobFilter withDepartment(long id) {
    return new JobFilter(
        createdAfter,
        createdBefore,
        updatedAfter,
        updatedBefore,
        status,
        id,
        officeId,
        requisitionId,
        openingId);
  }

  public JobFilter withOffice(long id) {
    return new JobFilter(
        createdAfter,
        createdBefore,
        updatedAfter,
        updatedBefore,
        status,
        departmentId,
        id,
        requisitionId,
        openingId);
  }

  Map<String, String> query() {
    return new QueryParams()
        .put("created_after", createdAfter)
        .put("created_before", createdBefore)
        .put("updated_after", updatedAfter)
        .put("updated_before", updatedBefore)
        .put("status", status)
        .put("department_id", departmentId)
        .put("office_id", officeId)
        .put("requisition_id", requisitionId)
        .put("opening_id", openingId)
        .toMap();
  }
}
