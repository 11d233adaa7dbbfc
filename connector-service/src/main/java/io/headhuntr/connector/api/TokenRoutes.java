package io.headhuntr.connector.api;

import io.headhuntr.connector.tenant.ApiTokens;
import io.headhuntr.connector.tenant.CreatedToken;
import io.headhuntr.connector.tenant.TokenHolder;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's API tokens: create (the secret is in that answer only), list, revoke. A tenant token
 * creates tokens only when it was itself created with {@code can_create_tokens}; the admin token
 * always may.
 */
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
    TokenHolder caller = ctx.attribute(BearerAuth.TOKEN_HOLDER); // null: the admin token
    if (caller != null && !caller.canCreateTokens()) {
      throw ProblemException.forbidden(
          "this token cannot create tokens: use the admin token, or a token created with"
              + " can_create_tokens");
    }
    RequestBody body = RequestBody.of(ctx);
    String name = body.text("name").orElse("api token");
    if (name.length() > 100) {
      throw ProblemException.invalid("name", "name must be at most 100 characters");
    }
    boolean canCreateTokens = body.bool("can_create_tokens").orElse(false);
    CreatedToken created = tokens.create(TenantRoutes.tenantId(ctx), name, canCreateTokens);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("token_id", created.info().tokenId());
    answer.put("tenant_id", created.info().tenantId());
    answer.put("name", created.info().name());
    answer.put("last4", created.info().last4());
    answer.put("can_create_tokens", created.info().canCreateTokens());
    answer.put("created_at", created.info().createdAt());
    answer.put("token", created.token());
    ctx.status(201).json(answer);
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
