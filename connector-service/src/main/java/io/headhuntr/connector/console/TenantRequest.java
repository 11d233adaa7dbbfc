package io.headhuntr.connector.console;

import io.headhuntr.connector.tenant.ConsoleSessions;
import io.headhuntr.connector.tenant.Tenant;
import io.javalin.http.Context;
import java.util.UUID;

/** A console request for one tenant's pages, after its session and CSRF token were checked. */
record TenantRequest(Context ctx, ConsoleSessions.Session session, Tenant tenant) {
  UUID id() {
    return tenant.tenantId();
  }

  /** The tenant's console pages live under this path. */
  String base() {
    return "/console/t/" + tenant.tenantId();
  }

  /** Whether htmx sent the request (it swaps what it gets instead of loading a page). */
  boolean fromHtmx() {
    return "true".equals(ctx.header("HX-Request"));
  }

  /**
   * A page answered to a form's POST stays at the URL the form was on (htmx would otherwise put the
   * POST's path in the history, which a reload cannot GET).
   */
  void keepUrl() {
    if (fromHtmx() && ctx.method() == io.javalin.http.HandlerType.POST) {
      ctx.header("HX-Push-Url", "false");
    }
  }

  String form(String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value.strip();
  }
}
