package io.headhuntr.connector.api;

import io.headhuntr.connector.tenant.AdminToken;
import io.headhuntr.connector.tenant.ApiTokens;
import io.headhuntr.connector.tenant.Tenants;
import io.headhuntr.connector.tenant.TokenHolder;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;
import java.util.UUID;

/**
 * Guards each route by its {@link Access}: reads the bearer token, lets the admin token through,
 * and lets a tenant token reach only its own tenant. Another tenant's id, an id that is not a UUID,
 * and a tenant that does not exist all answer 404, so ids cannot be probed.
 */
public final class BearerAuth {
  /** The request attribute holding the tenant of a tenant token (absent for the admin). */
  public static final String TOKEN_TENANT = "connector.token_tenant";

  /**
   * The request attribute holding the {@link TokenHolder} of a tenant token (absent for the admin).
   */
  public static final String TOKEN_HOLDER = "connector.token_holder";

  private final AdminToken admin;
  private final ApiTokens tokens;
  private final Tenants tenants;

  public BearerAuth(AdminToken admin, ApiTokens tokens, Tenants tenants) {
    this.admin = admin;
    this.tokens = tokens;
    this.tenants = tenants;
  }

  public Handler guard(Route route) {
    Handler handler = route.handler();
    return switch (route.access()) {
      case PUBLIC -> handler;
      case ADMIN ->
          ctx -> {
            String token = presented(ctx);
            if (!isAdmin(token)) {
              if (tokens.authenticate(token).isPresent()) {
                throw ProblemException.forbidden("this route needs the admin token");
              }
              throw ProblemException.unauthorized("the bearer token is not valid or was revoked");
            }
            handler.handle(ctx);
          };
      case TENANT ->
          ctx -> {
            String token = presented(ctx);
            Optional<UUID> owner = Optional.empty();
            if (!isAdmin(token)) {
              Optional<TokenHolder> holder = tokens.identify(token);
              if (holder.isEmpty()) {
                throw ProblemException.unauthorized("the bearer token is not valid or was revoked");
              }
              owner = holder.map(TokenHolder::tenantId);
              ctx.attribute(TOKEN_TENANT, owner.get());
              ctx.attribute(TOKEN_HOLDER, holder.get());
            }
            UUID tenantId = pathTenant(ctx);
            if (owner.isPresent() && !owner.get().equals(tenantId)) {
              throw noSuchTenant();
            }
            if (!tenants.exists(tenantId)) {
              throw noSuchTenant();
            }
            handler.handle(ctx);
          };
    };
  }

  private boolean isAdmin(String token) {
    return admin.matches(token);
  }

  private static String presented(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ProblemException.unauthorized(
          "missing bearer token: send \"Authorization: Bearer <token>\"");
    }
    return header.substring(7).strip();
  }

  private static UUID pathTenant(Context ctx) {
    try {
      return UUID.fromString(ctx.pathParam("tenant_id"));
    } catch (IllegalArgumentException e) {
      throw noSuchTenant();
    }
  }

  private static ProblemException noSuchTenant() {
    return ProblemException.notFound("no such tenant");
  }
}
