package io.headhuntr.connector.users;

import java.util.Collection;
import java.util.Map;

/**
 * What verification needs from Greenhouse: the users with the given ids. Implemented over a
 * tenant's Greenhouse port ({@link PortUserLookup}); any failure to reach Greenhouse is thrown as
 * {@link io.headhuntr.connector.api.ProblemException#badGateway(String)}.
 */
public interface GreenhouseUserLookup {

  /** A Greenhouse user as far as mapping cares. */
  record GreenhouseUser(long id, String name, String email, boolean disabled) {}

  /** The users among {@code ids} that exist in Greenhouse; a missing key means "no such user". */
  Map<Long, GreenhouseUser> find(Collection<Long> ids);
}
