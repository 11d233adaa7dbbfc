package io.headhuntr.connector.users;

import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Creates a bare tenant row so each test works on its own tenant in the shared test database. */
public final class TestTenant {

  private TestTenant() {}

  public static UUID create(Jdbi jdbi) {
    return create(jdbi, "ats@headhuntr.io", null);
  }

  public static UUID create(Jdbi jdbi, String errorRecipient, String publicBaseUrl) {
    UUID id = UUID.randomUUID();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tenants (tenant_id, name, error_recipient_email, public_base_url)"
                        + " values (:id, :name, :email, :base)")
                .bind("id", id)
                .bind("name", "test " + id)
                .bind("email", errorRecipient)
                .bind("base", publicBaseUrl)
                .execute());
    return id;
  }
}
