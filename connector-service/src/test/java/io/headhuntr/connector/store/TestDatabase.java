package io.headhuntr.connector.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * The test suite's database: one embedded PostgreSQL per JVM, migrated, or the external one named
 * by {@code CONNECTOR_TEST_DB_URL}, where each JVM migrates its own fresh schema (so runs never see
 * each other's migration history). Tests isolate by creating their own tenants.
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

  public static String externalUser() {
    return System.getenv().getOrDefault("CONNECTOR_TEST_DB_USER", "postgres");
  }

  public static String externalPassword() {
    return System.getenv().getOrDefault("CONNECTOR_TEST_DB_PASSWORD", "");
  }

  /**
   * Creates an empty schema on the external server and returns a JDBC URL whose connections use it
   * (dropped when the JVM exits).
   */
  public static String freshSchemaUrl(String url) {
    String schema = "connector_test_" + UUID.randomUUID().toString().replace("-", "");
    Properties properties = new Properties();
    properties.setProperty("user", externalUser());
    properties.setProperty("password", externalPassword());
    try (Connection connection = DriverManager.getConnection(url, properties);
        Statement statement = connection.createStatement()) {
      statement.execute("create schema " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test schema on " + url, e);
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Connection connection = DriverManager.getConnection(url, properties);
                      Statement statement = connection.createStatement()) {
                    statement.execute("drop schema if exists " + schema + " cascade");
                  } catch (SQLException ignored) {
                    // best effort
                  }
                },
                "test-schema-drop"));
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static Database open() {
    String url = System.getenv("CONNECTOR_TEST_DB_URL");
    if (url != null && !url.isBlank()) {
      return Database.external(freshSchemaUrl(url), externalUser(), externalPassword());
    }
    try {
      return Database.embedded(Files.createTempDirectory("connector-test-db"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
