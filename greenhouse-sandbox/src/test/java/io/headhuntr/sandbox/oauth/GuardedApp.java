package io.headhuntr.sandbox.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.faults.FaultInjector;
import io.headhuntr.sandbox.http.HarvestError;
import io.headhuntr.sandbox.http.HarvestGuard;
import io.headhuntr.sandbox.http.RateLimiter;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.json.Json;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.User;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A small server for testing {@link V3Guard} on its own: the auth server's routes plus test-only
 * {@code /v3/things} (list and write) and {@code /v3/webhooks} (partner write) routes that echo the
 * acting user and client id.
 */
final class GuardedApp implements AutoCloseable {
  static final String CUSTOM_SECRET = "custom-secret-1234";

  final MovableClock clock = new MovableClock(Instant.parse("2026-05-11T13:54:09Z"));
  final Account account = new Account(clock);
  final RateLimiter statistics = new RateLimiter(0, Duration.ofSeconds(10), clock);
  final FaultInjector faults = new FaultInjector(new SplittableRandom(1));
  final AuthServer auth;
  final OAuthClient custom;
  final long admin;
  final long recruiter;
  private final Javalin app;

  GuardedApp(int v3RateLimit) {
    admin = user("Ada", true);
    recruiter = user("Rita", false);
    auth =
        new AuthServer(
            account,
            new AuthServer.Settings(clock, 1.0, v3RateLimit, Duration.ofSeconds(30), "test"),
            statistics,
            faults::around);
    custom =
        auth.addClient(
            "ci",
            CUSTOM_SECRET,
            ClientKind.CUSTOM,
            java.util.Set.of(Scopes.CANDIDATES_LIST, Scopes.CANDIDATES_CREATE),
            Optional.empty());
    V3Guard guard = auth.guard();
    app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.jetty.host = "127.0.0.1";
              cfg.jetty.port = 0;
              cfg.routes.exception(
                  HarvestError.class, (e, ctx) -> Respond.json(ctx, e.status(), e.body()));
              cfg.routes.exception(
                  OAuthError.class, (e, ctx) -> Respond.json(ctx, e.status(), e.body()));
              cfg.routes.after(
                  ctx -> {
                    String key = ctx.attribute(HarvestGuard.API_KEY);
                    if (key != null && ctx.status().getCode() == 429) {
                      statistics.countLimited(key);
                    }
                  });
              var r = cfg.routes;
              r.post("/token", auth.token());
              r.post("/authorize", auth.consentForm());
              r.post("/sandbox/faults", faults::configure);
              r.put("/sandbox/oauth/clients/{id}/scopes", auth.replaceScopes());
              r.post("/sandbox/oauth/clients/{id}/revoke", auth.revokeClient());
              r.get("/v3/things", guard.list(Scopes.CANDIDATES_LIST, GuardedApp::echo));
              r.post("/v3/things", guard.write(Scopes.CANDIDATES_CREATE, GuardedApp::echo));
              r.post("/v3/webhooks", guard.partnerWrite(Scopes.WEBHOOKS_CREATE, GuardedApp::echo));
            });
    app.start();
  }

  private long user(String name, boolean siteAdmin) {
    return account.write(
        () -> {
          long id = account.newId();
          User u = new User(id, name, "Tester", name.toLowerCase() + "@example.com", 0);
          u.siteAdmin = siteAdmin;
          account.users.put(id, u);
          return id;
        });
  }

  private static void echo(Context ctx) {
    ObjectNode body = Json.object();
    body.put("acting_user", V3Guard.actingUser(ctx));
    body.put("client_id", V3Guard.clientId(ctx));
    Respond.ok(ctx, body);
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + app.port());
  }

  @Override
  public void close() {
    faults.close();
    app.stop();
  }
}
