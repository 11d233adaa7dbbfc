package io.headhuntr.connector.push;

import io.headhuntr.connector.mirror.MirrorStore;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.CandidateFilter;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.HarvestNotFoundException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * Finds a person by any of their emails: first in the mirror (the survivor of any merge, then
 * fetched from Greenhouse to see their current applications), then with {@code GET
 * /v1/candidates?email=} per address; the lowest id wins when Greenhouse holds several.
 */
final class PersonLookup {
  private final Jdbi jdbi;
  private final MirrorStore mirror = new MirrorStore();

  PersonLookup(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  Optional<Candidate> byEmail(
      UUID tenant, List<String> emails, HarvestClient client, CallRecorder calls) {
    for (String email : emails) {
      List<Long> ids =
          jdbi.withHandle(
              h ->
                  mirror.candidates().idsByEmail(h, tenant, email).stream()
                      .map(id -> mirror.candidates().survivorOf(h, tenant, id))
                      .toList());
      for (long id : ids) {
        try {
          return Optional.of(
              calls.call("GET", "/v1/candidates/" + id, () -> client.candidates().get(id)));
        } catch (HarvestNotFoundException gone) {
          // merged or deleted since the mirror saw it: ask Greenhouse by email below
        }
      }
    }
    for (String email : emails) {
      Optional<Candidate> c =
          calls.call(
              "GET",
              "/v1/candidates?email=<redacted>",
              () -> {
                try (Stream<Candidate> s =
                    client.candidates().list(CandidateFilter.builder().email(email).build())) {
                  return s.min(Comparator.comparingLong(Candidate::id));
                }
              });
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
  List<Candidate> everyoneInGreenhouse(
      List<String> emails, HarvestClient client, CallRecorder calls) {
    java.util.Map<Long, Candidate> byId = new java.util.TreeMap<>();
    for (String email : emails) {
      calls.call(
          "GET",
          "/v1/candidates?email=<redacted>",
          () -> {
            try (Stream<Candidate> s =
                client.candidates().list(CandidateFilter.builder().email(email).build())) {
              s.forEach(c -> byId.putIfAbsent(c.id(), c));
            }
            return null;
          });
    }
    return List.copyOf(byId.values());
  }
}
