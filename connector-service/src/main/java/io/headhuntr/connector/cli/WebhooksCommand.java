package io.headhuntr.connector.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code connector webhooks ...}: the webhook setup kit. */
@Command(
    name = "webhooks",
    description = "Show the webhook kit; rotate its secret; register the webhooks (automatic).")
public final class WebhooksCommand {

  @Command(
      name = "setup",
      description =
          "Endpoint URL, secret, the 14 webhooks with status, and registration (manual or"
              + " automatic).")
  int setup(@Mixin ApiOptions api, @Option(names = "--tenant", required = true) String tenantId) {
    return api.call("GET", "/api/v1/tenants/" + tenantId + "/webhooks/setup", null);
  }

  @Command(
      name = "register",
      description =
          "Register the 14 webhooks in Greenhouse (registration automatic: a partner connection).")
  int register(
      @Mixin ApiOptions api, @Option(names = "--tenant", required = true) String tenantId) {
    return api.call("POST", "/api/v1/tenants/" + tenantId + "/webhooks/register", null);
  }

  @Command(name = "rotate-secret", description = "Rotate the secret (old one kept for a while).")
  int rotate(@Mixin ApiOptions api, @Option(names = "--tenant", required = true) String tenantId) {
    return api.call("POST", "/api/v1/tenants/" + tenantId + "/webhooks/secret/rotate", null);
  }
}
