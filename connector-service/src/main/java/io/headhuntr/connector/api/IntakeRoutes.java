package io.headhuntr.connector.api;

import io.headhuntr.connector.events.EventsApi;
import io.headhuntr.connector.webhooks.inbox.InboxApi;
import java.util.List;

/** What the webhook intake produced: the outcome feed and the operator's view of the inbox. */
public final class IntakeRoutes {
  private final EventsApi events;
  private final InboxApi inbox;

  public IntakeRoutes(EventsApi events, InboxApi inbox) {
    this.events = events;
    this.inbox = inbox;
  }

  public List<Route> routes() {
    String tenant = "/api/v1/tenants/{tenant_id}";
    return List.of(
        Route.get(tenant + "/events", Access.TENANT, events::list)
            .doc(
                "events",
                "Outcome events in order (?after=CURSOR&limit=N); repeat with after=next_cursor")
            .returns(200, "EventPage"),
        Route.get(tenant + "/webhooks/inbox", Access.TENANT, inbox::summary)
            .doc(
                "webhooks",
                "Webhook health: inbox rows per state, per action the deliveries of the last hour"
                    + " and the latest")
            .returns(200, "InboxSummary"),
        Route.get(tenant + "/webhooks/parked", Access.TENANT, inbox::parked)
            .doc("webhooks", "Parked deliveries with their reason (?after=&limit=), never bodies")
            .returns(200, "ParkedDeliveries"),
        Route.post(tenant + "/webhooks/parked/{inbox_id}/replay", Access.TENANT, inbox::replay)
            .doc("webhooks", "Queue a parked delivery again")
            .returns(200, "InboxEntry"));
  }
}
