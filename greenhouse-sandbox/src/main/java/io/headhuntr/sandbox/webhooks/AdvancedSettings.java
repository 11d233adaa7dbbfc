package io.headhuntr.sandbox.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A webhook's advanced settings (WEBHOOKS.md section 1): HTTP Basic credentials sent as {@code
 * Authorization}, and additional headers, which may not override the reserved ones. {@code
 * toString} never shows the password.
 */
public record AdvancedSettings(
    Optional<String> basicAuthUsername,
    Optional<String> basicAuthPassword,
    Map<String, String> additionalHeaders) {

  /** No credentials, no additional headers. */
  public static final AdvancedSettings NONE =
      new AdvancedSettings(Optional.empty(), Optional.empty(), Map.of());

  /**
   * Greenhouse's reserved headers, plus those the JDK client sets itself; compared ignoring case.
   */
  static final Set<String> RESERVED =
      Set.of(
          "content-type",
          "content-length",
          "greenhouse-event-id",
          "authorization",
          "user-agent",
          "signature",
          "host",
          "connection",
          "expect",
          "upgrade");

  public AdvancedSettings {
    additionalHeaders = Map.copyOf(additionalHeaders);
    for (String header : additionalHeaders.keySet()) {
      if (RESERVED.contains(header.toLowerCase(Locale.ROOT))) {
        throw new InvalidRequest(
            "additional_headers." + header, "is reserved and cannot be overridden");
      }
      if (!header.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw new InvalidRequest("additional_headers." + header, "is not a valid header name");
      }
    }
  }

  /** The {@code Authorization} value when a username is set. */
  Optional<String> authorization() {
    return basicAuthUsername.map(
        user ->
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (user + ":" + basicAuthPassword.orElse(""))
                            .getBytes(StandardCharsets.UTF_8)));
  }

  /** Reads {@code additional_headers}: an object of header name to string value. */
  static Map<String, String> headers(JsonNode node) {
    if (!node.isObject()) {
      throw new InvalidRequest("additional_headers", "must be an object of header name to value");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> header = it.next();
      if (!header.getValue().isTextual()) {
        throw new InvalidRequest("additional_headers." + header.getKey(), "must be a string");
      }
      headers.put(header.getKey(), header.getValue().textValue());
    }
    return headers;
  }

  @Override
  public String toString() {
    return "AdvancedSettings[basicAuthUsername="
        + basicAuthUsername.orElse("-")
        + ", basicAuthPassword="
        + (basicAuthPassword.isPresent() ? "********" : "-")
        + ", additionalHeaders="
        + additionalHeaders.keySet()
        + "]";
  }
}
