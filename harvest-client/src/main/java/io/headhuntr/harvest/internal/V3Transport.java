package io.headhuntr.harvest.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.harvest.RateLimitStatus;
import io.headhuntr.harvest.Sleeper;
import io.headhuntr.harvest.v3.Actor;
import io.headhuntr.harvest.v3.CursorPage;
import io.headhuntr.harvest.v3.TokenIntrospection;
import io.headhuntr.harvest.v3.TokenSource;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Sends Harvest v3 calls with Bearer tokens through the interceptor chain and binds JSON; shared by
 * a v3 client and all its acting views. The whole chain is listed in {@link #chain}: read it there,
 * in order. Token calls go to the auth host through their own chain and pacer ({@link
 * TokenEndpoint}).
 */
public final class V3Transport {
  private static final Set<String> WRITE_METHODS = Set.of("POST", "PATCH", "PUT", "DELETE");

  private final URI origin;
  private final URI authOrigin;
  private final TokenSource source;
  private final TokenEndpoint tokenEndpoint;
  private final BearerTokens tokens;
  private final RateLimitPacer pacer;
  private final List<Interceptor> interceptors;
  private final ObjectMapper json = Json.mapper();
  private final int readReserve;

  public V3Transport(
      URI origin,
      URI authOrigin,
      TokenSource source,
      HttpClient http,
      Duration requestTimeout,
      Clock clock,
      Sleeper sleeper,
      RetryPolicy retryPolicy,
      int reserveForWrites) {
    this.origin = origin;
    this.authOrigin = authOrigin;
    this.source = source;
    this.tokenEndpoint =
        new TokenEndpoint(
            authOrigin, source, http, requestTimeout, clock, sleeper, retryPolicy.maxAttempts());
    this.tokens =
        source instanceof TokenSource.Partner partner
            ? new PartnerTokens(tokenEndpoint, partner, clock)
            : new ClientCredentialsTokens(tokenEndpoint, clock);
    this.pacer =
        RateLimitPacer.learningWindow(clock, sleeper, reserveForWrites, Duration.ofSeconds(30));
    this.interceptors = chain(tokens, pacer, retryPolicy, sleeper, http, requestTimeout);
    this.readReserve = 0;
  }

  private V3Transport(V3Transport shared, int readReserve) {
    this.origin = shared.origin;
    this.authOrigin = shared.authOrigin;
    this.source = shared.source;
    this.tokenEndpoint = shared.tokenEndpoint;
    this.tokens = shared.tokens;
    this.pacer = shared.pacer;
    this.interceptors = shared.interceptors;
    this.readReserve = readReserve;
  }

  /**
   * The order matters: a 401 renews the token and resends once, through retry and pacing again;
   * retry wraps pacing so every attempt waits its turn and teaches the pacer; the log sees each
   * attempt.
   */
  private static List<Interceptor> chain(
      BearerTokens tokens,
      RateLimitPacer pacer,
      RetryPolicy retryPolicy,
      Sleeper sleeper,
      HttpClient http,
      Duration requestTimeout) {
    return List.of(
        new BearerAuth(tokens),
        new SafeRetry(retryPolicy, sleeper),
        pacer,
        new CallLog(),
        new Send(http, requestTimeout));
  }

  /**
   * The same transport (chain, pacer, tokens) whose reads leave {@code calls} per window to writes.
   */
  public V3Transport withReadReserve(int calls) {
    if (calls < 0) {
      throw new IllegalArgumentException("a read reserve must be >= 0, got " + calls);
    }
    return new V3Transport(this, calls);
  }

  public RateLimitStatus rateLimitStatus() {
    return pacer.status();
  }

  /**
   * Lazy stream of every item; {@code query} holds filters and per_page, sent on the first request
   * only.
   */
  public <T> Stream<T> list(String path, Map<String, String> query, Class<T> type) {
    return pages(path, query, type).flatMap(page -> page.items().stream());
  }

  /** Lazy stream of pages; each page knows the {@code next} URL (for resumable listings). */
  public <T> Stream<CursorPage<T>> pages(String path, Map<String, String> query, Class<T> type) {
    return stream(uri(path, firstQuery(query)), type);
  }

  /** Continues a listing from a {@code next} URL a previous page gave (same origin only). */
  public <T> Stream<CursorPage<T>> resume(URI next, Class<T> type) {
    return stream(CursorPager.checkedNext(origin, Objects.requireNonNull(next, "next")), type);
  }

  /**
   * One write as {@code actor}; returns the parsed body, or null for 204. Never resent (except once
   * after a 401).
   */
  public <T> T write(String method, String path, Object body, Actor actor, Class<T> type) {
    String verb = method.toUpperCase(Locale.ROOT);
    if (!WRITE_METHODS.contains(verb)) {
      throw new IllegalArgumentException("a write is POST, PATCH, PUT or DELETE, got " + method);
    }
    Objects.requireNonNull(actor, "actor");
    byte[] bytes;
    try {
      bytes = body == null ? null : json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("could not write the request body as JSON for " + path, e);
    }
    Map<String, String> headers =
        bytes == null
            ? Map.of("Accept", "application/json")
            : Map.of("Content-Type", "application/json", "Accept", "application/json");
    HarvestRequest request =
        new HarvestRequest(
            verb,
            uri(path, Map.of()),
            headers,
            bytes,
            actor instanceof Actor.User user ? user.id() : null,
            0);
    return read(execute(request), json.constructType(type), request);
  }

  /** What Greenhouse says about {@code actor}'s token (fetched first if none is cached). */
  public TokenIntrospection introspect(Actor actor) {
    return tokenEndpoint.introspect(tokens.token(actor));
  }

  /** Exchanges a partner consent's code for tokens, saved in the source's store. */
  public void exchangeCode(String code) {
    if (!(tokens instanceof PartnerTokens partner)) {
      throw new IllegalStateException(
          "only a partner token source exchanges authorization codes; this client uses client"
              + " credentials");
    }
    partner.exchange(code);
  }

  /** The URL a person opens to authorize a partner client ({@code GET {auth}/authorize}). */
  public URI authorizeUrl(Collection<String> scopes, String state) {
    if (!(source instanceof TokenSource.Partner partner)) {
      throw new IllegalStateException(
          "only a partner token source has an authorize URL; this client uses client credentials");
    }
    if (state == null || state.isBlank()) {
      throw new IllegalArgumentException(
          "state must not be empty: it ties the callback to the request");
    }
    StringBuilder q =
        new StringBuilder("response_type=code")
            .append("&client_id=")
            .append(encode(partner.clientId()))
            .append("&redirect_uri=")
            .append(encode(partner.redirectUri().toString()));
    if (!scopes.isEmpty()) {
      q.append("&scope=").append(encode(String.join(" ", scopes)));
    }
    q.append("&state=").append(encode(state));
    return URI.create(authOrigin + "/authorize?" + q);
  }

  private <T> Stream<CursorPage<T>> stream(URI first, Class<T> type) {
    JavaType pageType = json.getTypeFactory().constructCollectionType(List.class, type);
    CursorPager<T> pager = new CursorPager<>(first, origin, next -> fetchPage(next, pageType));
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(pager, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private <T> CursorPager.Fetched<T> fetchPage(URI uri, JavaType pageType) {
    HarvestRequest request =
        HarvestRequest.get(uri)
            .withHeader("Accept", "application/json")
            .withReadReserve(readReserve);
    HarvestResponse response = execute(request);
    List<T> items = read(response, pageType, request);
    return new CursorPager.Fetched<>(
        items == null ? List.of() : items, LinkHeader.parse(response.headers().allValues("Link")));
  }

  /** Filters and {@code per_page} (1-500) as given; a cursor is never one of them. */
  private static Map<String, String> firstQuery(Map<String, String> query) {
    query.forEach(
        (name, value) -> {
          if (name == null || value == null) {
            throw new IllegalArgumentException("a query parameter and its value must not be null");
          }
        });
    if (query.containsKey("cursor")) {
      throw new IllegalArgumentException(
          "a cursor goes alone (Greenhouse answers 422 when combined with other parameters):"
              + " continue a listing with resume(next)");
    }
    String perPage = query.get("per_page");
    if (perPage != null) {
      int n;
      try {
        n = Integer.parseInt(perPage);
      } catch (NumberFormatException e) {
        n = 0;
      }
      if (n < 1 || n > 500) {
        throw new IllegalArgumentException("per_page must be between 1 and 500, got " + perPage);
      }
    }
    return query;
  }

  private HarvestResponse execute(HarvestRequest request) {
    return Exchange.execute(interceptors, request, pacer);
  }

  private <T> T read(HarvestResponse response, JavaType type, HarvestRequest request) {
    return Exchange.read(json, response, type, request);
  }

  private URI uri(String path, Map<String, String> query) {
    if (!path.startsWith("/v3/")) {
      throw new IllegalArgumentException("a Harvest v3 path starts with /v3/, got " + path);
    }
    String q =
        query.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return URI.create(origin.toString() + path + (q.isEmpty() ? "" : "?" + q));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
