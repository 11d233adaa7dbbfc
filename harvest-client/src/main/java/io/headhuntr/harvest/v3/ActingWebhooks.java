package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;
import java.util.Objects;

/**
 * Webhook registrations, read and write, as one {@link Actor} (partner clients only; a custom
 * client's token gets 403). One webhook per event type: look for an existing one ({@link
 * WebhookQuery#eventActionType}) before creating.
 */
public final class ActingWebhooks extends Webhooks {
  private final Actor actor;

  ActingWebhooks(V3Transport transport, Actor actor) {
    super(transport);
    this.actor = Objects.requireNonNull(actor, "actor");
  }

  /** {@code POST /v3/webhooks}; the answer never echoes the secret. */
  public Webhook create(NewWebhook webhook) {
    return transport.write(
        "POST", path, Objects.requireNonNull(webhook, "webhook"), actor, Webhook.class);
  }

  /** {@code PATCH /v3/webhooks/{id}}; returns the webhook as it now is. */
  public Webhook update(long id, WebhookPatch patch) {
    return transport.write(
        "PATCH",
        path + "/" + Checks.id("id", id),
        Objects.requireNonNull(patch, "patch"),
        actor,
        Webhook.class);
  }

  /** {@code DELETE /v3/webhooks/{id}}. */
  public void delete(long id) {
    writeWithoutAnswer("DELETE", path + "/" + Checks.id("id", id), null, actor);
  }
}
