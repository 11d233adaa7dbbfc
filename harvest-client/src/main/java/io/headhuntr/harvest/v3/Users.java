package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/**
 * Users of the account ({@code GET /v3/users}); service users only with {@link
 * UserQuery#showServiceAccounts}.
 */
public final class Users extends ResourceReads<User, UserQuery> {
  Users(V3Transport transport) {
    super(transport, "/v3/users", User.class, User::id);
  }
}
