package io.headhuntr.connector.console;

import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.tenant.Tenant;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Step 4, review and activate: what still blocks activation (the activation checks themselves: the
 * credential verified now, every required permission, a verified user) and what is only worth
 * knowing (webhooks not pinged yet), then activate, pause or resume through the same activation the
 * API's {@code POST .../activate} runs.
 */
public final class ReviewStep {
  /** The page; {@code refusal} is a 409's detail when activation or resume was refused. */
  public record Page(
      Shell shell,
      String base,
      Tenant tenant,
      List<String> blockers,
      List<String> warnings,
      Optional<String> notice,
      Optional<String> refusal) {}

  private final ConsoleServices services;
  private final Views views;
  private final Wizard wizard;

  ReviewStep(ConsoleServices services, Views views, Wizard wizard) {
    this.services = services;
    this.views = views;
    this.wizard = wizard;
  }

  void page(TenantRequest request) {
    Optional<String> notice =
        switch (Optional.ofNullable(request.ctx().queryParam("done")).orElse("")) {
          case "activated" -> Optional.of("Active: the connector now syncs and takes pushes.");
          case "paused" -> Optional.of("Paused: the sync stops; pushes wait in the queue.");
          case "resumed" -> Optional.of("Resumed: the sync runs again and queued pushes go out.");
          default -> Optional.empty();
        };
    show(request, 200, notice, Optional.empty());
  }

  void activate(TenantRequest request) {
    change(request, id -> services.activation().activate(id), "activated");
  }

  void pause(TenantRequest request) {
    change(request, id -> services.activation().pause(id), "paused");
  }

  void resume(TenantRequest request) {
    change(request, id -> services.activation().resume(id), "resumed");
  }

  private void change(TenantRequest request, Consumer<java.util.UUID> action, String done) {
    try {
      action.accept(request.id());
    } catch (ProblemException e) {
      request.keepUrl();
      show(request, e.status(), Optional.empty(), Optional.of(e.detail()));
      return;
    }
    request.ctx().redirect(request.base() + "/review?done=" + done, HttpStatus.SEE_OTHER);
  }

  private void show(
      TenantRequest request, int status, Optional<String> notice, Optional<String> refusal) {
    Tenant tenant = services.tenants().find(request.id()).orElse(request.tenant());
    TenantRequest current = new TenantRequest(request.ctx(), request.session(), tenant);
    views.render(
        request.ctx(),
        status,
        "review.jte",
        new Page(
            wizard.shell(current, "Review and activate", Wizard.REVIEW),
            request.base(),
            tenant,
            services.activation().problems(request.id()),
            services.webhooks().warnings(request.id()),
            notice,
            refusal));
  }
}
