package io.headhuntr.connector.push;

import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.GreenhouseException;
import io.headhuntr.connector.greenhouse.Person;
import io.headhuntr.connector.mirror.MirrorStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Finds a person by any of their emails: first in the mirror (the survivor of any merge, then
 * fetched from Greenhouse to see their current applications), then in Greenhouse by email, per
 * address; the lowest id wins when Greenhouse holds several.
 */
final class PersonLookup {
  private final Jdbi jdbi;
  private final MirrorStore mirror = new MirrorStore();

  PersonLookup(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  Optional<Person> byEmail(UUID tenant, List<String> emails, Greenhouse greenhouse) {
    for (String email : emails) {
      List<Long> ids =
          jdbi.withHandle(
              h ->
                  mirror.candidates().idsByEmail(h, tenant, email).stream()
                      .map(id -> mirror.candidates().survivorOf(h, tenant, id))
                      .toList());
      for (long id : ids) {
        try {
          return Optional.of(greenhouse.person(id));
        } catch (GreenhouseException.NotFound gone) {
          // merged or deleted since the mirror saw it: ask Greenhouse by email below
        }
      }
    }
    for (String email : emails) {
      Optional<Person> c =
          greenhouse.peopleByEmail(email).stream().min(Comparator.comparingLong(Person::id));
      if (c.isPresent()) {
        return c;
      }
    }
    return Optional.empty();
  }

  /**
   * Everyone Greenhouse lists under any of the emails, oldest first (after an unanswered write the
   * person it made may be a second profile beside an older one).
   */
  List<Person> everyoneInGreenhouse(List<String> emails, Greenhouse greenhouse) {
    Map<Long, Person> byId = new TreeMap<>();
    for (String email : emails) {
      greenhouse.peopleByEmail(email).forEach(c -> byId.putIfAbsent(c.id(), c));
    }
    return List.copyOf(byId.values());
  }
}
