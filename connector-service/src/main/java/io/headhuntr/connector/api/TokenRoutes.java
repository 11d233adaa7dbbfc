package io.headhuntr.connector.api;

import io.headhuntr.connector.tenant.ApiTokens;
import io.headhuntr.connector.tenant.CreatedToken;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tenant's API tokens: create (the secret is in that answer only), list, revoke. */
public final class TokenRoutes {
  private final ApiTokens tokens;

  public TokenRoutes(ApiTokens tokens) {
    this.tokens = tokens;
  }

  public List<Route> routes() {
    String base = "/api/v1/tenants/{tenant_id}/tokens";
    return List.of(
        Route.post(base, Access.TENANT, this::create)
            .doc("tokens", "Create an API token for the tenant (shown once)")
            .accepts("NewToken")
            .returns(201, "CreatedToken"),
        Route.get(base, Access.TENANT, this::list)
            .doc("tokens", "List the tenant's tokens (no secrets)")
            .returns(200, "TokenList"),
        Route.delete(base + "/{token_id}", Access.TENANT, this::revoke)
            .doc("tokens", "Revoke a token")
            .returnsRaw(204, "application/json"));
  }

  void create(Context ctx) {
    String name = RequestBody.of(ctx).text("name").orElse("api token");
    if (name.length() > 100) {
      throw ProblemException.invalid("name", "name must be at most 100 characters");
    }
    CreatedToken created = tokens.create(TenantRoutes.tenantId(ctx), name);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token_id", created.info().tokenId());
    body.put("tenant_id", created.info().tenantId());
    body.put("name", created.info().name());
    body.put("last4", created.info().last4());
    body.put("created_at", created.info().createdAt());
    body.put("token", created.token());
    ctx.status(201).json(body);
  }

  void list(Context ctx) {
    ctx.json(tokens.list(TenantRoutes.tenantId(ctx)));
  }

  void revoke(Context ctx) {
    UUID tokenId;
    try {
      tokenId = UUID.fromString(ctx.pathParam("token_id"));
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("no such token");
    }
    if (!tokens.revoke(TenantRoutes.tenantId(ctx), tokenId)) {
      throw ProblemException.notFound("no such token");
    }
    ctx.status(204);
  }
}
