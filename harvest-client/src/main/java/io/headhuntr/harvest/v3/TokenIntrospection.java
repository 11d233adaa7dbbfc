package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.GreenhouseUserId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What Greenhouse says about a token ({@code POST /introspect}): whether it is live, whose it is,
 * its scopes and the organization it belongs to. An inactive token has only {@code active = false}.
 * Use it on connect to pin the organization and to check that the identity may list (a Site Admin
 * or a service user).
 */
public record TokenIntrospection(
    boolean active,
    Optional<String> clientId,
    Optional<GreenhouseUserId> subject,
    Set<String> scopes,
    OptionalLong organizationId,
    Optional<String> organizationName,
    Optional<String> userRole) {

  public TokenIntrospection {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(subject, "subject");
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(organizationName, "organizationName");
    Objects.requireNonNull(userRole, "userRole");
  }

  /** True when the token carries {@code scope}, e.g. {@code harvest:candidates:create}. */
  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }

  /**
   * True when the identity may call list endpoints: Greenhouse requires a Site Admin or a service
   * user ({@code user_role} {@code site_admin} or {@code service_user}).
   */
  public boolean canList() {
    return userRole.filter(r -> r.equals("site_admin") || r.equals("service_user")).isPresent();
  }
}
