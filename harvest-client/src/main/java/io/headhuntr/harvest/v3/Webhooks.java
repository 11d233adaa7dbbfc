package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/**
 * Webhook registrations, read side ({@code GET /v3/webhooks}, partner clients only). Writes are on
 * {@link ActingWebhooks}.
 */
public class Webhooks extends ResourceReads<Webhook, WebhookQuery> {
  Webhooks(V3Transport transport) {
    super(transport, "/v3/webhooks", Webhook.class, Webhook::id);
  }
}
