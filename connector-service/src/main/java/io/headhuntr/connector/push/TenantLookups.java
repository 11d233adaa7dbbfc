package io.headhuntr.connector.push;

import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.HarvestForbiddenException;
import io.headhuntr.harvest.HarvestUnauthorizedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Greenhouse's schools, degrees, disciplines and sources per tenant, cached for {@code maxAge}:
 * education text is resolved to ids by case-insensitive name, and the platform's source by a word
 * in its name. Loaded only when a push needs them; a list the key may not read (the setup guide
 * grants no permission for schools, degrees or disciplines) counts as empty, so a push never pauses
 * for it.
 */
final class TenantLookups {
  private record Names(Instant loadedAt, Map<String, Long> ids) {}

  private final Map<String, Names> cache = new ConcurrentHashMap<>();
  private final Duration maxAge;
  private final Clock clock;

  TenantLookups(Duration maxAge, Clock clock) {
    this.maxAge = maxAge;
    this.clock = clock;
  }

  Optional<Long> school(UUID tenant, HarvestClient client, CallRecorder calls, String name) {
    return find(
        tenant,
        "schools",
        name,
        calls,
        () -> client.schools().list().map(s -> Map.entry(s.name(), s.id())));
  }

  Optional<Long> degree(UUID tenant, HarvestClient client, CallRecorder calls, String name) {
    return find(
        tenant,
        "degrees",
        name,
        calls,
        () -> client.degrees().list().map(s -> Map.entry(s.name(), s.id())));
  }

  Optional<Long> discipline(UUID tenant, HarvestClient client, CallRecorder calls, String name) {
    return find(
        tenant,
        "disciplines",
        name,
        calls,
        () -> client.disciplines().list().map(s -> Map.entry(s.name(), s.id())));
  }

  /** The first source whose name contains {@code word} (case-insensitive), if any. */
  Optional<Long> sourceNamed(UUID tenant, HarvestClient client, CallRecorder calls, String word) {
    Names sources =
        names(
            tenant,
            "sources",
            calls,
            () -> client.sources().list().map(s -> Map.entry(s.name(), s.id())));
    String needle = word.toLowerCase(Locale.ROOT);
    return sources.ids().entrySet().stream()
        .filter(e -> e.getKey().contains(needle))
        .map(Map.Entry::getValue)
        .sorted()
        .findFirst();
  }

  private Optional<Long> find(
      UUID tenant,
      String kind,
      String name,
      CallRecorder calls,
      java.util.function.Supplier<Stream<Map.Entry<String, Long>>> load) {
    if (name == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(names(tenant, kind, calls, load).ids().get(key(name)));
  }

  private Names names(
      UUID tenant,
      String kind,
      CallRecorder calls,
      java.util.function.Supplier<Stream<Map.Entry<String, Long>>> load) {
    String cacheKey = tenant + ":" + kind;
    Names cached = cache.get(cacheKey);
    Instant now = clock.instant();
    if (cached != null && cached.loadedAt().plus(maxAge).isAfter(now)) {
      return cached;
    }
    Map<String, Long> ids = new HashMap<>();
    try {
      calls.call(
          "GET",
          "/v1/" + kind,
          () -> {
            try (Stream<Map.Entry<String, Long>> rows = load.get()) {
              rows.filter(e -> e.getKey() != null)
                  .forEach(e -> ids.putIfAbsent(key(e.getKey()), e.getValue()));
            }
            return null;
          });
    } catch (HarvestForbiddenException | HarvestUnauthorizedException e) {
      // the setup guide's key may not list this: nothing resolves, the text goes into a note
      ids.clear();
    }
    Names fresh = new Names(now, Map.copyOf(ids));
    cache.put(cacheKey, fresh);
    return fresh;
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
