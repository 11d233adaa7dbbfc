package io.headhuntr.connector.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code connector token ...}: a tenant's API tokens. */
@Command(name = "token", description = "Create, list, revoke a tenant's API tokens.")
public final class TokenCommand {

  @Command(name = "create", description = "Create a token (its secret is printed this once).")
  int create(
      @Mixin ApiOptions api,
      @Option(names = "--tenant", required = true) String tenantId,
      @Option(names = "--name", defaultValue = "api token") String name) {
    return api.call("POST", "/api/v1/tenants/" + tenantId + "/tokens", Map.of("name", name));
  }

  @Command(name = "list", description = "List tokens (no secrets).")
  int list(@Mixin ApiOptions api, @Option(names = "--tenant", required = true) String tenantId) {
    return api.call("GET", "/api/v1/tenants/" + tenantId + "/tokens", null);
  }

  @Command(name = "revoke", description = "Revoke a token.")
  int revoke(
      @Mixin ApiOptions api,
      @Option(names = "--tenant", required = true) String tenantId,
      @Parameters(paramLabel = "TOKEN_ID") String tokenId) {
    return api.call("DELETE", "/api/v1/tenants/" + tenantId + "/tokens/" + tokenId, null);
  }
}
