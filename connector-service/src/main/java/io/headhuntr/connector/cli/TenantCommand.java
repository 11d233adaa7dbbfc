package io.headhuntr.connector.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code connector tenant ...}: tenants through the API. */
@Command(name = "tenant", description = "Create, list, read, activate, pause, resume tenants.")
public final class TenantCommand {

  @Command(name = "create", description = "Create a tenant (prints it, with its tenant_id).")
  int create(
      @Mixin ApiOptions api,
      @Option(names = "--name", required = true) String name,
      @Option(names = "--email", required = true, description = "error recipient email")
          String email,
      @Option(names = "--public-base-url") String publicBaseUrl) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("error_recipient_email", email);
    if (publicBaseUrl != null) {
      body.put("public_base_url", publicBaseUrl);
    }
    return api.call("POST", "/api/v1/tenants", body);
  }

  @Command(name = "list", description = "List tenants.")
  int list(@Mixin ApiOptions api) {
    return api.call("GET", "/api/v1/tenants", null);
  }

  @Command(name = "show", description = "Show a tenant.")
  int show(@Mixin ApiOptions api, @Parameters(paramLabel = "TENANT_ID") String tenantId) {
    return api.call("GET", "/api/v1/tenants/" + tenantId, null);
  }

  @Command(name = "activate", description = "Activate (prints what is missing when refused).")
  int activate(@Mixin ApiOptions api, @Parameters(paramLabel = "TENANT_ID") String tenantId) {
    return api.call("POST", "/api/v1/tenants/" + tenantId + "/activate", null);
  }

  @Command(name = "pause", description = "Pause an active tenant.")
  int pause(@Mixin ApiOptions api, @Parameters(paramLabel = "TENANT_ID") String tenantId) {
    return api.call("POST", "/api/v1/tenants/" + tenantId + "/pause", null);
  }

  @Command(name = "resume", description = "Resume a paused tenant.")
  int resume(@Mixin ApiOptions api, @Parameters(paramLabel = "TENANT_ID") String tenantId) {
    return api.call("POST", "/api/v1/tenants/" + tenantId + "/resume", null);
  }
}
