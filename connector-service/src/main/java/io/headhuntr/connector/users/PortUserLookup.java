package io.headhuntr.connector.users;

import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.GreenhouseException;
import io.headhuntr.connector.mirror.UserRow;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Looks Greenhouse users up through a tenant's {@link Greenhouse} port, turning a failure to reach
 * Greenhouse into a 502 that says what to fix.
 */
public final class PortUserLookup implements GreenhouseUserLookup {
  private final Greenhouse greenhouse;

  public PortUserLookup(Greenhouse greenhouse) {
    this.greenhouse = greenhouse;
  }

  @Override
  public Map<Long, GreenhouseUser> find(Collection<Long> ids) {
    try {
      Map<Long, GreenhouseUser> found = new HashMap<>();
      greenhouse.usersById(ids).forEach((id, user) -> found.put(id, of(user)));
      return found;
    } catch (GreenhouseException.Refused e) {
      throw ProblemException.badGateway(
          e.unauthorized()
              ? "Greenhouse refused the saved API key (401): save a valid Harvest key, then try"
                  + " again"
              : "the Greenhouse API key may not read users (403): tick 'GET: List Users' on the"
                  + " key's permissions, then try again");
    } catch (GreenhouseException.Unreachable e) {
      throw ProblemException.badGateway("Greenhouse could not be reached: " + e.getMessage());
    } catch (GreenhouseException e) {
      throw ProblemException.badGateway(
          "Greenhouse answered " + e.status() + " while reading users: try again later");
    }
  }

  private static GreenhouseUser of(UserRow user) {
    return new GreenhouseUser(
        user.id(), user.name(), user.email(), Boolean.TRUE.equals(user.disabled()));
  }
}
