package io.headhuntr.connector.console;

import io.headhuntr.connector.webhooks.WebhookSetup;
import io.headhuntr.connector.webhooks.WebhookStatus;

/**
 * Step 2, webhooks: the endpoint URL and secret key to copy into Greenhouse's Dev Center, and the
 * 14 webhooks with their name, "When" and live status (the rows reload every few seconds), as the
 * webhook kit the API serves reports them.
 */
public final class WebhooksStep {
  /** The page. */
  public record Page(Shell shell, String base, WebhookSetup setup, String errorRecipientEmail) {
    /** This step's line of the wizard. */
    public Shell.Step step() {
      return shell.nav().orElseThrow().steps().get(1);
    }
  }

  /** The rows alone, for the live refresh. */
  public record Rows(String base, WebhookSetup setup, Shell.Step step) {
    public long pinged() {
      return setup.webhooks().stream()
          .filter(w -> w.status() != WebhookStatus.WAITING_FOR_PING)
          .count();
    }
  }

  private final ConsoleServices services;
  private final Views views;
  private final Wizard wizard;

  WebhooksStep(ConsoleServices services, Views views, Wizard wizard) {
    this.services = services;
    this.views = views;
    this.wizard = wizard;
  }

  void page(TenantRequest request) {
    WebhookSetup setup = services.webhooks().setup(request.id());
    String email =
        setup.webhooks().isEmpty()
            ? request.tenant().errorRecipientEmail()
            : setup.webhooks().get(0).errorRecipientEmail();
    views.render(
        request.ctx(),
        200,
        "webhooks.jte",
        new Page(wizard.shell(request, "Webhooks", Wizard.WEBHOOKS), request.base(), setup, email));
  }

  void rows(TenantRequest request) {
    views.render(
        request.ctx(),
        200,
        "part/webhooklive.jte",
        new Rows(
            request.base(),
            services.webhooks().setup(request.id()),
            wizard.nav(request).steps().get(1)));
  }
}
