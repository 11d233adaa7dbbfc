package io.headhuntr.connector.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.subtle.AesGcmJce;
import io.headhuntr.connector.TestSandbox;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.credentials.Credentials;
import io.headhuntr.connector.store.Database;
import io.headhuntr.connector.store.TestDatabase;
import io.headhuntr.sandbox.GreenhouseSandbox;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The v1 connections: one Greenhouse per credential, the key kept encrypted. */
class HarvestConnectionsTest {
  private static final String KEY = TestSandbox.FULL_KEY;
  private static GreenhouseSandbox sandbox;
  private static Database database;
  private static Credentials credentials;

  @BeforeAll
  static void start() throws Exception {
    sandbox = TestSandbox.shared();
    database = TestDatabase.shared();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    credentials =
        new Credentials(
            database.jdbi(),
            new AesGcmJce(key),
            Json.mapper(),
            Clock.systemUTC(),
            Duration.ofMinutes(1),
            java.util.Optional.empty(),
            io.headhuntr.connector.TestApp.LOOPBACK);
  }

  private static UUID newTenant() {
    UUID id = UUID.randomUUID();
    database
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "insert into tenants (tenant_id, name, error_recipient_email) values (?, 'Clients Co', 'a@b.example')",
                    id));
    return id;
  }

  @Test
  void gives_no_greenhouse_before_a_credential_is_saved() {
    assertThat(new HarvestConnections(credentials).forTenant(newTenant())).isEmpty();
  }

  @Test
  void keeps_one_greenhouse_per_credential_and_replaces_it_when_the_key_changes() {
    UUID tenant = newTenant();
    HarvestConnections connections = new HarvestConnections(credentials);
    credentials.save(tenant, KEY, Optional.of(sandbox.baseUrl().toString()));

    Greenhouse first = connections.forTenant(tenant).orElseThrow();
    assertThat(connections.forTenant(tenant).orElseThrow()).isSameAs(first);
    assertThat(first.users()).isNotEmpty();

    credentials.save(tenant, KEY, Optional.of(sandbox.baseUrl().toString()));
    assertThat(connections.forTenant(tenant).orElseThrow()).isNotSameAs(first);
  }

  @Test
  void stores_the_key_encrypted_not_in_clear() {
    UUID tenant = newTenant();
    credentials.save(tenant, KEY, Optional.of(sandbox.baseUrl().toString()));

    byte[] stored =
        database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select api_key_ciphertext from greenhouse_credentials where tenant_id = :t")
                        .bind("t", tenant)
                        .mapTo(byte[].class)
                        .one());

    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(KEY);
    assertThat(credentials.load(tenant).orElseThrow().apiKey().value()).isEqualTo(KEY);
    assertThat(credentials.load(tenant).orElseThrow().toString()).doesNotContain(KEY);
  }
}
