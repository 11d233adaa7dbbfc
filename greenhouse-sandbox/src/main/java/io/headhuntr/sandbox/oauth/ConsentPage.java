package io.headhuntr.sandbox.oauth;

import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.User;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /authorize} shows a partner's consent page (a plain HTML form: service account, as
 * myself with a user picker, or deny); {@code POST /authorize} takes the form and redirects back
 * with a code or an error. The person at the browser is assumed to be a Site Admin.
 */
final class ConsentPage {
  private final OAuthClients clients;
  private final Grants grants;
  private final Account account;
  private final String organizationName;

  /** A checked authorize request: the client, its redirect URI, granted scopes and state. */
  private record Request(
      OAuthClient client, String redirectUri, Set<String> scopes, String state) {}

  ConsentPage(OAuthClients clients, Grants grants, Account account, String organizationName) {
    this.clients = clients;
    this.grants = grants;
    this.account = account;
    this.organizationName = organizationName;
  }

  void show(Context ctx) {
    Request request = check(ctx);
    if (request == null) {
      return;
    }
    List<User> people = activePeople();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Authorize ")
        .append(escape(request.client().id()))
        .append("</title></head><body>\n<h1>")
        .append(escape(request.client().id()))
        .append(" wants to access ")
        .append(escape(organizationName))
        .append("</h1>\n<p>Requested scopes:</p>\n<ul>\n");
    request.scopes().forEach(s -> html.append("<li>").append(escape(s)).append("</li>\n"));
    html.append("</ul>\n<form method=\"post\" action=\"/authorize\">\n");
    hidden(html, "response_type", "code");
    hidden(html, "client_id", request.client().id());
    hidden(html, "redirect_uri", request.redirectUri());
    hidden(html, "scope", String.join(" ", request.scopes()));
    if (request.state() != null) {
      hidden(html, "state", request.state());
    }
    html.append(
            "<p><input type=\"radio\" id=\"choice-service\" name=\"choice\""
                + " value=\"service_account\" checked>")
        .append("<label for=\"choice-service\">Authorize using a service account</label></p>\n")
        .append("<p><input type=\"radio\" id=\"choice-user\" name=\"choice\" value=\"user\">")
        .append("<label for=\"choice-user\">Authorize as myself</label></p>\n")
        .append(
            "<p><label for=\"user_id\">I am</label> <select id=\"user_id\" name=\"user_id\">\n");
    for (User u : people) {
      html.append("<option value=\"")
          .append(u.id)
          .append("\">")
          .append(escape(u.name()))
          .append(u.siteAdmin ? " (Site Admin)" : "")
          .append("</option>\n");
    }
    html.append("</select></p>\n")
        .append("<p><button type=\"submit\">Authorize</button> ")
        .append("<button type=\"submit\" name=\"choice\" value=\"deny\">Deny</button></p>\n")
        .append("</form></body></html>\n");
    ctx.status(200).contentType("text/html; charset=utf-8").result(html.toString());
  }

  void submit(Context ctx) {
    Request request = check(ctx);
    if (request == null) {
      return;
    }
    String choice = TokenEndpoint.param(ctx, "choice");
    long user;
    if ("service_account".equals(choice)) {
      user = request.client().serviceUserId();
    } else if ("user".equals(choice)) {
      user = chosenUser(TokenEndpoint.param(ctx, "user_id"));
      if (user == 0) {
        page(ctx, 400, "user_id must name an active user of the account");
        return;
      }
    } else if ("deny".equals(choice)) {
      redirect(ctx, request, Map.of("error", "access_denied"));
      return;
    } else {
      page(ctx, 400, "choice must be service_account, user or deny");
      return;
    }
    String code =
        grants.newCode(
            new Grants.Consent(request.client().id(), user, request.scopes()),
            request.redirectUri());
    redirect(ctx, request, Map.of("code", code));
  }

  /** The checked request, or null after answering a 400 page or an error redirect. */
  private Request check(Context ctx) {
    String clientId = TokenEndpoint.param(ctx, "client_id");
    OAuthClient client = clients.find(clientId).orElse(null);
    if (client == null || client.kind() != ClientKind.PARTNER) {
      page(ctx, 400, "Unknown client_id, or not a partner client");
      return null;
    }
    String redirectUri = TokenEndpoint.param(ctx, "redirect_uri");
    if (redirectUri == null || !client.redirectUri().orElse("").equals(redirectUri)) {
      page(ctx, 400, "redirect_uri is not the one registered for this client");
      return null;
    }
    String state = TokenEndpoint.param(ctx, "state");
    String scopeParam = TokenEndpoint.param(ctx, "scope");
    Set<String> scopes = scopeParam == null ? client.scopes() : Scopes.parse(scopeParam);
    Request request = new Request(client, redirectUri, scopes, state);
    if (!"code".equals(TokenEndpoint.param(ctx, "response_type"))) {
      redirect(ctx, request, Map.of("error", "unsupported_response_type"));
      return null;
    }
    if (!client.scopes().containsAll(scopes)) {
      redirect(ctx, request, Map.of("error", "invalid_scope"));
      return null;
    }
    return request;
  }

  private List<User> activePeople() {
    return account.read(
        () -> {
          List<User> people = new ArrayList<>();
          for (User u : account.users.values()) {
            if (!u.disabled && !u.serviceUser) {
              people.add(u);
            }
          }
          return people;
        });
  }

  /** The id of an active person of the account, or 0. */
  private long chosenUser(String userId) {
    if (userId == null) {
      return 0;
    }
    try {
      long id = Long.parseLong(userId.trim());
      return activePeople().stream().anyMatch(u -> u.id == id) ? id : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void redirect(Context ctx, Request request, Map<String, String> params) {
    Map<String, String> all = new LinkedHashMap<>(params);
    if (request.state() != null) {
      all.put("state", request.state());
    }
    StringBuilder url = new StringBuilder(request.redirectUri());
    char separator = request.redirectUri().contains("?") ? '&' : '?';
    for (Map.Entry<String, String> e : all.entrySet()) {
      url.append(separator)
          .append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    ctx.status(302).header("Location", url.toString());
  }

  private static void page(Context ctx, int status, String message) {
    ctx.status(status)
        .contentType("text/html; charset=utf-8")
        .result(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Authorization"
                + " failed</title></head><body><h1>Authorization failed</h1><p>"
                + escape(message)
                + "</p></body></html>\n");
  }

  private static void hidden(StringBuilder html, String name, String value) {
    html.append("<input type=\"hidden\" name=\"")
        .append(name)
        .append("\" value=\"")
        .append(escape(value))
        .append("\">\n");
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
