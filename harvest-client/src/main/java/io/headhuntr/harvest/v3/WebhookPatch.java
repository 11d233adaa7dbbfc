package io.headhuntr.harvest.v3;

import java.net.URI;
import java.util.Map;

/**
 * The body of {@code PATCH /v3/webhooks/{id}} (partner clients only): only the fields set are sent.
 * Re-saving pings the endpoint again, so this is also how a deactivated webhook is revived.
 */
public record WebhookPatch(
    URI endpointUrl,
    String name,
    String eventActionType,
    WebhookSecret secretKey,
    Integer maxAttempts,
    Boolean deactivated,
    String basicAuthUsername,
    WebhookSecret basicAuthPassword,
    Map<String, String> additionalHeaders,
    String errorRecipientEmail) {
  private static final int MAX_BASIC_AUTH_LENGTH = 255;

  public WebhookPatch {
    if (endpointUrl != null) {
      checkEndpoint(endpointUrl);
    }
    Checks.optionalText("name", name);
    Checks.optionalText("event_action_type", eventActionType);
    if (maxAttempts != null) {
      checkMaxAttempts(maxAttempts);
    }
    checkBasicAuth(basicAuthUsername, basicAuthPassword);
    additionalHeaders = additionalHeaders == null ? null : Map.copyOf(additionalHeaders);
    Checks.optionalText("error_recipient_email", errorRecipientEmail);
    if (endpointUrl == null
        && name == null
        && eventActionType == null
        && secretKey == null
        && maxAttempts == null
        && deactivated == null
        && basicAuthUsername == null
        && basicAuthPassword == null
        && additionalHeaders == null
        && errorRecipientEmail == null) {
      throw new IllegalArgumentException("a webhook patch needs at least one field to change");
    }
  }

  /** Turns the webhook on or off (turning it on pings the endpoint). */
  public static WebhookPatch deactivated(boolean value) {
    return new WebhookPatch(null, null, null, null, null, value, null, null, null, null);
  }

  /** Moves deliveries to a new endpoint. */
  public static WebhookPatch endpoint(URI endpointUrl) {
    return new WebhookPatch(endpointUrl, null, null, null, null, null, null, null, null, null);
  }

  /** Replaces the signing key (update the receiver to accept both first). */
  public static WebhookPatch secretKey(WebhookSecret secretKey) {
    if (secretKey == null) {
      throw new IllegalArgumentException("secret_key must not be null");
    }
    return new WebhookPatch(null, null, null, secretKey, null, null, null, null, null, null);
  }

  static void checkEndpoint(URI endpointUrl) {
    if (endpointUrl == null) {
      throw new IllegalArgumentException("endpoint_url is required");
    }
    String scheme = endpointUrl.getScheme();
    if (!endpointUrl.isAbsolute()
        || endpointUrl.getHost() == null
        || !("https".equals(scheme) || "http".equals(scheme))) {
      throw new IllegalArgumentException(
          "endpoint_url must be an absolute http(s) URL, got " + endpointUrl);
    }
  }

  static void checkMaxAttempts(int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max_attempts must be at least 1, got " + maxAttempts);
    }
  }

  static void checkBasicAuth(String username, WebhookSecret password) {
    if (username != null && username.length() > MAX_BASIC_AUTH_LENGTH) {
      throw new IllegalArgumentException(
          "basic_auth_username takes at most " + MAX_BASIC_AUTH_LENGTH + " characters");
    }
    if (password != null && password.reveal().length() > MAX_BASIC_AUTH_LENGTH) {
      throw new IllegalArgumentException(
          "basic_auth_password takes at most " + MAX_BASIC_AUTH_LENGTH + " characters");
    }
  }

  @Override
  public String toString() {
    return "WebhookPatch[endpointUrl="
        + endpointUrl
        + ", name="
        + name
        + ", eventActionType="
        + eventActionType
        + ", secretKey="
        + secretKey
        + ", maxAttempts="
        + maxAttempts
        + ", deactivated="
        + deactivated
        + ", basicAuthPassword="
        + basicAuthPassword
        + ", additionalHeaders="
        + (additionalHeaders == null ? "none" : additionalHeaders.keySet() + " (values hidden)")
        + "]";
  }
}
