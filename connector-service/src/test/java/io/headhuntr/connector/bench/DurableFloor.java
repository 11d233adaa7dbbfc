package io.headhuntr.connector.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.headhuntr.connector.webhooks.DeliveryBody;
import io.headhuntr.connector.webhooks.inbox.InboxWriter;
import io.headhuntr.connector.webhooks.inbox.WebhookInbox;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The benchmark's second yardstick: the bare endpoint plus the one thing no durable intake can
 * skip, each body committed before its 200. A Javalin route reads the body and its {@code action}
 * and hands it to the connector's own group commit ({@link InboxWriter}) into a copy of the
 * connector's schema, migrated here in the same PostgreSQL; no signature, no tenant, no tally, no
 * appliers.
 *
 * <p>Two kinds: {@link Kind#INBOX}, the inbox table as the connector has it (its keys, queue index
 * and out-of-line bodies), and {@link Kind#HEAP}, the same table stripped of every index and
 * constraint, bodies inline: one heap row per delivery and the commit, the least any design that
 * acknowledges only stored deliveries can do. What they answer per second bounds what the connector
 * can answer on this machine.
 */
final class DurableFloor implements AutoCloseable {
  private static final UUID TENANT = UUID.randomUUID();

  /** What the floor stores each delivery in. */
  enum Kind {
    /** The connector's inbox table, as migrated. */
    INBOX("bench_floor"),
    /** The inbox table without indexes or constraints, bodies inline: a bare heap. */
    HEAP("bench_floor_heap");

    final String schema;

    Kind(String schema) {
      this.schema = schema;
    }
  }

  private final Javalin javalin;
  private final InboxWriter writer;
  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final Kind kind;

  private DurableFloor(
      Javalin javalin, InboxWriter writer, HikariDataSource pool, Jdbi jdbi, Kind kind) {
    this.javalin = javalin;
    this.writer = writer;
    this.pool = pool;
    this.jdbi = jdbi;
    this.kind = kind;
  }

  /** Migrates the floor's schema next to the connector's and starts the endpoint. */
  static DurableFloor start(DataSource connectorPool, Kind kind) {
    HikariDataSource connector = (HikariDataSource) connectorPool;
    Flyway.configure()
        .dataSource(connector.getJdbcUrl(), connector.getUsername(), connector.getPassword())
        .schemas(kind.schema)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(connector.getJdbcUrl());
    config.setUsername(connector.getUsername());
    config.setPassword(connector.getPassword());
    config.setSchema(kind.schema);
    config.setMaximumPoolSize(4);
    config.setPoolName(kind.schema);
    HikariDataSource pool = new HikariDataSource(config);
    Jdbi jdbi = Jdbi.create(pool);
    if (kind == Kind.HEAP) {
      jdbi.useHandle(
          h -> {
            h.execute(
                "alter table webhook_inbox drop constraint webhook_inbox_pkey,"
                    + " drop constraint webhook_inbox_dedupe,"
                    + " drop constraint webhook_inbox_state_check, reset (toast_tuple_target)");
            for (String index :
                h.createQuery(
                        "select indexname from pg_indexes where schemaname = :schema"
                            + " and tablename = 'webhook_inbox'")
                    .bind("schema", kind.schema)
                    .mapTo(String.class)
                    .list()) {
              h.execute("drop index " + index);
            }
          });
    }
    InboxWriter writer = InboxWriter.start(new WebhookInbox(jdbi, Clock.systemUTC()), () -> {});
    Javalin javalin =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.routes.post(
                  "/webhooks/greenhouse/{endpoint_key}",
                  ctx -> {
                    byte[] body = ctx.bodyAsBytes();
                    boolean fresh =
                        writer.accept(
                            TENANT,
                            Optional.ofNullable(ctx.header("Greenhouse-Event-ID")),
                            body,
                            DeliveryBody.sniff(body),
                            Clock.systemUTC().instant());
                    ctx.status(200)
                        .contentType("application/json")
                        .result(
                            fresh ? "{\"received\":\"delivery\"}" : "{\"received\":\"duplicate\"}");
                  });
            });
    javalin.start(0);
    return new DurableFloor(javalin, writer, pool, jdbi, kind);
  }

  /** Empties the floor's table, so that the next send stores every delivery again. */
  void empty() {
    jdbi.useHandle(h -> h.execute("truncate webhook_inbox"));
  }

  String describe() {
    return kind == Kind.INBOX
        ? "durable floor, inbox table (bare + group commit into the connector's inbox table)"
        : "durable floor, bare heap (bare + group commit into a table without any index)";
  }

  /** The webhook URL, with the same path shape as the connector's. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + javalin.port() + "/webhooks/greenhouse/" + kind.schema);
  }

  /**
   * Stops the endpoint and drops the floor's schema, so that no autovacuum of its rows runs during
   * the connector's burst.
   */
  @Override
  public void close() {
    javalin.stop();
    writer.close();
    jdbi.useHandle(h -> h.execute("drop schema " + kind.schema + " cascade"));
    pool.close();
  }
}
