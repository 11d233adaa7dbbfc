package io.headhuntr.connector.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code connector users ...}: platform users and their Greenhouse user mapping. */
@Command(name = "users", description = "Platform users and the Greenhouse user mapping.")
public final class UsersCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Command(name = "put", description = "Replace the platform users with FILE ([{id,email,name}]).")
  int put(
      @Mixin ApiOptions api,
      @Option(names = "--tenant", required = true) String tenantId,
      @Parameters(paramLabel = "FILE") Path file)
      throws IOException {
    Object users = JSON.readValue(api.readFile(file), Object.class);
    return api.call("PUT", "/api/v1/tenants/" + tenantId + "/users", users);
  }

  @Command(name = "list", description = "List the platform users.")
  int list(@Mixin ApiOptions api, @Option(names = "--tenant", required = true) String tenantId) {
    return api.call("GET", "/api/v1/tenants/" + tenantId + "/users", null);
  }

  @Command(name = "import", description = "Preview a Greenhouse user export (.xlsx, .xls, .csv).")
  int importExport(
      @Mixin ApiOptions api,
      @Option(names = "--tenant", required = true) String tenantId,
      @Parameters(paramLabel = "FILE") Path file) {
    return api.upload("POST", "/api/v1/tenants/" + tenantId + "/user-mappings/import", file);
  }

  @Command(name = "map", description = "Save the reviewed mapping from FILE (JSON).")
  int map(
      @Mixin ApiOptions api,
      @Option(names = "--tenant", required = true) String tenantId,
      @Parameters(paramLabel = "FILE") Path file)
      throws IOException {
    Object mappings = JSON.readValue(api.readFile(file), Object.class);
    return api.call("PUT", "/api/v1/tenants/" + tenantId + "/user-mappings", mappings);
  }

  @Command(name = "mappings", description = "List the mapping with each user's status.")
  int mappings(
      @Mixin ApiOptions api, @Option(names = "--tenant", required = true) String tenantId) {
    return api.call("GET", "/api/v1/tenants/" + tenantId + "/user-mappings", null);
  }
}
