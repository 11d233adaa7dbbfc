package io.headhuntr.connector.console;

import io.headhuntr.connector.credentials.Credentials;
import io.headhuntr.connector.greenhouse.GreenhouseConnections;
import io.headhuntr.connector.greenhouse.PartnerConsent;
import io.headhuntr.connector.push.PushBoard;
import io.headhuntr.connector.sync.SyncStatus;
import io.headhuntr.connector.tenant.Activation;
import io.headhuntr.connector.tenant.AdminToken;
import io.headhuntr.connector.tenant.ApiTokens;
import io.headhuntr.connector.tenant.ConsoleSessions;
import io.headhuntr.connector.tenant.Tenants;
import io.headhuntr.connector.users.GreenhouseUserLookup;
import io.headhuntr.connector.users.PortUserLookup;
import io.headhuntr.connector.users.UserDirectory;
import io.headhuntr.connector.webhooks.WebhookKit;
import io.headhuntr.connector.webhooks.inbox.DeliveryHistory;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The capabilities the console calls: the very objects the JSON API's handlers use (wired once in
 * {@code App}), so a page and the API can never apply different rules.
 *
 * @param syncStatus a tenant's sync status, as {@code GET .../sync} answers it
 * @param publicBaseUrl the connector's public origin (https makes the cookies {@code Secure})
 */
public record ConsoleServices(
    Tenants tenants,
    ApiTokens tokens,
    AdminToken admin,
    ConsoleSessions sessions,
    Credentials credentials,
    PartnerConsent partner,
    WebhookKit webhooks,
    UserDirectory users,
    GreenhouseConnections greenhouse,
    Activation activation,
    Function<UUID, SyncStatus> syncStatus,
    DeliveryHistory deliveries,
    PushBoard pushes,
    URI publicBaseUrl) {

  /** How the users capability checks ids against the tenant's Greenhouse (as its API does). */
  Optional<GreenhouseUserLookup> userLookup(UUID tenantId) {
    return greenhouse.forTenant(tenantId).map(PortUserLookup::new);
  }
}
