package io.headhuntr.harvest;

import io.headhuntr.harvest.internal.HarvestTransport;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Greenhouse users ({@code /v1/users}): find the id that On-Behalf-Of needs, by e-mail or in the
 * full list.
 */
public final class Users {
  private final HarvestTransport transport;

  Users(HarvestTransport transport) {
    this.transport = transport;
  }

  /** Users matching the filter, lazily, 500 per page. */
  public Stream<User> list(UserFilter filter) {
    return list(filter, PageOptions.defaults());
  }

  public Stream<User> list(UserFilter filter, PageOptions page) {
    return transport.list(
        "/v1/users", page.query(filter.query()), page.perPage(), page.skipCount(), User.class);
  }

  /** One user; throws {@link HarvestNotFoundException} if there is none. */
  public User get(long id) {
    return transport.get("/v1/users/" + id, Map.of(), User.class);
  }
}
