package io.headhuntr.connector.api;

import io.headhuntr.connector.credentials.Credentials;
import io.headhuntr.connector.credentials.GreenhouseCredential;
import io.javalin.http.Context;
import java.util.List;

/** The tenant's Greenhouse credential and its permission report. */
public final class CredentialRoutes {
  private final Credentials credentials;

  public CredentialRoutes(Credentials credentials) {
    this.credentials = credentials;
  }

  public List<Route> routes() {
    String base = "/api/v1/tenants/{tenant_id}/greenhouse";
    return List.of(
        Route.put(base + "/credential", Access.TENANT, this::put)
            .doc(
                "greenhouse",
                "Save the Harvest v1 API key or Harvest v3 client credentials after verifying"
                    + " them with Greenhouse")
            .accepts("CredentialRequest")
            .returns(200, "CredentialStatus"),
        Route.get(base + "/credential", Access.TENANT, this::get)
            .doc(
                "greenhouse",
                "Show whether a credential is saved (its secret's last 4 characters only)")
            .returns(200, "CredentialStatus"),
        Route.get(base + "/permissions", Access.TENANT, this::permissions)
            .doc(
                "greenhouse",
                "Probe every permission of the setup guide (?refresh=true skips"
                    + " the one-minute cache)")
            .returns(200, "PermissionReport"));
  }

  void put(Context ctx) {
    RequestBody body = RequestBody.of(ctx);
    String kind = body.text("kind").orElse(GreenhouseCredential.V1_API_KEY);
    if (kind.equals(GreenhouseCredential.V1_API_KEY)) {
      String apiKey = body.requiredText("api_key");
      ctx.json(credentials.save(TenantRoutes.tenantId(ctx), apiKey, body.text("base_url")));
    } else if (kind.equals(GreenhouseCredential.V3_CLIENT_CREDENTIALS)) {
      String clientId = body.requiredText("client_id");
      String clientSecret = body.requiredText("client_secret");
      ctx.json(
          credentials.saveClientCredentials(
              TenantRoutes.tenantId(ctx),
              clientId,
              clientSecret,
              body.text("base_url"),
              body.text("auth_url")));
    } else {
      throw ProblemException.invalid(
          "kind",
          "kind must be "
              + GreenhouseCredential.V1_API_KEY
              + " (the default) or "
              + GreenhouseCredential.V3_CLIENT_CREDENTIALS);
    }
  }

  void get(Context ctx) {
    ctx.json(credentials.status(TenantRoutes.tenantId(ctx)));
  }

  void permissions(Context ctx) {
    boolean refresh = "true".equalsIgnoreCase(ctx.queryParam("refresh"));
    ctx.json(credentials.permissions(TenantRoutes.tenantId(ctx), refresh));
  }
}
