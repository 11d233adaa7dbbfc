package io.headhuntr.harvest.v3;

import java.util.Map;

/** Filters for {@code GET /v3/webhooks} (partner clients only). Start with {@link #all()}. */
public final class WebhookQuery extends ListQuery<WebhookQuery> {
  private WebhookQuery(Map<String, String> params) {
    super(params);
  }

  /** No filter: every record, {@value ListQuery#DEFAULT_PER_PAGE} per page. */
  public static WebhookQuery all() {
    return new WebhookQuery(Map.of());
  }

  @Override
  WebhookQuery with(Map<String, String> params) {
    return new WebhookQuery(params);
  }

  /** Only the webhook of this event type (there is at most one per type). */
  public WebhookQuery eventActionType(String type) {
    return set("event_action_type", Checks.text("event_action_type", type));
  }
}
