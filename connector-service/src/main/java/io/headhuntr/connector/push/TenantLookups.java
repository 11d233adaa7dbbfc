package io.headhuntr.connector.push;

import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.GreenhouseException;
import io.headhuntr.connector.greenhouse.NamedId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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

  Optional<Long> school(UUID tenant, Greenhouse client, String name) {
    return find(tenant, "schools", name, client::schools);
  }

  Optional<Long> degree(UUID tenant, Greenhouse client, String name) {
    return find(tenant, "degrees", name, client::degrees);
  }

  Optional<Long> discipline(UUID tenant, Greenhouse client, String name) {
    return find(tenant, "disciplines", name, client::disciplines);
  }

  /** The first source whose name contains {@code word} (case-insensitive), if any. */
  Optional<Long> sourceNamed(UUID tenant, Greenhouse client, String word) {
    Names sources = names(tenant, "sources", client::sourceNames);
    String needle = word.toLowerCase(Locale.ROOT);
    return sources.ids().entrySet().stream()
        .filter(e -> e.getKey().contains(needle))
        .map(Map.Entry::getValue)
        .sorted()
        .findFirst();
  }

  private Optional<Long> find(UUID tenant, String kind, String name, Supplier<List<NamedId>> load) {
    if (name == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(names(tenant, kind, load).ids().get(key(name)));
  }

  private Names names(UUID tenant, String kind, Supplier<List<NamedId>> load) {
    String cacheKey = tenant + ":" + kind;
    Names cached = cache.get(cacheKey);
    Instant now = clock.instant();
    if (cached != null && cached.loadedAt().plus(maxAge).isAfter(now)) {
      return cached;
    }
    Map<String, Long> ids = new HashMap<>();
    try {
      for (NamedId entry : load.get()) {
        if (entry.name() != null) {
          ids.putIfAbsent(key(entry.name()), entry.id());
        }
      }
    } catch (GreenhouseException.Refused e) {
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
