package io.headhuntr.harvest.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.harvest.GreenhouseUserId;
import io.headhuntr.harvest.HarvestApiKey;
import io.headhuntr.harvest.HarvestValidationException;
import io.headhuntr.harvest.ListPage;
import io.headhuntr.harvest.RateLimitStatus;
import io.headhuntr.harvest.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Sends Harvest calls through the interceptor chain and binds JSON; shared by a client and all its
 * acting views. The whole chain is listed in {@link #chain}: read it there, in order.
 */
public final class HarvestTransport {
  private final URI origin;
  private final List<Interceptor> interceptors;
  private final RateLimitPacer pacer;
  private final ObjectMapper json = Json.mapper();
  private final int readReserve;

  public HarvestTransport(
      HarvestApiKey key,
      URI origin,
      HttpClient http,
      Duration requestTimeout,
      Clock clock,
      Sleeper sleeper,
      RetryPolicy retryPolicy,
      int reserveForWrites) {
    this.origin = origin;
    this.pacer = new RateLimitPacer(clock, sleeper, reserveForWrites);
    this.interceptors = chain(key, pacer, retryPolicy, sleeper, http, requestTimeout);
    this.readReserve = 0;
  }

  private HarvestTransport(HarvestTransport shared, int readReserve) {
    this.origin = shared.origin;
    this.pacer = shared.pacer;
    this.interceptors = shared.interceptors;
    this.readReserve = readReserve;
  }

  /**
   * The same transport (chain, pacer, connections) whose reads leave {@code calls} per window to
   * writes.
   */
  public HarvestTransport withReadReserve(int calls) {
    if (calls < 0) {
      throw new IllegalArgumentException("a read reserve must be >= 0, got " + calls);
    }
    return new HarvestTransport(this, calls);
  }

  /**
   * The order matters: retry wraps pacing so that every attempt, including a retry after a 429,
   * waits its turn and teaches the pacer what Greenhouse answered; the log sees each attempt.
   */
  private static List<Interceptor> chain(
      HarvestApiKey key,
      RateLimitPacer pacer,
      RetryPolicy retryPolicy,
      Sleeper sleeper,
      HttpClient http,
      Duration requestTimeout) {
    return List.of(
        new BasicAuth(key),
        new OnBehalfOf(),
        new SafeRetry(retryPolicy, sleeper),
        pacer,
        new CallLog(),
        new Send(http, requestTimeout));
  }

  public RateLimitStatus rateLimitStatus() {
    return pacer.status();
  }

  /** GET one object. */
  public <T> T get(String path, Map<String, String> query, Class<T> type) {
    HarvestRequest request =
        HarvestRequest.get(uri(path, query))
            .withHeader("Accept", "application/json")
            .withReadReserve(readReserve);
    return read(execute(request), json.constructType(type), request);
  }

  /** GET a list lazily, one page per request, following {@code Link rel="next"} verbatim. */
  public <T> Stream<T> list(
      String path, Map<String, String> query, int perPage, boolean skipCount, Class<T> type) {
    Pager<T> pager = pager(path, query, perPage, skipCount, false, type);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            Pager.items(pager), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * GET a list lazily as its pages, numbered from {@code firstPage} (already in {@code query} as
   * {@code page} when above 1). With {@code countFirstPage} the first request omits {@code
   * skip_count} so its page knows the last page, and the following ones skip the count.
   */
  public <T> Stream<ListPage<T>> pages(
      String path,
      Map<String, String> query,
      int perPage,
      boolean skipCount,
      boolean countFirstPage,
      int firstPage,
      Class<T> type) {
    Pager<T> pager = pager(path, query, perPage, skipCount, countFirstPage, type, firstPage);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(pager, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private <T> Pager<T> pager(
      String path,
      Map<String, String> query,
      int perPage,
      boolean skipCount,
      boolean countFirstPage,
      Class<T> type) {
    return pager(path, query, perPage, skipCount, countFirstPage, type, 1);
  }

  private <T> Pager<T> pager(
      String path,
      Map<String, String> query,
      int perPage,
      boolean skipCount,
      boolean countFirstPage,
      Class<T> type,
      int firstPage) {
    Map<String, String> paged = new java.util.LinkedHashMap<>(query);
    paged.put("per_page", Integer.toString(perPage));
    if (skipCount && !countFirstPage) {
      paged.put("skip_count", "true");
    }
    JavaType pageType = json.getTypeFactory().constructCollectionType(List.class, type);
    return new Pager<>(
        uri(path, paged),
        firstPage,
        origin,
        skipCount && countFirstPage,
        next -> fetchPage(next, pageType));
  }

  private <T> Pager.Fetched<T> fetchPage(URI uri, JavaType pageType) {
    HarvestRequest request =
        HarvestRequest.get(uri)
            .withHeader("Accept", "application/json")
            .withReadReserve(readReserve);
    HarvestResponse response = execute(request);
    List<T> items = read(response, pageType, request);
    return new Pager.Fetched<>(
        items == null ? List.of() : items, LinkHeader.parse(response.headers().allValues("Link")));
  }

  /** POST, PATCH or PUT a JSON body on behalf of a Greenhouse user; never resent. */
  public <T> T write(
      String method, String path, Object body, GreenhouseUserId actingUser, Class<T> type) {
    if (actingUser == null) {
      throw new IllegalArgumentException(method + " " + path + " needs an acting Greenhouse user");
    }
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("could not write the request body as JSON for " + path, e);
    }
    HarvestRequest request =
        new HarvestRequest(
            method,
            uri(path, Map.of()),
            Map.of("Content-Type", "application/json", "Accept", "application/json"),
            bytes,
            actingUser,
            0);
    HarvestResponse response = execute(request);
    rejectErrorOnlyBody(request, response);
    return read(response, json.constructType(type), request);
  }

  private void rejectErrorOnlyBody(HarvestRequest request, HarvestResponse response) {
    try {
      JsonNode root = response.body().length == 0 ? null : json.readTree(response.body());
      if (ErrorMapper.ErrorBody.isErrorOnly(root)) {
        ErrorMapper.ErrorBody errors = ErrorMapper.ErrorBody.read(response.body());
        throw new HarvestValidationException(
            request.method(),
            request.path(),
            response.status(),
            "answered " + response.status() + " with only errors",
            errors.errors());
      }
    } catch (IOException notJson) {
      // read() reports an unreadable body
    }
  }

  private HarvestResponse execute(HarvestRequest request) {
    return Exchange.execute(interceptors, request, pacer);
  }

  private <T> T read(HarvestResponse response, JavaType type, HarvestRequest request) {
    return Exchange.read(json, response, type, request);
  }

  private URI uri(String path, Map<String, String> query) {
    String q =
        query.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return URI.create(origin.toString() + path + (q.isEmpty() ? "" : "?" + q));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
