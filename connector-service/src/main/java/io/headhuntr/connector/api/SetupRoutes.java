package io.headhuntr.connector.api;

import io.headhuntr.connector.users.UserMappingApi;
import io.headhuntr.connector.webhooks.WebhookKitApi;
import java.util.List;

/** The routes of the setup guide served by the users and webhooks capabilities. */
public final class SetupRoutes {
  private final UserMappingApi users;
  private final WebhookKitApi webhooks;

  public SetupRoutes(UserMappingApi users, WebhookKitApi webhooks) {
    this.users = users;
    this.webhooks = webhooks;
  }

  public List<Route> routes() {
    String tenant = "/api/v1/tenants/{tenant_id}";
    return List.of(
        Route.get(tenant + "/webhooks/setup", Access.TENANT, webhooks::setup)
            .doc(
                "webhooks",
                "The webhook kit: endpoint URL, secret, the 14 webhooks and status; registration"
                    + " says whether the customer creates them (manual) or the connector does"
                    + " (automatic); ?refresh=true reads Greenhouse's state now")
            .returns(200, "WebhookSetup"),
        Route.post(tenant + "/webhooks/secret/rotate", Access.TENANT, webhooks::rotateSecret)
            .doc("webhooks", "Rotate the webhook secret (the old one works for a grace period)")
            .returns(200, "WebhookSecret"),
        Route.post(tenant + "/webhooks/register", Access.TENANT, webhooks::register)
            .doc(
                "webhooks",
                "Registration automatic (a Harvest v3 partner connection): register the 14"
                    + " webhooks in Greenhouse now; kept when right, saved again when their URL or"
                    + " secret is stale or Greenhouse deactivated them. 409 for a manual tenant")
            .returns(200, "WebhookSetup"),
        Route.post("/webhooks/greenhouse/{endpoint_key}", Access.PUBLIC, webhooks::receive)
            .doc("webhooks", "Greenhouse webhook intake (signed with the tenant's secret)")
            .accepts("GreenhouseWebhook")
            .returnsRaw(200, "application/json"),
        Route.put(tenant + "/users", Access.TENANT, users::putUsers)
            .doc("users", "Replace the tenant's platform users [{id, email, name}]")
            .accepts("PlatformUsers")
            .returns(200, "PlatformUsers"),
        Route.get(tenant + "/users", Access.TENANT, users::listUsers)
            .doc("users", "List the tenant's platform users")
            .returns(200, "PlatformUsers"),
        Route.post(tenant + "/user-mappings/import", Access.TENANT, users::importExport)
            .doc("users", "Preview Greenhouse's user export (.xlsx, .xls, .csv) matched by email")
            .accepts("SpreadsheetUpload")
            .returns(200, "UserMappingPreview"),
        Route.put(tenant + "/user-mappings", Access.TENANT, users::putMappings)
            .doc("users", "Save the reviewed mapping; every id is verified against Greenhouse")
            .accepts("UserMappingUpdate")
            .returns(200, "UserMappings"),
        Route.get(tenant + "/user-mappings", Access.TENANT, users::listMappings)
            .doc("users", "The mapping, one row per platform user, with its status")
            .returns(200, "UserMappings"),
        Route.post(tenant + "/user-mappings/verify", Access.TENANT, users::verifyMappings)
            .doc("users", "Verify every mapped id against Greenhouse again")
            .returns(200, "UserMappings"),
        Route.post(
                tenant + "/user-mappings/{platform_user_id}/confirm",
                Access.ADMIN,
                users::confirmMapping)
            .doc(
                "users",
                "Admin only: confirm a mapping flagged email_mismatch (the Greenhouse user's email"
                    + " differs from the platform user's), so pushes may run as that user")
            .returns(200, "UserMappings"));
  }
}
