package io.headhuntr.connector.bench;

import io.headhuntr.connector.store.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * One PostgreSQL that several connector processes share, as {@code CONNECTOR_DB_URL} names it: a
 * fresh schema on the server {@code CONNECTOR_TEST_DB_URL} points at, else an embedded PostgreSQL
 * started here (zonky, loopback, trust) that lives as long as this object. The test reads the
 * queues through {@link #jdbi()}.
 */
public final class SharedPostgres implements AutoCloseable {
  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final Optional<EmbeddedPostgres> embedded;
  private final Jdbi jdbi;

  private SharedPostgres(
      String jdbcUrl, String user, String password, Optional<EmbeddedPostgres> embedded) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
    this.jdbi = Jdbi.create(jdbcUrl, user, password);
  }

  public static SharedPostgres start() {
    String external = System.getenv("CONNECTOR_TEST_DB_URL");
    if (external != null && !external.isBlank()) {
      return new SharedPostgres(
          TestDatabase.freshSchemaUrl(external),
          TestDatabase.externalUser(),
          TestDatabase.externalPassword(),
          Optional.empty());
    }
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setServerConfig("max_connections", "120") // two pools of 16, db-scheduler, the test
              .start();
      return new SharedPostgres(
          postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", Optional.of(postgres));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** {@code embedded PostgreSQL 17 (zonky)} or {@code external PostgreSQL}: for the printout. */
  public String describe() {
    return embedded.isPresent() ? "embedded PostgreSQL (zonky, test settings)" : "external";
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  @Override
  public void close() {
    embedded.ifPresent(
        postgres -> {
          try {
            postgres.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
