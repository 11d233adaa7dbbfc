package io.headhuntr.connector.console;

import io.headhuntr.connector.api.Access;
import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.api.Route;
import io.headhuntr.connector.tenant.ConsoleSessions;
import io.headhuntr.connector.tenant.Tenant;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The console's lines of the route table: server-rendered pages under {@code /console} (and {@code
 * /} sending the browser there), each answering HTML. They are {@link Access#PUBLIC} to the bearer
 * guard because they carry their own: a session cookie, the tenant the session may open, and the
 * CSRF token on anything that changes state.
 */
public final class ConsoleRoutes {
  /** Handles a request for one tenant's pages once its session and CSRF token were checked. */
  @FunctionalInterface
  interface TenantHandler {
    void handle(TenantRequest request) throws Exception;
  }

  private final ConsoleServices services;
  private final ConsoleAuth auth;
  private final Views views = new Views();
  private final Wizard wizard;
  private final SignInPages signIn;
  private final ConnectStep connect;
  private final WebhooksStep webhooks;
  private final UsersStep users;
  private final ReviewStep review;
  private final HealthPage health;

  public ConsoleRoutes(ConsoleServices services) {
    this.services = services;
    this.auth = new ConsoleAuth(services.sessions(), services.publicBaseUrl());
    this.wizard = new Wizard(services, Assets.fromWebjars());
    this.signIn = new SignInPages(services, auth, views, wizard.assets());
    this.connect = new ConnectStep(services, views, wizard);
    this.webhooks = new WebhooksStep(services, views, wizard);
    this.users = new UsersStep(services, views, wizard);
    this.review = new ReviewStep(services, views, wizard);
    this.health = new HealthPage(services, views, wizard);
  }

  public List<Route> routes() {
    String t = "/console/t/{tenant_id}";
    return List.of(
        page(Route.get("/", Access.PUBLIC, ctx -> ctx.redirect("/console")), "/ opens the console"),
        page(Route.get("/console", Access.PUBLIC, signIn::home), "The console: sign-in or home"),
        page(Route.get("/console/assets/{file}", Access.PUBLIC, this::asset), "Console assets"),
        page(Route.get("/console/sign-in", Access.PUBLIC, signIn::form), "Sign-in form"),
        page(
            Route.post("/console/sign-in", Access.PUBLIC, signIn::submit),
            "Sign in with a tenant token or the admin token (form: token)"),
        page(
            Route.get("/console/sign-in/link", Access.PUBLIC, signIn::link),
            "Exchange a one-time sign-in link (?token=) for a session; a second visit is refused"),
        page(Route.post("/console/sign-out", Access.PUBLIC, signIn::signOut), "Sign out"),
        page(
            Route.get("/console/tenants", Access.PUBLIC, signIn::tenants),
            "The operator's tenant list (admin sign-in)"),
        page(Route.get(t, Access.PUBLIC, tenant(this::start)), "A tenant's console"),
        page(Route.get(t + "/connect", Access.PUBLIC, tenant(connect::page)), "Step 1: connect"),
        page(
            Route.post(t + "/connect/key", Access.PUBLIC, tenant(connect::saveKey)),
            "Save a Harvest v1 API key"),
        page(
            Route.post(t + "/connect/client", Access.PUBLIC, tenant(connect::saveClient)),
            "Save Harvest v3 client credentials"),
        page(
            Route.get(t + "/connect/partner", Access.PUBLIC, tenant(connect::partner)),
            "Connect Greenhouse (partner OAuth): to Greenhouse's consent page"),
        page(
            Route.get(t + "/connect/permissions", Access.PUBLIC, tenant(connect::permissions)),
            "The permission checklist"),
        page(
            Route.post(t + "/connect/permissions", Access.PUBLIC, tenant(connect::recheck)),
            "Probe the permissions again"),
        page(Route.get(t + "/webhooks", Access.PUBLIC, tenant(webhooks::page)), "Step 2: webhooks"),
        page(
            Route.get(t + "/webhooks/rows", Access.PUBLIC, tenant(webhooks::rows)),
            "The 14 webhooks' live status"),
        page(Route.get(t + "/users", Access.PUBLIC, tenant(users::page)), "Step 3: users"),
        page(
            Route.post(t + "/users/preview", Access.PUBLIC, tenant(users::preview)),
            "Preview a users export (multipart field file)"),
        page(
            Route.post(t + "/users/mappings", Access.PUBLIC, tenant(users::save)),
            "Save and verify mappings"),
        page(
            Route.post(t + "/users/verify", Access.PUBLIC, tenant(users::verify)),
            "Verify every mapping again"),
        page(
            Route.post(t + "/users/confirm", Access.PUBLIC, tenant(users::confirm)),
            "Confirm a pair flagged email_mismatch (admin sign-in only)"),
        page(Route.get(t + "/review", Access.PUBLIC, tenant(review::page)), "Step 4: review"),
        page(Route.post(t + "/activate", Access.PUBLIC, tenant(review::activate)), "Activate"),
        page(Route.post(t + "/pause", Access.PUBLIC, tenant(review::pause)), "Pause"),
        page(Route.post(t + "/resume", Access.PUBLIC, tenant(review::resume)), "Resume"),
        page(Route.get(t + "/health", Access.PUBLIC, tenant(health::page)), "Health"),
        page(
            Route.get(t + "/health/sync", Access.PUBLIC, tenant(health::sync)),
            "Health: the sync per resource"),
        page(
            Route.get(t + "/health/deliveries", Access.PUBLIC, tenant(health::deliveries)),
            "Health: webhook deliveries per hour"),
        page(
            Route.get(t + "/health/pushes", Access.PUBLIC, tenant(health::pushes)),
            "Health: the push queue and funnel"),
        page(
            Route.post(t + "/pushes/{push_id}/retry", Access.PUBLIC, tenant(health::retry)),
            "Retry a failed push"));
  }

  private static Route page(Route route, String summary) {
    return route.doc("console", summary).returnsRaw(200, "text/html");
  }

  /** Sends a tenant's root to the step that needs attention, or to health once it is live. */
  private void start(TenantRequest request) {
    String next =
        wizard.nav(request).steps().stream()
            .filter(s -> !s.done())
            .findFirst()
            .map(Shell.Step::href)
            .orElse(request.base() + "/health");
    request.ctx().redirect(next, HttpStatus.SEE_OTHER);
  }

  private void asset(Context ctx) {
    Optional<java.util.Map.Entry<String, byte[]>> file = Assets.own(ctx.pathParam("file"));
    if (file.isEmpty()) {
      throw ProblemException.notFound("no console asset " + ctx.pathParam("file"));
    }
    ctx.header("Cache-Control", "no-cache");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.contentType(file.get().getKey()).result(file.get().getValue());
  }

  /**
   * The guard of a tenant's pages: a live session (else to the sign-in form), a tenant it may open
   * (else 404, as the API answers: ids cannot be probed), and the CSRF token on every request that
   * changes state (else 403). A refusal a handler does not turn into a marked field is shown as a
   * page with the API's words.
   */
  private Handler tenant(TenantHandler handler) {
    return ctx -> {
      Optional<ConsoleSessions.Session> session = auth.session(ctx);
      if (session.isEmpty()) {
        signIn.required(ctx);
        return;
      }
      Optional<Tenant> tenant = tenantOf(ctx, session.get());
      if (tenant.isEmpty()) {
        signIn.message(ctx, session.get(), 404, "Not found", "no such tenant", "/console", "Back");
        return;
      }
      if (!ConsoleAuth.csrfMatches(ctx, session.get())) {
        signIn.message(
            ctx,
            session.get(),
            403,
            "Refused",
            "this form has expired or did not come from the console: reload the page and try"
                + " again",
            ctx.path(),
            "Reload");
        return;
      }
      TenantRequest request = new TenantRequest(ctx, session.get(), tenant.get());
      try {
        handler.handle(request);
      } catch (ProblemException e) {
        signIn.message(
            ctx,
            session.get(),
            e.status(),
            e.title(),
            e.detail() + (e.problems().isEmpty() ? "" : ": " + String.join("; ", e.problems())),
            request.base(),
            "Back to " + request.tenant().name());
      }
    };
  }

  private Optional<Tenant> tenantOf(Context ctx, ConsoleSessions.Session session) {
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("tenant_id"));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!session.mayOpen(id)) {
      return Optional.empty();
    }
    return services.tenants().find(id);
  }
}
