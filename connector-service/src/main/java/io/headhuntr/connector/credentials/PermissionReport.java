package io.headhuntr.connector.credentials;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every permission of the guide as probed, required and optional listed apart; {@code
 * missingRequired} lists the ticks activation waits for (missing or unknown).
 */
public record PermissionReport(
    UUID tenantId,
    Instant checkedAt,
    boolean allRequiredGranted,
    List<String> missingRequired,
    List<String> missingOptional,
    List<PermissionCheck> required,
    List<PermissionCheck> optional) {

  static PermissionReport of(UUID tenantId, Instant checkedAt, List<PermissionCheck> checks) {
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
        checkedAt,
        missingRequired.isEmpty(),
        missingRequired,
        missingOptional,
        required,
        optional);
  }
}
