package io.headhuntr.connector.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code connector greenhouse ...}: a tenant's Greenhouse credential and permissions. */
@Command(name = "greenhouse", description = "Set and show the Greenhouse key; check permissions.")
public final class GreenhouseCommand {

  @Command(
      name = "set-key",
      description =
          "Save the Harvest API key (verified at once). Without --api-key, it is asked for"
              + " without echo, or read from $GREENHOUSE_API_KEY.")
  int setKey(
      @Mixin ApiOptions api,
      @Option(names = "--tenant", required = true) String tenantId,
      @Option(
              names = "--api-key",
              interactive = true,
              arity = "0..1",
              defaultValue = "${env:GREENHOUSE_API_KEY}",
              description = "the key (prompted when given without a value)")
          String apiKey,
      @Option(names = "--base-url", description = "default https://harvest.greenhouse.io")
          String baseUrl) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("api_key", apiKey);
    if (baseUrl != null) {
      body.put("base_url", baseUrl);
    }
    return api.call("PUT", "/api/v1/tenants/" + tenantId + "/greenhouse/credential", body);
  }

  @Command(name = "show-key", description = "Show whether a key is saved (last 4 characters).")
  int showKey(@Mixin ApiOptions api, @Option(names = "--tenant", required = true) String tenantId) {
    return api.call("GET", "/api/v1/tenants/" + tenantId + "/greenhouse/credential", null);
  }

  @Command(name = "permissions", description = "Probe every permission of the setup guide.")
  int permissions(
      @Mixin ApiOptions api,
      @Option(names = "--tenant", required = true) String tenantId,
      @Option(names = "--refresh", description = "skip the cached report") boolean refresh) {
    return api.call(
        "GET",
        "/api/v1/tenants/"
            + tenantId
            + "/greenhouse/permissions"
            + (refresh ? "?refresh=true" : ""),
        null);
  }
}
