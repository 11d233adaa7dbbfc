package io.headhuntr.sandbox.webhooks;

import java.time.Instant;

/**
 * The e-mail Greenhouse would send to a webhook's error recipient (WEBHOOKS.md section 1), recorded
 * instead of sent: on a failed ping and when a delivery has used up its attempts.
 */
public record FailureNotice(
    long id,
    Instant at,
    String recipient,
    long webhookId,
    String webhookName,
    String action,
    String eventId,
    String reason) {}
