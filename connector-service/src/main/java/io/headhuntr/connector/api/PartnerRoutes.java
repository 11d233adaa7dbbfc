package io.headhuntr.connector.api;

import io.headhuntr.connector.greenhouse.CallbackPage;
import io.headhuntr.connector.greenhouse.PartnerConsent;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * "Connect Greenhouse": the start (a redirect to Greenhouse's consent page) and the callback the
 * browser comes back to (no bearer token: the single-use state names the tenant).
 */
public final class PartnerRoutes {
  /** Where Greenhouse sends the browser back; register it as the partner client's redirect URI. */
  public static final String CALLBACK = "/oauth/greenhouse/callback";

  private final PartnerConsent connect;

  public PartnerRoutes(PartnerConsent connect) {
    this.connect = connect;
  }

  public List<Route> routes() {
    return List.of(
        Route.get("/api/v1/tenants/{tenant_id}/greenhouse/oauth/start", Access.TENANT, this::start)
            .doc(
                "greenhouse",
                "Connect Greenhouse (partner OAuth): 302 to Greenhouse's consent page; 409 when"
                    + " the operator has not configured a partner client")
            .returnsRaw(302, "text/html"),
        Route.get(CALLBACK, Access.PUBLIC, this::callback)
            .doc(
                "greenhouse",
                "Greenhouse's redirect after consent: checks the state, exchanges the code and"
                    + " saves the connection (kind v3_partner); answers a small HTML page")
            .returnsRaw(200, "text/html"));
  }

  void start(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.redirect(
        connect.start(TenantRoutes.tenantId(ctx)).toString(), io.javalin.http.HttpStatus.FOUND);
  }

  void callback(Context ctx) {
    CallbackPage page =
        connect.finish(
            query(ctx, "code"),
            query(ctx, "state"),
            query(ctx, "error"),
            query(ctx, "error_description"));
    ctx.status(page.status());
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>"
            + escape(page.heading())
            + "</title></head><body><h1>"
            + escape(page.heading())
            + "</h1><p>"
            + escape(page.detail())
            + "</p><p><a href=\"/console\">Back to the console</a></p></body></html>");
  }

  private static Optional<String> query(Context ctx, String name) {
    return Optional.ofNullable(ctx.queryParam(name)).filter(v -> !v.isBlank());
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
