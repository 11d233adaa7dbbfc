package io.headhuntr.connector.greenhouse;

import java.net.URI;

/**
 * One webhook to save in Greenhouse: its name, the {@code action} (event type) it delivers, where
 * and signed with which secret key, and who is e-mailed when deliveries fail. {@code toString}
 * never shows the secret.
 */
public record WebhookDefinition(
    String name, String action, URI endpointUrl, String secretKey, String errorRecipientEmail) {

  public WebhookDefinition {
    if (name == null || name.isBlank() || action == null || action.isBlank()) {
      throw new IllegalArgumentException("a webhook needs a name and an action");
    }
    if (endpointUrl == null || !endpointUrl.isAbsolute()) {
      throw new IllegalArgumentException("a webhook needs an absolute endpoint URL");
    }
    if (secretKey == null || secretKey.isEmpty()) {
      throw new IllegalArgumentException("a webhook needs a secret key");
    }
  }

  @Override
  public String toString() {
    return "WebhookDefinition[name="
        + name
        + ", action="
        + action
        + ", endpointUrl="
        + endpointUrl
        + ", secretKey=****, errorRecipientEmail="
        + errorRecipientEmail
        + "]";
  }
}
