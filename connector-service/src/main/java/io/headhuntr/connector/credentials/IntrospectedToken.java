package io.headhuntr.connector.credentials;

import java.util.Optional;
import java.util.Set;

/**
 * What Greenhouse's introspection said about a live client-credentials token (contract section 4).
 *
 * @param userRole {@code site_admin}, {@code job_admin}, {@code basic} or {@code service_user}
 */
record IntrospectedToken(Set<String> scopes, Optional<Organization> organization, String userRole) {

  /** The Greenhouse organization (account) a token belongs to. */
  record Organization(long id, String name) {}

  IntrospectedToken {
    scopes = Set.copyOf(scopes);
  }
}
