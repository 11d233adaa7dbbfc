package io.headhuntr.connector.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The connector's PostgreSQL: a pooled {@link DataSource} over an external server or an embedded
 * one, migrated by Flyway when opened; closing it closes the pool, then the embedded server.
 */
public final class Database implements AutoCloseable {
  /** The longest any statement of the service may run. */
  public static final int STATEMENT_TIMEOUT_SECONDS = 30;

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Optional<EmbeddedDatabase> embedded;

  private Database(HikariDataSource dataSource, Optional<EmbeddedDatabase> embedded) {
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
    this.embedded = embedded;
  }

  /** Connects to an external PostgreSQL and migrates it. */
  public static Database external(String jdbcUrl, String user, String password) {
    return open(jdbcUrl, user, password, Optional.empty());
  }

  /**
   * Starts (or takes over) an embedded PostgreSQL whose data lives under {@code dataDir} and
   * migrates it.
   */
  public static Database embedded(Path dataDir) {
    EmbeddedDatabase server = EmbeddedDatabase.start(dataDir);
    try {
      return open(server.jdbcUrl(), EmbeddedDatabase.USER, server.password(), Optional.of(server));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private static Database open(
      String jdbcUrl, String user, String password, Optional<EmbeddedDatabase> embedded) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(16);
    config.setPoolName("connector");
    // Cached generic plans are kept (planning each execution costs the appliers about as much as
    // executing); FreshStatistics analyzes a table as soon as it has doubled, so a plan made while
    // a mirror table was nearly empty does not outlive its growth.
    // JDBC batches (e-mail rows, outcome events, user imports) go as multi-row inserts
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    // no statement of the service may hold a connection (and its locks) for long: a stuck query
    // fails with a clear error instead of starving every tenant of connections
    config.setConnectionInitSql("set statement_timeout = '" + STATEMENT_TIMEOUT_SECONDS + "s'");
    HikariDataSource pool = new HikariDataSource(config);
    try {
      // migrations run on their own connection, without the timeout: an index over a large
      // table may take longer than any request should
      Flyway.configure()
          .dataSource(jdbcUrl, user, password)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Database(pool, embedded);
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Publishes the pool's connection counts as gauges ({@code connector.db.connections}). */
  public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
    com.zaxxer.hikari.HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
    if (pool == null) {
      return;
    }
    io.micrometer.core.instrument.Gauge.builder(
            "connector.db.connections",
            pool,
            com.zaxxer.hikari.HikariPoolMXBean::getActiveConnections)
        .tag("state", "active")
        .register(registry);
    io.micrometer.core.instrument.Gauge.builder(
            "connector.db.connections",
            pool,
            com.zaxxer.hikari.HikariPoolMXBean::getIdleConnections)
        .tag("state", "idle")
        .register(registry);
    io.micrometer.core.instrument.Gauge.builder(
            "connector.db.connections",
            pool,
            com.zaxxer.hikari.HikariPoolMXBean::getThreadsAwaitingConnection)
        .tag("state", "pending")
        .register(registry);
  }

  /** True when embedded: the server was started by this process. */
  public boolean isEmbedded() {
    return embedded.isPresent();
  }

  /** True when a connection can be taken and answers a trivial query within two seconds. */
  public boolean isReachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      dataSource.close();
    } finally {
      embedded.ifPresent(EmbeddedDatabase::close);
    }
  }
}
