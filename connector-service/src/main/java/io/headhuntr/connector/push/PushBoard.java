package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.store.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's pushes at a glance, for the API ({@code GET .../push-summary}, {@code POST
 * .../pushes/{push_id}/retry}) and the console's health page alike: the queue by what a person
 * would call each state (a running push that waits to see whether an unanswered write applied is
 * "awaiting confirmation"), the funnel of pushed people by what became of them in Greenhouse (the
 * same outcome {@code GET .../pushes/{push_id}} derives from the mirror), the latest pushes, and
 * retrying one push that failed or needs attention.
 */
public final class PushBoard {
  /** The queue's states, in the order a push passes them. */
  public static final List<String> QUEUE_STATES =
      List.of("queued", "running", "awaiting_confirmation", "needs_attention", "failed", "done");

  private static final int PAGE = 1000;

  /**
   * The queue by state and the funnel by outcome (every state and stage present); {@code
   * pauseReason} is null unless Greenhouse refused the credential and the pushes wait.
   */
  public record Summary(
      Map<String, Integer> queue, Map<String, Integer> funnel, String pauseReason) {}

  /**
   * One push as the queue shows it: {@code state} is one of {@link #QUEUE_STATES}, {@code reason}
   * the plain-words error of a failed push or one that needs attention (or that a write awaits
   * confirmation), {@code outcome} what became of a done push ({@code active}, {@code rejected},
   * {@code hired}, ... or {@code unknown} until mirrored); both null when they do not apply.
   */
  public record Item(
      UUID pushId,
      String idempotencyKey,
      String state,
      String step,
      String target,
      String actingUserId,
      Long candidateId,
      Long applicationId,
      int attempts,
      String reason,
      String outcome,
      boolean retryable,
      Instant createdAt,
      Instant updatedAt) {}

  private final PushStore store;

  public PushBoard(Database database) {
    this.store = new PushStore(database.jdbi());
  }

  /** The queue by state and the funnel of the tenant's done pushes by outcome. */
  public Summary summary(UUID tenantId) {
    Map<String, Integer> queue = new LinkedHashMap<>();
    QUEUE_STATES.forEach(s -> queue.put(s, 0));
    Map<String, Integer> funnel = new LinkedHashMap<>();
    for (String stage : List.of("pushed", "in_process", "rejected", "hired", "other", "unknown")) {
      funnel.put(stage, 0);
    }
    Optional<PushCursor> after = Optional.empty();
    while (true) {
      List<PushRow> rows = store.list(tenantId, Optional.empty(), Optional.empty(), after, PAGE);
      for (PushRow row : rows) {
        queue.merge(state(row), 1, Integer::sum);
        if ("done".equals(row.status())) {
          funnel.merge("pushed", 1, Integer::sum);
          funnel.merge(stage(outcome(row).orElse("unknown")), 1, Integer::sum);
        }
      }
      if (rows.size() < PAGE) {
        break;
      }
      PushRow last = rows.get(rows.size() - 1);
      after = Optional.of(new PushCursor(last.createdAt(), last.pushId()));
    }
    return new Summary(queue, funnel, store.controls().pauseReason(tenantId).orElse(null));
  }

  /** The latest {@code limit} pushes (1 to 100), newest first. */
  public List<Item> latest(UUID tenantId, int limit) {
    if (limit < 1 || limit > 100) {
      throw ProblemException.invalid("limit", "limit must be from 1 to 100, got " + limit);
    }
    List<Item> items = new ArrayList<>();
    for (PushRow row :
        store.list(tenantId, Optional.empty(), Optional.empty(), Optional.empty(), limit)) {
      items.add(item(row));
    }
    return items;
  }

  /**
   * Queues a push that failed or needs attention again, from its first step: writes it already made
   * are in its steps and are looked up, not repeated. 404 for an unknown push, 409 for one that is
   * queued, running or done.
   */
  public Item retry(UUID tenantId, UUID pushId) {
    PushRow row =
        store
            .find(tenantId, pushId)
            .orElseThrow(() -> ProblemException.notFound("no push " + pushId + " in this tenant"));
    if (!retryable(row)) {
      throw ProblemException.conflict(
          "push "
              + pushId
              + " is "
              + state(row).replace('_', ' ')
              + ": only a push that failed or needs attention can be retried",
          List.of("push is " + row.status()));
    }
    int updated =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createUpdate(
                            "update pushes set status = 'queued', step = null, attempts = 0,"
                                + " run_at = now(), error = null, field_errors = '[]'::jsonb,"
                                + " claimed_by = null, finished_at = null, updated_at = now()"
                                + " where tenant_id = :t and push_id = :id"
                                + " and status in ('failed', 'needs_attention')")
                        .bind("t", tenantId)
                        .bind("id", pushId)
                        .execute());
    if (updated == 0) {
      throw ProblemException.conflict(
          "push " + pushId + " changed meanwhile; look at it again", List.of());
    }
    return item(store.find(tenantId, pushId).orElseThrow());
  }

  private static Item item(PushRow row) {
    String state = state(row);
    String reason = row.error() == null || row.error().isBlank() ? null : row.error();
    return new Item(
        row.pushId(),
        row.idempotencyKey(),
        state,
        row.step(),
        row.targetType(),
        row.actingUserId(),
        row.candidateId(),
        row.applicationId(),
        row.attempts(),
        reason,
        "done".equals(row.status()) ? outcome(row).orElse("unknown") : null,
        retryable(row),
        row.createdAt(),
        row.updatedAt());
  }

  private static boolean retryable(PushRow row) {
    return "failed".equals(row.status()) || "needs_attention".equals(row.status());
  }

  private static String state(PushRow row) {
    boolean open = "queued".equals(row.status()) || "running".equals(row.status());
    if (open
        && (PushExecution.STEP_CONFIRM.equals(row.step())
            || PushExecution.STEP_AWAIT.equals(row.step()))) {
      return "awaiting_confirmation";
    }
    return row.status();
  }

  private static Optional<String> outcome(PushRow row) {
    ObjectNode outcome = PushOutcome.of(row);
    return outcome == null ? Optional.empty() : Optional.of(outcome.path("state").asText());
  }

  /** The funnel's stage of an outcome: still in process, rejected, hired, or gone otherwise. */
  private static String stage(String outcome) {
    return switch (outcome) {
      case "active", "converted" -> "in_process";
      case "rejected" -> "rejected";
      case "hired" -> "hired";
      case "unknown" -> "unknown";
      default -> "other";
    };
  }
}
