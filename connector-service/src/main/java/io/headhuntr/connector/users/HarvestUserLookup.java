package io.headhuntr.connector.users;

import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.HarvestException;
import io.headhuntr.harvest.HarvestForbiddenException;
import io.headhuntr.harvest.HarvestNotFoundException;
import io.headhuntr.harvest.HarvestTransportException;
import io.headhuntr.harvest.HarvestUnauthorizedException;
import io.headhuntr.harvest.User;
import io.headhuntr.harvest.UserFilter;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Looks Greenhouse users up through a tenant's Harvest client: one {@code GET /v1/users/{id}} per
 * id for a few ids, one pass over {@code GET /v1/users} (500 per page) for many, or when the key
 * lacks "GET: Retrieve User" (the setup guide asks only for "GET: List Users").
 */
public final class HarvestUserLookup implements GreenhouseUserLookup {

  /** Above this many ids, listing every user costs fewer calls than one GET per id. */
  static final int SINGLE_GET_LIMIT = 3;

  private final HarvestClient harvest;

  public HarvestUserLookup(HarvestClient harvest) {
    this.harvest = harvest;
  }

  @Override
  public Map<Long, GreenhouseUser> find(Collection<Long> ids) {
    Set<Long> wanted = new HashSet<>(ids);
    try {
      if (wanted.size() <= SINGLE_GET_LIMIT) {
        try {
          return getEach(wanted);
        } catch (HarvestForbiddenException e) {
          // the guide's key holds "GET: List Users" but not "GET: Retrieve User": list instead
        }
      }
      return listAll(wanted);
    } catch (HarvestUnauthorizedException e) {
      throw ProblemException.badGateway(
          "Greenhouse refused the saved API key (401): save a valid Harvest key, then try again");
    } catch (HarvestForbiddenException e) {
      throw ProblemException.badGateway(
          "the Greenhouse API key may not read users (403): tick 'GET: List Users' on the key's"
              + " permissions, then try again");
    } catch (HarvestTransportException e) {
      throw ProblemException.badGateway("Greenhouse could not be reached: " + e.getMessage());
    } catch (HarvestException e) {
      throw ProblemException.badGateway(
          "Greenhouse answered " + e.status() + " while reading users: try again later");
    }
  }

  private Map<Long, GreenhouseUser> getEach(Set<Long> wanted) {
    Map<Long, GreenhouseUser> found = new HashMap<>();
    for (long id : wanted) {
      try {
        found.put(id, of(harvest.users().get(id)));
      } catch (HarvestNotFoundException e) {
        // no such user: left out of the answer
      }
    }
    return found;
  }

  private Map<Long, GreenhouseUser> listAll(Set<Long> wanted) {
    Map<Long, GreenhouseUser> found = new HashMap<>();
    try (Stream<User> users = harvest.users().list(UserFilter.all())) {
      users.filter(u -> wanted.contains(u.id())).forEach(u -> found.put(u.id(), of(u)));
    }
    return found;
  }

  private static GreenhouseUser of(User user) {
    return new GreenhouseUser(user.id(), user.name(), user.primaryEmailAddress(), user.disabled());
  }
}
