package io.headhuntr.connector.credentials;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the connector may send a tenant's Greenhouse calls: only {@code https} hosts of {@code
 * greenhouse.io} resolving to public addresses, plus the origins the operator lists in {@code
 * CONNECTOR_ALLOW_GREENHOUSE_URLS} (the sandbox; {@code http://127.0.0.1:*} allows any port), which
 * may be private. A tenant cannot make the server probe its internal network: a refused URL gets a
 * plain sentence that says nothing of what answers there.
 */
public final class GreenhouseHosts {
  private final List<Origin> allowed;
  private final Resolver resolver;

  /** How a host name becomes addresses (the system's DNS; tests give their own). */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private record Origin(String scheme, String host, int port) {
    boolean matches(URI uri) {
      return scheme.equals(GreenhouseHosts.scheme(uri))
          && host.equals(uri.getHost().toLowerCase(Locale.ROOT))
          && (port == -1 || port == GreenhouseHosts.port(uri));
    }
  }

  private GreenhouseHosts(List<Origin> allowed, Resolver resolver) {
    this.allowed = List.copyOf(allowed);
    this.resolver = resolver;
  }

  /** Greenhouse's own hosts only. */
  public static GreenhouseHosts greenhouseOnly() {
    return new GreenhouseHosts(List.of(), InetAddress::getAllByName);
  }

  /**
   * Greenhouse's hosts and the listed origins ({@code scheme://host:port}, the port may be {@code
   * *}), as {@code CONNECTOR_ALLOW_GREENHOUSE_URLS} gives them, comma-separated.
   *
   * @throws IllegalArgumentException naming the entry that is not an origin
   */
  public static GreenhouseHosts allowing(String commaSeparated) {
    List<Origin> origins = new ArrayList<>();
    for (String entry : commaSeparated.split(",")) {
      String text = entry.strip();
      if (text.isEmpty()) {
        continue;
      }
      boolean anyPort = text.endsWith(":*");
      URI uri;
      try {
        uri = URI.create(anyPort ? text.substring(0, text.length() - 2) : text);
      } catch (IllegalArgumentException e) {
        throw notAnOrigin(text);
      }
      if (uri.getHost() == null
          || !(scheme(uri).equals("http") || scheme(uri).equals("https"))
          || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
        throw notAnOrigin(text);
      }
      origins.add(
          new Origin(
              scheme(uri), uri.getHost().toLowerCase(Locale.ROOT), anyPort ? -1 : port(uri)));
    }
    return new GreenhouseHosts(origins, InetAddress::getAllByName);
  }

  /** The same rules, resolving names with {@code resolver}. */
  public GreenhouseHosts resolvingWith(Resolver resolver) {
    return new GreenhouseHosts(allowed, resolver);
  }

  /**
   * Why {@code uri} may not be called, in a sentence for the tenant; empty when it may. A name that
   * does not resolve is allowed here (the call will fail as unreachable, like any outage).
   */
  public Optional<String> refusal(URI uri) {
    if (uri.getHost() == null) {
      return Optional.of("it is not an http(s) URL with a host");
    }
    for (Origin origin : allowed) {
      if (origin.matches(uri)) {
        return Optional.empty();
      }
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (!(host.equals("greenhouse.io") || host.endsWith(".greenhouse.io"))) {
      return Optional.of("only Greenhouse's own hosts (https://*.greenhouse.io) are allowed");
    }
    if (!scheme(uri).equals("https") || port(uri) != 443) {
      return Optional.of("Greenhouse is reached over https on the standard port only");
    }
    try {
      for (InetAddress address : resolver.resolve(host)) {
        if (!isPublic(address)) {
          return Optional.of("only Greenhouse's own hosts (https://*.greenhouse.io) are allowed");
        }
      }
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (b.length == 4) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return !(first == 0
          || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
          || first >= 240);
    }
    return (b[0] & 0xfe) != 0xfc; // IPv6 unique local fc00::/7
  }

  private static String scheme(URI uri) {
    return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return scheme(uri).equals("https") ? 443 : 80;
  }

  private static IllegalArgumentException notAnOrigin(String entry) {
    return new IllegalArgumentException(
        "CONNECTOR_ALLOW_GREENHOUSE_URLS: '"
            + entry
            + "' is not an origin such as http://127.0.0.1:4010 (or http://127.0.0.1:* for any"
            + " port)");
  }
}
