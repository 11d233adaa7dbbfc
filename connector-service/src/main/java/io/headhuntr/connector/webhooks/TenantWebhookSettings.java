package io.headhuntr.connector.webhooks;

import java.net.URI;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Reads a tenant's error recipient email and public base URL, with the kit's defaults. */
final class TenantWebhookSettings {

  /** The values the setup kit prints for a tenant. */
  record Settings(String errorRecipientEmail, URI publicBaseUrl) {}

  private final Jdbi jdbi;
  private final WebhookKitConfig config;

  TenantWebhookSettings(Jdbi jdbi, WebhookKitConfig config) {
    this.jdbi = jdbi;
    this.config = config;
  }

  Settings of(UUID tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select error_recipient_email, public_base_url from tenants"
                        + " where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map(
                    (rs, ctx) -> {
                      String email = rs.getString("error_recipient_email");
                      String base = rs.getString("public_base_url");
                      return new Settings(
                          email == null || email.isBlank() ? config.defaultErrorRecipient() : email,
                          base == null || base.isBlank()
                              ? config.publicBaseUrl()
                              : URI.create(base));
                    })
                .findOne()
                .orElse(new Settings(config.defaultErrorRecipient(), config.publicBaseUrl())));
  }
}
