package io.headhuntr.sandbox.oauth;

import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.User;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account's registered OAuth clients. Registering one creates its service user in the account
 * (flagged {@link User#serviceUser}, no email, a Site Admin for lists).
 */
public final class OAuthClients {
  private final Account account;
  private final Map<String, OAuthClient> clients = new ConcurrentHashMap<>();

  public OAuthClients(Account account) {
    this.account = account;
  }

  /**
   * Registers a client; an unknown scope, a taken id, or a partner without a redirect URI is an
   * IllegalArgumentException naming the problem.
   */
  public OAuthClient register(
      String id, String secret, ClientKind kind, Set<String> scopes, Optional<String> redirectUri) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("client_id is required");
    }
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("client_secret is required");
    }
    List<String> unknown = Scopes.unknown(scopes);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown scopes: " + String.join(" ", unknown));
    }
    if (kind == ClientKind.PARTNER && redirectUri.filter(u -> !u.isBlank()).isEmpty()) {
      throw new IllegalArgumentException("redirect_uri is required for a partner client");
    }
    synchronized (clients) {
      if (clients.containsKey(id)) {
        throw new IllegalArgumentException("client_id " + id + " is already registered");
      }
      long serviceUser = createServiceUser(id, kind);
      OAuthClient client =
          new OAuthClient(id, new Secret(secret), kind, scopes, redirectUri, serviceUser);
      clients.put(id, client);
      return client;
    }
  }

  private long createServiceUser(String clientId, ClientKind kind) {
    return account.write(
        () -> {
          long id = account.newId();
          String last = kind == ClientKind.CUSTOM ? "Integration" : "Partner Service Account";
          User user = new User(id, clientId, last, null, account.now());
          user.serviceUser = true;
          account.users.put(id, user);
          return id;
        });
  }

  public Optional<OAuthClient> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(clients.get(id));
  }

  /** Every client, in no particular order. */
  public List<OAuthClient> all() {
    return List.copyOf(clients.values());
  }

  /** Replaces a client's scopes; false when the client is unknown. */
  public boolean replaceScopes(String id, Set<String> scopes) {
    List<String> unknown = Scopes.unknown(scopes);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown scopes: " + String.join(" ", unknown));
    }
    return clients.computeIfPresent(id, (k, c) -> c.withScopes(scopes)) != null;
  }

  /** Removes a client (its service user stays, as a deactivated integration's would). */
  public boolean remove(String id) {
    return clients.remove(id) != null;
  }
}
