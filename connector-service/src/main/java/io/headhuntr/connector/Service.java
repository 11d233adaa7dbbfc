package io.headhuntr.connector;

import com.google.crypto.tink.Aead;
import io.headhuntr.connector.credentials.MasterKey;
import io.headhuntr.connector.store.Database;
import io.headhuntr.connector.tenant.AdminToken;
import java.io.PrintStream;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: database, master key, admin token and {@link App}, started in that order and
 * closed in reverse (HTTP first, then the pool, then the embedded database).
 */
public final class Service implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Service.class);
  private final Database database;
  private final App app;

  private Service(Database database, App app) {
    this.database = database;
    this.app = app;
  }

  /**
   * Starts everything {@code config} describes. A generated admin token is printed to {@code out}
   * on the first start only (afterwards only its hash exists).
   */
  public static Service start(ConnectorConfig config, Clock clock, PrintStream out) {
    // the key first: a missing key must not leave a database started behind it
    Aead masterKey =
        config
            .security()
            .masterKey()
            .map(MasterKey::fromConfigured)
            .orElseGet(() -> MasterKey.fromKeyFile(config.db().dataDir(), config.db().embedded()));
    Database database =
        config.db().embedded()
            ? Database.embedded(config.db().dataDir())
            : Database.external(
                config.db().jdbcUrl().orElseThrow(), config.db().user(), config.db().password());
    try {
      AdminToken admin =
          config
              .security()
              .adminToken()
              .map(
                  token -> {
                    if (token.length() < 24) {
                      log.warn("CONNECTOR_ADMIN_TOKEN is short; use at least 24 random characters");
                    }
                    return AdminToken.configured(token);
                  })
              .orElseGet(
                  () ->
                      AdminToken.storedOrGenerated(
                          database.jdbi(),
                          token -> {
                            out.println("Generated the admin token (shown once, keep it):");
                            out.println("  " + token);
                            out.flush();
                          }));
      App app = App.start(config, database, masterKey, admin, clock);
      log.info(
          "connector listening on port {} ({} PostgreSQL)",
          app.port(),
          database.isEmbedded() ? "embedded" : "external");
      return new Service(database, app);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  public App app() {
    return app;
  }

  public Database database() {
    return database;
  }

  @Override
  public void close() {
    try {
      app.close();
    } finally {
      database.close();
    }
  }
}
