package io.headhuntr.connector.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The test suite's database: one embedded PostgreSQL per JVM, migrated, or the external one named
 * by {@code CONNECTOR_TEST_DB_URL}. Tests isolate by creating their own tenants.
 */
public final class TestDatabase {
  private static Database shared;

  private TestDatabase() {}

  public static synchronized Database shared() {
    if (shared == null) {
      shared = open();
      Database database = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(database::close, "test-database-stop"));
    }
    return shared;
  }

  private static Database open() {
    String url = System.getenv("CONNECTOR_TEST_DB_URL");
    if (url != null && !url.isBlank()) {
      String user = System.getenv().getOrDefault("CONNECTOR_TEST_DB_USER", "postgres");
      String password = System.getenv().getOrDefault("CONNECTOR_TEST_DB_PASSWORD", "");
      return Database.external(url, user, password);
    }
    try {
      return Database.embedded(Files.createTempDirectory("connector-test-db"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
