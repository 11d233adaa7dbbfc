package io.headhuntr.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.connector.Api;
import io.headhuntr.connector.mirror.CandidateRow;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.CandidateFilter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a poll over Harvest v1 or v3 may not undo in the mirror. */
class PollGuardTest {

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_poll_never_overwrites_newer_webhook_data_nor_revives_a_deleted_candidate(Api api) {
    try (SyncFixture f = new SyncFixture(api, 300);
        SyncService sync = f.service()) {
      List<Candidate> candidates =
          f.client.candidates().list(CandidateFilter.all()).limit(3).toList();
      Candidate newer = candidates.get(0);
      Candidate older = candidates.get(1);
      Candidate deleted = candidates.get(2);
      Instant future = Instant.now().plus(Duration.ofDays(1));
      f.database
          .jdbi()
          .useTransaction(
              h -> {
                f.mirror
                    .candidates()
                    .upsert(h, f.tenant, webhookRow(newer.id(), "FromWebhook", future));
                f.mirror
                    .candidates()
                    .upsert(
                        h,
                        f.tenant,
                        webhookRow(
                            older.id(), "Stale", newer.updatedAt().minusSeconds(3600 * 24 * 400)));
                f.mirror.candidates().eraseAndTombstone(h, f.tenant, deleted.id(), Instant.now());
              });

      assertThat(sync.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);

      assertThat(find(f, newer.id()).firstName()).isEqualTo("FromWebhook");
      assertThat(find(f, older.id()).firstName()).isEqualTo(older.firstName());
      CandidateRow gone = find(f, deleted.id());
      assertThat(gone.deletedAt()).isNotNull();
      assertThat(gone.firstName()).isNull();
      List<Long> erased = idsByEmail(f, deleted.emailAddresses().get(0).value());
      assertThat(erased).as("an erased candidate's e-mails are not brought back").isEmpty();
      String email = older.emailAddresses().get(0).value().toUpperCase();
      List<Long> found = idsByEmail(f, email);
      assertThat(found)
          .as("e-mail lookup from the mirror ignores case")
          .containsExactly(older.id());
    }
  }

  private static CandidateRow webhookRow(long id, String firstName, Instant version) {
    return new CandidateRow(
        id, firstName, "Row", null, null, false, true, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, version, null, version, null, null, null, null);
  }

  private static List<Long> idsByEmail(SyncFixture f, String email) {
    return f.database.jdbi().withHandle(h -> f.mirror.candidates().idsByEmail(h, f.tenant, email));
  }

  private static CandidateRow find(SyncFixture f, long id) {
    return f.database
        .jdbi()
        .withHandle(h -> f.mirror.candidates().find(h, f.tenant, id))
        .orElseThrow();
  }
}
