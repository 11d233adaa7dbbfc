package io.headhuntr.sandbox.http;

import io.headhuntr.sandbox.store.Account;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Wraps every Harvest handler in Greenhouse's checks, in this order: rate limit (headers on every
 * answer, 429 when spent), key (401), endpoint permission (403), no body on a GET (403), and on
 * writes the {@code On-Behalf-Of} user (missing 403, unknown 404); then the fault injector, then
 * the handler. The permission is checked before any validation of the body.
 */
public final class HarvestGuard {
  /** The Context attribute holding the acting user's id on writes. */
  public static final String ACTING_USER = "sandbox.actingUser";

  /** The Context attribute holding the presented key (for per-key statistics). */
  public static final String API_KEY = "sandbox.apiKey";

  private final ApiKeys keys;
  private final RateLimiter limiter;
  private final Account account;
  private final UnaryOperator<Handler> faults;
  private final int missingPermissionStatus;

  public HarvestGuard(
      ApiKeys keys,
      RateLimiter limiter,
      Account account,
      UnaryOperator<Handler> faults,
      int missingPermissionStatus) {
    this.keys = keys;
    this.limiter = limiter;
    this.account = account;
    this.faults = faults;
    this.missingPermissionStatus = missingPermissionStatus;
  }

  /** The guarded handler for an endpoint needing {@code permission}. */
  public Handler harvest(String permission, Handler handler) {
    Handler faulty = faults.apply(handler);
    return ctx -> {
      String key = basicAuthKey(ctx);
      ctx.attribute(API_KEY, key == null ? "" : key);
      RateLimiter.Decision decision = limiter.acquire(key == null ? "" : key);
      if (limiter.enabled()) {
        ctx.header("X-RateLimit-Limit", Integer.toString(decision.limit()));
        ctx.header("X-RateLimit-Remaining", Integer.toString(decision.remaining()));
      }
      if (!decision.allowed()) {
        ctx.header("Retry-After", Long.toString(decision.retryAfterSeconds()));
        ctx.header("X-RateLimit-Reset", Long.toString(decision.resetEpochSeconds()));
        throw HarvestError.message(429, "Rate limit exceeded");
      }
      Set<String> granted =
          keys.permissions(key)
              .orElseThrow(
                  () ->
                      HarvestError.message(
                          401,
                          "Invalid Basic Auth credentials: a valid Harvest API key with the correct"
                              + " permissions is required"));
      if (!ApiKeys.grants(granted, permission)) {
        throw HarvestError.message(
            missingPermissionStatus,
            "This API key does not have permission for this endpoint: " + permission);
      }
      boolean write = ctx.method() != HandlerType.GET;
      if (!write && ctx.bodyAsBytes().length > 0) {
        throw HarvestError.message(
            403, "Forbidden: ensure that you're not supplying body information in your GET calls");
      }
      if (write) {
        ctx.attribute(ACTING_USER, resolveActingUser(ctx));
      }
      faulty.handle(ctx);
    };
  }

  private long resolveActingUser(Context ctx) {
    String header = ctx.header("On-Behalf-Of");
    if (header == null || header.isBlank()) {
      throw HarvestError.message(
          403, "Missing On-Behalf-Of header: the ID of the user issuing this request is required");
    }
    long id;
    try {
      id = Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      throw HarvestError.notFound();
    }
    boolean known = account.read(() -> account.users.containsKey(id));
    if (!known) {
      throw HarvestError.notFound();
    }
    return id;
  }

  /** The key of a Basic Authorization header (user part; the password is ignored), or null. */
  static String basicAuthKey(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      String key = colon < 0 ? decoded : decoded.substring(0, colon);
      return key.isEmpty() ? null : key;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The acting user of a write (set by the guard). */
  public static long actingUser(Context ctx) {
    Long id = ctx.attribute(ACTING_USER);
    return id == null ? 0 : id;
  }
}
