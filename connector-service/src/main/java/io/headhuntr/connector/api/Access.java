package io.headhuntr.connector.api;

/** Who may call a route. */
public enum Access {
  /** Anyone (health, docs, the Greenhouse webhook intake, which checks its own signature). */
  PUBLIC,
  /** The admin token only. */
  ADMIN,
  /** The admin token, or a token of the tenant named by the {@code {tenant_id}} path segment. */
  TENANT
}
