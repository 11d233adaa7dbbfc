package io.headhuntr.connector.console;

import io.headhuntr.connector.tenant.ConsoleSessions;
import io.headhuntr.connector.tenant.Tenant;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Signing in and out: a tenant API token or the admin token typed into a form (the admin then picks
 * a tenant), or a one-time link; each is exchanged for a session cookie and never kept in the
 * browser. A refused token gets the API's own words.
 */
public final class SignInPages {
  /** The API's answer to a token that is not valid (BearerAuth says the same). */
  static final String BAD_TOKEN = "the bearer token is not valid or was revoked";

  /** The sign-in page. */
  public record SignInPage(Shell shell, String signInToken, Form form, Optional<String> notice) {}

  /** The operator's list of tenants. */
  public record TenantsPage(Shell shell, List<Tenant> tenants) {}

  /** A page that says one thing and offers one way on. */
  public record MessagePage(
      Shell shell, String heading, String message, String linkHref, String linkLabel) {}

  private final ConsoleServices services;
  private final ConsoleAuth auth;
  private final Views views;
  private final Assets assets;

  SignInPages(ConsoleServices services, ConsoleAuth auth, Views views, Assets assets) {
    this.services = services;
    this.auth = auth;
    this.views = views;
    this.assets = assets;
  }

  /**
   * {@code /console}: the signed-in home (a tenant's console, or the tenant list), else sign-in.
   */
  void home(Context ctx) {
    Optional<ConsoleSessions.Session> session = auth.session(ctx);
    if (session.isEmpty()) {
      ctx.redirect("/console/sign-in", HttpStatus.SEE_OTHER);
    } else if (session.get().tenantId().isPresent()) {
      ctx.redirect("/console/t/" + session.get().tenantId().get(), HttpStatus.SEE_OTHER);
    } else {
      ctx.redirect("/console/tenants", HttpStatus.SEE_OTHER);
    }
  }

  void form(Context ctx) {
    if (auth.session(ctx).isPresent()) {
      home(ctx);
      return;
    }
    Optional<String> notice =
        "expired".equals(ctx.queryParam("why"))
            ? Optional.of("Sign in to continue.")
            : "out".equals(ctx.queryParam("why"))
                ? Optional.of("You are signed out.")
                : Optional.empty();
    show(ctx, 200, Form.empty(), notice);
  }

  void submit(Context ctx) {
    if (!auth.signInTokenMatches(ctx)) {
      show(
          ctx,
          403,
          Form.empty().refused(Optional.empty(), "the sign-in form had expired: sign in again"),
          Optional.empty());
      return;
    }
    String token = Optional.ofNullable(ctx.formParam("token")).orElse("").strip();
    if (token.isEmpty()) {
      show(
          ctx,
          422,
          Form.empty().refused(Optional.of("token"), "token is required"),
          Optional.empty());
      return;
    }
    if (services.admin().matches(token)) {
      auth.signIn(ctx, Optional.empty());
      ctx.redirect("/console/tenants", HttpStatus.SEE_OTHER);
      return;
    }
    Optional<UUID> tenant = services.tokens().authenticate(token);
    if (tenant.isEmpty() || !services.tenants().exists(tenant.get())) {
      show(ctx, 401, Form.empty().refused(Optional.of("token"), BAD_TOKEN), Optional.empty());
      return;
    }
    auth.signIn(ctx, tenant);
    ctx.redirect("/console/t/" + tenant.get(), HttpStatus.SEE_OTHER);
  }

  /** A one-time link: the first visit opens a session, every later one is refused. */
  void link(Context ctx) {
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
    Optional<UUID> tenant = services.sessions().useLink(ctx.queryParam("token"));
    if (tenant.isEmpty()) {
      views.render(
          ctx,
          410,
          "message.jte",
          new MessagePage(
              Shell.plain("Link used", assets, "", false),
              "This sign-in link no longer works",
              "A sign-in link works once, for 15 minutes. This one was already used or has"
                  + " expired: ask for a new one, or sign in with a token.",
              "/console/sign-in",
              "Sign in"));
      return;
    }
    auth.signIn(ctx, tenant);
    ctx.redirect("/console/t/" + tenant.get(), HttpStatus.SEE_OTHER);
  }

  void signOut(Context ctx) {
    Optional<ConsoleSessions.Session> session = auth.session(ctx);
    if (session.isPresent() && ConsoleAuth.csrfMatches(ctx, session.get())) {
      auth.signOut(ctx);
    }
    ctx.redirect("/console/sign-in?why=out", HttpStatus.SEE_OTHER);
  }

  void tenants(Context ctx) {
    Optional<ConsoleSessions.Session> session = auth.session(ctx);
    if (session.isEmpty()) {
      required(ctx);
      return;
    }
    if (!session.get().admin()) {
      home(ctx);
      return;
    }
    views.render(
        ctx,
        200,
        "tenants.jte",
        new TenantsPage(
            Shell.plain("Tenants", assets, session.get().csrfToken(), true),
            services.tenants().list()));
  }

  /** No session: the sign-in form (htmx is told to load it as a page). */
  void required(Context ctx) {
    if ("true".equals(ctx.header("HX-Request"))) {
      ctx.header("HX-Redirect", "/console/sign-in?why=expired");
      ctx.status(401);
      return;
    }
    ctx.redirect("/console/sign-in?why=expired", HttpStatus.SEE_OTHER);
  }

  void message(
      Context ctx,
      ConsoleSessions.Session session,
      int status,
      String heading,
      String message,
      String href,
      String label) {
    keepUrl(ctx);
    views.render(
        ctx,
        status,
        "message.jte",
        new MessagePage(
            Shell.plain(heading, assets, session.csrfToken(), session.admin()),
            heading,
            message,
            href,
            label));
  }

  private void show(Context ctx, int status, Form form, Optional<String> notice) {
    keepUrl(ctx);
    views.render(
        ctx,
        status,
        "signin.jte",
        new SignInPage(
            Shell.plain("Sign in", assets, "", false), auth.signInToken(ctx), form, notice));
  }

  /** A page answered to a POST leaves the browser's URL as it was (see TenantRequest). */
  private static void keepUrl(Context ctx) {
    if ("true".equals(ctx.header("HX-Request")) && ctx.method() == HandlerType.POST) {
      ctx.header("HX-Push-Url", "false");
    }
  }
}
