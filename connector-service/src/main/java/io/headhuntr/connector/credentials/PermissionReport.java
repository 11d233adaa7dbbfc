package io.headhuntr.connector.credentials;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every permission of the guide as probed, required and optional listed apart; {@code
 * missingRequired} lists the ticks activation waits for (missing or unknown). A v1 API key's report
 * was probed call by call; a v3 client's ({@code kind} {@code v3_client_credentials}) is read from
 * its token's scopes, each row naming its {@code scope}.
 */
public record PermissionReport(
    UUID tenantId,
    String kind,
    Instant checkedAt,
    boolean allRequiredGranted,
    List<String> missingRequired,
    List<String> missingOptional,
    List<PermissionCheck> required,
    List<PermissionCheck> optional) {

  static PermissionReport of(
      UUID tenantId, String kind, Instant checkedAt, List<PermissionCheck> checks) {
    List<PermissionCheck> required = checks.stream().filter(PermissionCheck::required).toList();
    List<PermissionCheck> optional = checks.stream().filter(c -> !c.required()).toList();
    List<String> missingRequired =
        required.stream()
            .filter(c -> !c.status().equals(PermissionCheck.GRANTED))
            .map(PermissionCheck::tick)
            .toList();
    List<String> missingOptional =
        optional.stream()
            .filter(c -> !c.status().equals(PermissionCheck.GRANTED))
            .map(PermissionCheck::tick)
            .toList();
    return new PermissionReport(
        tenantId,
        kind,
        checkedAt,
        missingRequired.isEmpty(),
        missingRequired,
        missingOptional,
        required,
        optional);
  }
}
