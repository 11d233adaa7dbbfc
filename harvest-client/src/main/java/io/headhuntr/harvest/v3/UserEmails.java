package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/** Users' e-mail addresses ({@code GET /v3/user_emails}), one row per address. */
public final class UserEmails extends ResourceReads<UserEmail, UserEmailQuery> {
  UserEmails(V3Transport transport) {
    super(transport, "/v3/user_emails", UserEmail.class, UserEmail::id);
  }
}
