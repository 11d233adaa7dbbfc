package io.headhuntr.connector.console;

import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.push.PushBoard;
import io.headhuntr.connector.sync.SyncStatus;
import io.headhuntr.connector.webhooks.inbox.DeliveryHistory;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's health: the sync per resource with progress and time left, webhook deliveries per hour
 * over the last 48 hours (a uPlot chart), the push queue with a retry button on what failed, and
 * the funnel of pushed people by outcome. Each part reloads itself; all of it comes from the
 * services behind the API's {@code GET .../sync}, {@code .../webhooks/deliveries} and {@code
 * .../push-summary}.
 */
public final class HealthPage {
  static final int HOURS = 48;
  static final int LATEST = 20;

  /** The page. */
  public record Page(Shell shell, Sync sync, Deliveries deliveries, Pushes pushes) {}

  /** The sync part. */
  public record Sync(String base, SyncStatus status) {}

  /** The deliveries part: the history and the chart's data. */
  public record Deliveries(String base, DeliveryHistory.PerHour history, String chart) {}

  /** The pushes part: queue, latest pushes, funnel (with its chart's data). */
  public record Pushes(
      String base,
      String csrf,
      PushBoard.Summary summary,
      List<PushBoard.Item> latest,
      String funnel,
      Optional<String> notice,
      Optional<String> refusal) {}

  private final ConsoleServices services;
  private final Views views;
  private final Wizard wizard;

  HealthPage(ConsoleServices services, Views views, Wizard wizard) {
    this.services = services;
    this.views = views;
    this.wizard = wizard;
  }

  void page(TenantRequest request) {
    views.render(
        request.ctx(),
        200,
        "health.jte",
        new Page(
            wizard.shell(request, "Health", Wizard.HEALTH),
            sync(request.id(), request.base()),
            deliveries(request.id(), request.base()),
            pushes(request, Optional.empty(), Optional.empty())));
  }

  void sync(TenantRequest request) {
    views.render(request.ctx(), 200, "part/sync.jte", sync(request.id(), request.base()));
  }

  void deliveries(TenantRequest request) {
    views.render(
        request.ctx(), 200, "part/deliveries.jte", deliveries(request.id(), request.base()));
  }

  void pushes(TenantRequest request) {
    views.render(
        request.ctx(), 200, "part/pushes.jte", pushes(request, Optional.empty(), Optional.empty()));
  }

  void retry(TenantRequest request) {
    UUID pushId;
    try {
      pushId = UUID.fromString(request.ctx().pathParam("push_id"));
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("no push " + request.ctx().pathParam("push_id"));
    }
    Optional<String> notice = Optional.empty();
    Optional<String> refusal = Optional.empty();
    int status = 200;
    try {
      services.pushes().retry(request.id(), pushId);
      notice = Optional.of("Push " + pushId + " is queued again.");
    } catch (ProblemException e) {
      refusal = Optional.of(e.detail());
      status = e.status();
    }
    if (!request.fromHtmx()) {
      request.ctx().redirect(request.base() + "/health", HttpStatus.SEE_OTHER);
      return;
    }
    request.keepUrl();
    views.render(request.ctx(), status, "part/pushes.jte", pushes(request, notice, refusal));
  }

  private Sync sync(UUID tenantId, String base) {
    return new Sync(base, services.syncStatus().apply(tenantId));
  }

  private Deliveries deliveries(UUID tenantId, String base) {
    DeliveryHistory.PerHour history = services.deliveries().lastHours(tenantId, HOURS);
    List<Long> x = history.hours().stream().map(h -> h.start().getEpochSecond()).toList();
    List<Long> events = history.hours().stream().map(DeliveryHistory.Hour::deliveries).toList();
    List<Long> pings = history.hours().stream().map(DeliveryHistory.Hour::pings).toList();
    String chart =
        Format.json(
            Map.of(
                "x",
                x,
                "series",
                List.of(
                    Map.of("label", "Events", "values", events),
                    Map.of("label", "Pings", "values", pings))));
    return new Deliveries(base, history, chart);
  }

  private Pushes pushes(TenantRequest request, Optional<String> notice, Optional<String> refusal) {
    PushBoard.Summary summary = services.pushes().summary(request.id());
    Map<String, Integer> f = summary.funnel();
    String funnel =
        Format.json(
            Map.of(
                "categories",
                List.of("Pushed", "In process", "Rejected", "Hired"),
                "values",
                List.of(f.get("pushed"), f.get("in_process"), f.get("rejected"), f.get("hired"))));
    return new Pushes(
        request.base(),
        request.session().csrfToken(),
        summary,
        services.pushes().latest(request.id(), LATEST),
        funnel,
        notice,
        refusal);
  }
}
