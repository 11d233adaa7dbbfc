package io.headhuntr.connector.credentials;

import java.util.Optional;

/**
 * A credential Greenhouse accepted; {@code actingUserId} is any user of the account (for the {@code
 * On-Behalf-Of} of write probes), empty when the key may not list users.
 */
public record Verification(Optional<Long> actingUserId) {}
