package io.headhuntr.connector.store;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyzes a table as soon as it has at least doubled since its last statistics. PostgreSQL caches
 * a generic plan per pooled connection; one made while a mirror table was nearly empty (a new
 * installation, a first backfill) is a sequential scan, and it stays in use until an ANALYZE
 * invalidates it. Autovacuum's first ANALYZE can come a minute or more later, by which time a burst
 * of webhooks or a backfill has made that scan slow. Checking every few seconds bounds that.
 */
public final class FreshStatistics implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FreshStatistics.class);

  /** The tables that grow with the customer's data and are read by key while they grow. */
  static final List<String> TABLES =
      List.of(
          "webhook_inbox",
          "mirror_candidate",
          "mirror_candidate_email",
          "mirror_application",
          "mirror_job",
          "mirror_job_post",
          "mirror_job_stage",
          "mirror_user",
          "events",
          "pushes",
          "push_steps",
          "sync_seen");

  /** Fewer changed rows than this never trigger an ANALYZE (small tables plan fine either way). */
  static final long MIN_CHANGES = 1_000;

  private final Jdbi jdbi;
  private final List<String> tables;
  private ScheduledExecutorService timer;

  /** Watches the connector's growing tables ({@link #TABLES}). */
  public FreshStatistics(Jdbi jdbi) {
    this(jdbi, TABLES);
  }

  /** Watches {@code tables} (names of this schema's tables, never user input). */
  public FreshStatistics(Jdbi jdbi, List<String> tables) {
    this.jdbi = jdbi;
    this.tables = List.copyOf(tables);
  }

  /** Checks every {@code seconds}, until {@link #close()}. */
  public synchronized void start(long seconds) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "fresh-statistics");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(this::checkQuietly, seconds, seconds, TimeUnit.SECONDS);
  }

  /** Analyzes the tables that have at least doubled since their statistics; returns their names. */
  public List<String> checkOnce() {
    List<String> stale =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select relname from pg_stat_user_tables"
                            + " where schemaname = current_schema() and relname = any(:tables)"
                            + " and n_mod_since_analyze >= :min"
                            + " and n_mod_since_analyze >= n_live_tup / 2")
                    .bindArray("tables", String.class, tables)
                    .bind("min", MIN_CHANGES)
                    .mapTo(String.class)
                    .list());
    for (String table : stale) {
      // the name is one of this object's table names (and was found in pg_stat_user_tables)
      jdbi.useHandle(h -> h.execute("analyze " + table));
      LOG.debug("analyzed {}: it had at least doubled since its last statistics", table);
    }
    return stale;
  }

  private void checkQuietly() {
    try {
      checkOnce();
    } catch (RuntimeException e) {
      LOG.warn("refreshing table statistics failed: {}", e.toString());
    }
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
