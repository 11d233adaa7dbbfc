package io.headhuntr.harvest.v3;

import java.util.Collection;
import java.util.Map;

/** Filters for {@code GET /v3/user_emails}. Start with {@link #all()}. */
public final class UserEmailQuery extends ListQuery<UserEmailQuery> {
  private UserEmailQuery(Map<String, String> params) {
    super(params);
  }

  /** No filter: every record, {@value ListQuery#DEFAULT_PER_PAGE} per page. */
  public static UserEmailQuery all() {
    return new UserEmailQuery(Map.of());
  }

  @Override
  UserEmailQuery with(Map<String, String> params) {
    return new UserEmailQuery(params);
  }

  /** Only the addresses of these users (at most 50). */
  public UserEmailQuery userIds(Collection<Long> ids) {
    return setIds("user_ids", ids);
  }
}
