package io.headhuntr.harvest.v3;

import java.util.Map;

/**
 * Filters for {@code GET /v3/users}; service users (integrations) are hidden unless asked for.
 * Start with {@link #all()}.
 */
public final class UserQuery extends ListQuery<UserQuery> {
  private UserQuery(Map<String, String> params) {
    super(params);
  }

  /** No filter: every record, {@value ListQuery#DEFAULT_PER_PAGE} per page. */
  public static UserQuery all() {
    return new UserQuery(Map.of());
  }

  @Override
  UserQuery with(Map<String, String> params) {
    return new UserQuery(params);
  }

  /** The user whose primary e-mail is this one. */
  public UserQuery primaryEmail(String email) {
    return set("primary_email", Checks.text("primary_email", email));
  }

  /** Whether service users (integrations, partner service accounts) are listed too. */
  public UserQuery showServiceAccounts(boolean show) {
    return set("show_service_accounts", String.valueOf(show));
  }
}
