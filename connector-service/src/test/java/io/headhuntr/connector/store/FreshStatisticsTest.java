package io.headhuntr.connector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A key lookup planned while its table was empty is a sequential scan, and PostgreSQL keeps using
 * that cached plan as the table grows; analyzing the table once it has doubled makes the next
 * execution plan again, by the index.
 */
class FreshStatisticsTest {
  private final Jdbi jdbi = TestDatabase.shared().jdbi();

  @Test
  void
      a_lookup_cached_as_a_scan_of_an_empty_table_uses_the_index_once_the_grown_table_is_analyzed() {
    String table = "fresh_stats_" + UUID.randomUUID().toString().replace("-", "");
    jdbi.useHandle(
        h ->
            h.execute(
                "create table "
                    + table
                    + " (tenant_id uuid not null, id bigint not null, name text,"
                    + " primary key (tenant_id, id))"));
    FreshStatistics statistics = new FreshStatistics(jdbi, List.of(table));
    UUID tenant = UUID.randomUUID();
    try (Handle h = jdbi.open()) {
      h.execute("set plan_cache_mode = force_generic_plan");
      h.execute(
          "prepare lookup(uuid, bigint) as select * from "
              + table
              + " where tenant_id = $1 and id = $2");
      h.execute("analyze " + table);
      assertThat(plan(h, tenant)).contains("Seq Scan");

      h.execute(
          "insert into "
              + table
              + " select '"
              + tenant
              + "', g, 'row ' || g from generate_series(1, 20000) g");
      h.createQuery("select pg_stat_force_next_flush()").mapTo(String.class).one();
      assertThat(plan(h, tenant)).as("the cached plan outlives the growth").contains("Seq Scan");

      await().atMost(Duration.ofSeconds(10)).until(() -> statistics.checkOnce().contains(table));
      assertThat(plan(h, tenant)).contains("Index Scan");
      // analyzed now: nothing more to do until it doubles again
      assertThat(statistics.checkOnce()).doesNotContain(table);
    } finally {
      jdbi.useHandle(h -> h.execute("drop table " + table));
    }
  }

  private static String plan(Handle h, UUID tenant) {
    return String.join(
        "\n",
        h.createQuery("explain execute lookup('" + tenant + "', 42)").mapTo(String.class).list());
  }
}
