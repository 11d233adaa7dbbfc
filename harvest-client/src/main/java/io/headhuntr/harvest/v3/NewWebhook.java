package io.headhuntr.harvest.v3;

import java.net.URI;
import java.util.Map;

/**
 * The body of {@code POST /v3/webhooks} (partner clients only): one webhook per {@code
 * event_action_type}. Saving pings the endpoint; a failed ping leaves the webhook {@code
 * deactivated}, so start the receiver (with this secret) first. Secrets print redacted.
 */
public record NewWebhook(
    URI endpointUrl,
    String name,
    String eventActionType,
    WebhookSecret secretKey,
    int maxAttempts,
    Boolean deactivated,
    String basicAuthUsername,
    WebhookSecret basicAuthPassword,
    Map<String, String> additionalHeaders,
    String errorRecipientEmail) {
  public NewWebhook {
    WebhookPatch.checkEndpoint(endpointUrl);
    Checks.text("name", name);
    Checks.text("event_action_type", eventActionType);
    if (secretKey == null) {
      throw new IllegalArgumentException("secret_key is required");
    }
    WebhookPatch.checkMaxAttempts(maxAttempts);
    WebhookPatch.checkBasicAuth(basicAuthUsername, basicAuthPassword);
    additionalHeaders = additionalHeaders == null ? null : Map.copyOf(additionalHeaders);
    Checks.optionalText("error_recipient_email", errorRecipientEmail);
  }

  /** A webhook with its required fields; Greenhouse's own example uses 3 attempts. */
  public static NewWebhook of(
      URI endpointUrl,
      String name,
      String eventActionType,
      WebhookSecret secretKey,
      int maxAttempts) {
    return new NewWebhook(
        endpointUrl, name, eventActionType, secretKey, maxAttempts, null, null, null, null, null);
  }

  /** The same webhook, created inactive (or active). */
  public NewWebhook withDeactivated(boolean value) {
    return new NewWebhook(
        endpointUrl,
        name,
        eventActionType,
        secretKey,
        maxAttempts,
        value,
        basicAuthUsername,
        basicAuthPassword,
        additionalHeaders,
        errorRecipientEmail);
  }

  /** The same webhook, delivered with HTTP Basic credentials (each at most 255 characters). */
  public NewWebhook withBasicAuth(String username, WebhookSecret password) {
    return new NewWebhook(
        endpointUrl,
        name,
        eventActionType,
        secretKey,
        maxAttempts,
        deactivated,
        username,
        password,
        additionalHeaders,
        errorRecipientEmail);
  }

  /** The same webhook, delivered with these extra headers (sent as a JSON object). */
  public NewWebhook withAdditionalHeaders(Map<String, String> headers) {
    return new NewWebhook(
        endpointUrl,
        name,
        eventActionType,
        secretKey,
        maxAttempts,
        deactivated,
        basicAuthUsername,
        basicAuthPassword,
        headers,
        errorRecipientEmail);
  }

  /** The same webhook; Greenhouse e-mails this address when deliveries fail. */
  public NewWebhook withErrorRecipient(String email) {
    return new NewWebhook(
        endpointUrl,
        name,
        eventActionType,
        secretKey,
        maxAttempts,
        deactivated,
        basicAuthUsername,
        basicAuthPassword,
        additionalHeaders,
        email);
  }

  @Override
  public String toString() {
    return "NewWebhook[endpointUrl="
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
