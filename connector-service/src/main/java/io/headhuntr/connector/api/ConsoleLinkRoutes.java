package io.headhuntr.connector.api;

import io.headhuntr.connector.tenant.ConsoleSessions;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One-time sign-in links to the console for a tenant: an operator (or the platform) hands one to
 * the customer's admin, who opens it once to get a console session without a token.
 */
public final class ConsoleLinkRoutes {
  /**
   * Where a link's secret is exchanged for a session (the console serves it); the secret rides in
   * the query, so an error logged with the request's path never holds it.
   */
  public static final String EXCHANGE = "/console/sign-in/link?token=";

  private final ConsoleSessions sessions;
  private final URI publicBaseUrl;

  public ConsoleLinkRoutes(ConsoleSessions sessions, URI publicBaseUrl) {
    this.sessions = sessions;
    this.publicBaseUrl = publicBaseUrl;
  }

  public List<Route> routes() {
    return List.of(
        Route.post(
                "/api/v1/tenants/{tenant_id}/console-links",
                Access.TENANT,
                ctx -> {
                  ConsoleSessions.Link link = sessions.issueLink(TenantRoutes.tenantId(ctx));
                  String path = EXCHANGE + link.secret();
                  Map<String, Object> body = new LinkedHashMap<>();
                  body.put("url", publicBaseUrl.toString().replaceAll("/+$", "") + path);
                  body.put("path", path);
                  body.put("expires_at", link.expiresAt());
                  ctx.header("Cache-Control", "no-store");
                  ctx.status(201).json(body);
                })
            .doc(
                "console",
                "A one-time sign-in link to the tenant's console (valid 15 minutes; the first"
                    + " visit exchanges it for a session, any later one is refused)")
            .returns(201, "ConsoleLink"));
  }
}
