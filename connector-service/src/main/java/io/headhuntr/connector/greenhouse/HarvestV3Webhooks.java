package io.headhuntr.connector.greenhouse;

import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.NewWebhook;
import io.headhuntr.harvest.v3.Webhook;
import io.headhuntr.harvest.v3.WebhookPatch;
import io.headhuntr.harvest.v3.WebhookQuery;
import io.headhuntr.harvest.v3.WebhookSecret;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The webhook calls of the v3 adapter ({@code /v3/webhooks}). Greenhouse lets only partner clients
 * make them (a custom client's token gets 403), so over any other client they throw {@link
 * GreenhouseException.Unsupported} without a call. A partner has no {@code sub}: webhooks are saved
 * as the account that authorized the connection, each with Greenhouse's 7 attempts.
 */
final class HarvestV3Webhooks {
  /** Greenhouse's default (and most): 7 attempts over about 15 hours. */
  static final int MAX_ATTEMPTS = 7;

  private static final String PATH = "/v3/webhooks";

  private final HarvestV3Client client;
  private final HarvestV3Calls calls;
  private final boolean partner;

  HarvestV3Webhooks(HarvestV3Client client, HarvestV3Calls calls, boolean partner) {
    this.client = client;
    this.calls = calls;
    this.partner = partner;
  }

  boolean managed() {
    return partner;
  }

  /** One {@code GET /v3/webhooks} (pages followed; a partner has at most one per event type). */
  List<RegisteredWebhook> list() {
    requirePartner("GET");
    return calls.call(
        "GET",
        PATH,
        () -> {
          try (Stream<Webhook> hooks = client.webhooks().list(WebhookQuery.all())) {
            return hooks.map(HarvestV3Webhooks::registered).toList();
          }
        });
  }

  /** {@code POST /v3/webhooks}: Greenhouse pings the endpoint before it answers. */
  RegisteredWebhook register(WebhookDefinition webhook) {
    requirePartner("POST");
    NewWebhook body =
        NewWebhook.of(
            webhook.endpointUrl(),
            webhook.name(),
            webhook.action(),
            WebhookSecret.of(webhook.secretKey()),
            MAX_ATTEMPTS);
    NewWebhook sent =
        webhook.errorRecipientEmail() == null
            ? body
            : body.withErrorRecipient(webhook.errorRecipientEmail());
    return calls.call(
        "POST", PATH, () -> registered(client.actingAsAuthorizedUser().webhooks().create(sent)));
  }

  /** {@code PATCH /v3/webhooks/{id}} with every setting and {@code deactivated: false}. */
  RegisteredWebhook update(long id, WebhookDefinition webhook) {
    requirePartner("PATCH");
    WebhookPatch patch =
        new WebhookPatch(
            webhook.endpointUrl(),
            webhook.name(),
            webhook.action(),
            WebhookSecret.of(webhook.secretKey()),
            MAX_ATTEMPTS,
            false,
            null,
            null,
            null,
            webhook.errorRecipientEmail());
    return calls.call(
        "PATCH",
        PATH + "/" + id,
        () -> registered(client.actingAsAuthorizedUser().webhooks().update(id, patch)));
  }

  private void requirePartner(String method) {
    if (!partner) {
      throw new GreenhouseException.Unsupported(
          method,
          PATH,
          "Greenhouse lets only partner integrations manage webhooks, and this tenant connected"
              + " with its own Harvest V3 (OAuth) credentials: create the webhooks in Greenhouse >"
              + " Configure > Dev Center > Web Hooks as the webhook kit lists them");
    }
  }

  private static RegisteredWebhook registered(Webhook w) {
    return new RegisteredWebhook(
        w.id(),
        w.name(),
        w.endpointUrl(),
        w.eventActionType(),
        w.deactivated(),
        Optional.ofNullable(w.lastDelivered()));
  }
}
