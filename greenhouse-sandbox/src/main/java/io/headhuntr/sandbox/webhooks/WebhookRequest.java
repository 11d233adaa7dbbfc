package io.headhuntr.sandbox.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code POST /sandbox/webhooks} or {@code PATCH /sandbox/webhooks/{id}}, checked:
 * unknown fields, wrong types, an unknown "When" label or a bad URL throw {@link InvalidRequest}
 * naming the field.
 */
record WebhookRequest(
    Optional<String> name,
    Optional<WebhookEvent> event,
    Optional<URI> endpointUrl,
    Optional<String> secretKey,
    Optional<String> errorRecipientEmail,
    Optional<Boolean> active,
    Optional<String> basicAuthUsername,
    Optional<String> basicAuthPassword,
    Optional<Map<String, String>> additionalHeaders) {

  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "when",
          "endpoint_url",
          "secret_key",
          "error_recipient_email",
          "active",
          "basic_auth_username",
          "basic_auth_password",
          "additional_headers");
  private static final ObjectMapper JSON = new ObjectMapper();

  static WebhookRequest parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new InvalidRequest("body", "the body is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidRequest("body", "the body must be a JSON object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!FIELDS.contains(field)) {
        throw new InvalidRequest(
            field,
            "unknown field; accepted: " + String.join(", ", FIELDS.stream().sorted().toList()));
      }
    }
    Optional<String> when = text(root, "when");
    Optional<WebhookEvent> event =
        when.map(
            label ->
                WebhookEvent.ofLabel(label)
                    .orElseThrow(
                        () ->
                            new InvalidRequest(
                                "when",
                                "unknown When label '"
                                    + label
                                    + "'; accepted: "
                                    + String.join(" | ", WebhookEvent.labels()))));
    Optional<URI> url = text(root, "endpoint_url").map(WebhookRequest::url);
    Optional<Boolean> active = Optional.empty();
    if (root.has("active")) {
      if (!root.get("active").isBoolean()) {
        throw new InvalidRequest("active", "must be true or false");
      }
      active = Optional.of(root.get("active").booleanValue());
    }
    Optional<String> email = text(root, "error_recipient_email");
    email.ifPresent(
        e -> {
          if (!e.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidRequest("error_recipient_email", "not an e-mail address");
          }
        });
    JsonNode headers = root.get("additional_headers");
    return new WebhookRequest(
        text(root, "name"),
        event,
        url,
        text(root, "secret_key"),
        email,
        active,
        text(root, "basic_auth_username"),
        text(root, "basic_auth_password"),
        headers == null || headers.isNull()
            ? Optional.empty()
            : Optional.of(AdvancedSettings.headers(headers)));
  }

  /** {@code old} with the advanced settings this request changes. */
  AdvancedSettings advanced(AdvancedSettings old) {
    return new AdvancedSettings(
        basicAuthUsername.or(old::basicAuthUsername),
        basicAuthPassword.or(old::basicAuthPassword),
        additionalHeaders.orElse(old.additionalHeaders()));
  }

  /** The same request with every field a new webhook needs, or the first missing one refused. */
  WebhookRequest requireAllForCreate() {
    require(name, "name");
    require(event, "when");
    require(endpointUrl, "endpoint_url");
    require(secretKey, "secret_key");
    require(errorRecipientEmail, "error_recipient_email");
    return this;
  }

  private static void require(Optional<?> value, String field) {
    if (value.isEmpty()) {
      throw new InvalidRequest(field, "is required");
    }
  }

  private static Optional<String> text(JsonNode root, String field) {
    JsonNode value = root.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual() || value.textValue().isBlank()) {
      throw new InvalidRequest(field, "must be a non-empty string");
    }
    return Optional.of(value.textValue().strip());
  }

  private static URI url(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      // Greenhouse requires https; the sandbox also takes http so that local receivers work.
      if (scheme == null
          || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
          || uri.getHost() == null) {
        throw new InvalidRequest("endpoint_url", "must be an absolute http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidRequest("endpoint_url", "not a valid URL");
    }
  }
}
