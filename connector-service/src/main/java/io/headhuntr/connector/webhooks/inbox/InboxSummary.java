package io.headhuntr.connector.webhooks.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tenant's inbox at a glance: rows per state (a growing {@code ready} count is a backlog, any
 * {@code parked} needs an operator) and, per action, deliveries since {@code since} and the last
 * one.
 */
public record InboxSummary(Map<String, Long> states, Instant since, List<ActionActivity> actions) {

  /** Deliveries of one action: how many since the summary's {@code since}, and the latest. */
  public record ActionActivity(String action, long deliveriesSince, Instant lastReceivedAt) {}
}
