package io.headhuntr.harvest.internal;

import io.headhuntr.harvest.GreenhouseUserId;
import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP call as the interceptors see it. {@code body} is null for reads; {@code actingUser} is
 * set only for writes (v1: the {@code On-Behalf-Of} user; v3: the token's {@code sub}); {@code
 * readReserve} is how many calls of a window a read leaves to writes. Its {@code toString} shows
 * method and path only: headers hold the key, bodies personal data.
 */
public record HarvestRequest(
    String method,
    URI uri,
    Map<String, String> headers,
    byte[] body,
    GreenhouseUserId actingUser,
    int readReserve) {

  public HarvestRequest {
    TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    headers = Collections.unmodifiableMap(copy);
  }

  public static HarvestRequest get(URI uri) {
    return new HarvestRequest("GET", uri, Map.of(), null, null, 0);
  }

  /** Reads ({@code GET}, {@code HEAD}) are safe to repeat; everything else changes Greenhouse. */
  public boolean isWrite() {
    return !method.equals("GET") && !method.equals("HEAD");
  }

  /** The path without the query (the query may hold an e-mail address). */
  public String path() {
    return uri.getRawPath();
  }

  public String header(String name) {
    return headers.get(name);
  }

  public HarvestRequest withHeader(String name, String value) {
    TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    copy.put(name, value);
    return new HarvestRequest(method, uri, copy, body, actingUser, readReserve);
  }

  public HarvestRequest withoutHeader(String name) {
    TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    copy.remove(name);
    return new HarvestRequest(method, uri, copy, body, actingUser, readReserve);
  }

  /** The same read, asking the pacer to leave this many calls of each window to writes. */
  public HarvestRequest withReadReserve(int calls) {
    return new HarvestRequest(method, uri, headers, body, actingUser, calls);
  }

  @Override
  public String toString() {
    return "HarvestRequest[" + method + " " + path() + "]";
  }
}
