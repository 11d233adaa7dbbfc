package io.headhuntr.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.connector.Api;
import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.mirror.JobPostRow;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reference data stays true whichever path wrote it: a row a webhook brought while a pass was
 * listing is not taken for vanished by that pass, and a row tombstoned earlier comes back when
 * Greenhouse lists it again.
 */
class ReferenceTruthTest {
  private static final long WEBHOOK_POST = 990_001L;

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_job_post_a_webhook_wrote_while_the_pass_listed_is_not_tombstoned(Api api) {
    try (SyncFixture f = new SyncFixture(api, 50)) {
      Greenhouse real = api.greenhouse(f.sandbox, SyncFixture.KEY);
      // Greenhouse answers the job post listing, then (before the pass writes it) a
      // job_post_created webhook for a post made after the listing was read is applied
      Greenhouse webhookDuringListing =
          intercepting(
              real,
              "jobPosts",
              () ->
                  f.database
                      .jdbi()
                      .useTransaction(
                          h ->
                              f.mirror
                                  .jobs()
                                  .upsertJobPost(
                                      h,
                                      f.tenant,
                                      new JobPostRow(
                                          WEBHOOK_POST,
                                          null,
                                          "Made after the listing was read",
                                          null,
                                          null,
                                          null,
                                          true,
                                          false,
                                          true,
                                          null,
                                          Instant.now(),
                                          Instant.now(),
                                          null))));
      try (SyncService sync = service(f, webhookDuringListing)) {
        assertThat(SyncRuns.settle(sync, f.tenant).outcome())
            .isEqualTo(PassResult.Outcome.COMPLETED);
      }
      assertThat(deletedAt(f, WEBHOOK_POST)).as("newer than the listing: kept").isEmpty();
      assertThat(f.count("mirror_job_post")).isGreaterThan(1);

      // a later pass whose listing started after it and does not show it: it is gone in Greenhouse
      try (SyncService sync = service(f, real)) {
        assertThat(SyncRuns.settle(sync, f.tenant).outcome())
            .isEqualTo(PassResult.Outcome.COMPLETED);
      }
      assertThat(deletedAt(f, WEBHOOK_POST)).as("vanished from a later listing").isPresent();
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_tombstoned_job_post_and_user_come_back_when_greenhouse_lists_them_again(Api api) {
    try (SyncFixture f = new SyncFixture(api, 50);
        SyncService sync = f.service()) {
      assertThat(SyncRuns.settle(sync, f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
      long post = anyLive(f, "mirror_job_post", "job_post_id");
      long user = anyLive(f, "mirror_user", "user_id");
      String title =
          text(
              f,
              "select title from mirror_job_post where tenant_id = :t and job_post_id = " + post);
      f.database
          .jdbi()
          .useTransaction(
              h -> {
                // what a wrongly applied deletion, or a listing that missed them, left behind
                f.mirror.jobs().tombstoneJobPost(h, f.tenant, post, Instant.now().minusSeconds(60));
                h.createUpdate(
                        "update mirror_user set deleted_at = now() - interval '1 minute',"
                            + " name = 'stale' where tenant_id = :t and user_id = :u")
                    .bind("t", f.tenant)
                    .bind("u", user)
                    .execute();
              });
      assertThat(deletedAt(f, post)).isPresent();

      sync.requestFull(f.tenant);
      assertThat(SyncRuns.settle(sync, f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);

      assertThat(deletedAt(f, post)).as("listed again: back").isEmpty();
      assertThat(
              text(
                  f,
                  "select title from mirror_job_post where tenant_id = :t and job_post_id = "
                      + post))
          .isEqualTo(title);
      assertThat(
              text(
                  f,
                  "select coalesce(deleted_at::text, 'live') || ' ' || name from mirror_user"
                      + " where tenant_id = :t and user_id = "
                      + user))
          .startsWith("live ")
          .doesNotEndWith("stale");
    }
  }

  private static SyncService service(SyncFixture f, Greenhouse greenhouse) {
    return new SyncService(
        f.database.jdbi(),
        f.mirror,
        id -> Optional.of(greenhouse),
        SyncFixture.fastConfig(),
        Clock.systemUTC(),
        SyncObserver.NONE);
  }

  /** {@code real}, with {@code after} run once {@code method} answered (a reserve view too). */
  private static Greenhouse intercepting(Greenhouse real, String method, Runnable after) {
    return (Greenhouse)
        Proxy.newProxyInstance(
            Greenhouse.class.getClassLoader(),
            new Class<?>[] {Greenhouse.class},
            (proxy, m, args) -> {
              Object result;
              try {
                result = m.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              if (m.getName().equals("withReadReserve")) {
                return intercepting((Greenhouse) result, method, after);
              }
              if (m.getName().equals(method)) {
                after.run();
              }
              return result;
            });
  }

  private static Optional<Instant> deletedAt(SyncFixture f, long post) {
    return f.database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select deleted_at from mirror_job_post where tenant_id = :t"
                            + " and job_post_id = :p")
                    .bind("t", f.tenant)
                    .bind("p", post)
                    .mapTo(Instant.class)
                    .findOne());
  }

  private static long anyLive(SyncFixture f, String table, String id) {
    return f.database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select "
                            + id
                            + " from "
                            + table
                            + " where tenant_id = :t and deleted_at is null order by "
                            + id
                            + " limit 1")
                    .bind("t", f.tenant)
                    .mapTo(Long.class)
                    .one());
  }

  private static String text(SyncFixture f, String sql) {
    return f.database
        .jdbi()
        .withHandle(h -> h.createQuery(sql).bind("t", f.tenant).mapTo(String.class).one());
  }
}
