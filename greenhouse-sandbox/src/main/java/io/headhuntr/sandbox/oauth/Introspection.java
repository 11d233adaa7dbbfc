package io.headhuntr.sandbox.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.json.Json;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.User;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /introspect}: with HTTP Basic client authentication, tells whether one of the
 * client's access tokens is live and whom it acts for ({@code user_role} site_admin, job_admin,
 * basic or service_user); any other token is {@code {"active":false}}.
 */
final class Introspection {
  static final String CLAIMS = "https://auth.greenhouse.io/claims";

  private final OAuthClients clients;
  private final Grants grants;
  private final Account account;
  private final Organization organization;

  /** The account's organization as introspection names it. */
  record Organization(long id, String name) {}

  Introspection(OAuthClients clients, Grants grants, Account account, Organization organization) {
    this.clients = clients;
    this.grants = grants;
    this.account = account;
    this.organization = organization;
  }

  void introspect(Context ctx) {
    OAuthClient client = ClientAuthentication.authenticate(ctx, clients);
    String token = TokenEndpoint.param(ctx, "token");
    Optional<AccessClaims> live = grants.live(token).filter(c -> c.clientId().equals(client.id()));
    Optional<User> user =
        live.flatMap(c -> account.read(() -> Optional.ofNullable(account.users.get(c.sub()))))
            .filter(u -> !u.disabled);
    ObjectNode body = Json.object();
    if (live.isEmpty() || user.isEmpty()) {
      body.put("active", false);
      Respond.ok(ctx, body);
      return;
    }
    AccessClaims c = live.get();
    Set<String> scopes = new LinkedHashSet<>(c.scopes());
    scopes.retainAll(client.scopes());
    body.put("active", true);
    body.put("client_id", c.clientId());
    body.put("sub", Long.toString(c.sub()));
    body.put("scope", String.join(" ", scopes));
    body.put("iat", c.iat());
    body.put("exp", c.exp());
    ObjectNode claims = body.putObject(CLAIMS);
    claims.putObject("organization").put("id", organization.id()).put("name", organization.name());
    claims.put("user_role", role(user.get()));
    Respond.ok(ctx, body);
  }

  /** The sandbox has no job admins: a user is a service user, a Site Admin, or basic. */
  static String role(User u) {
    if (u.serviceUser) {
      return "service_user";
    }
    return u.siteAdmin ? "site_admin" : "basic";
  }
}
