package io.headhuntr.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.connector.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sync's checkpoint keeps the listing's resume token with each committed page (v1: the next
 * page number; v3: the next page's cursor URL); a token the listing refuses (it outlived its
 * listing) restarts that resource from its watermark.
 */
class ResumeTokenTest {

  private static String token(SyncFixture f, SyncResource resource) {
    return f.database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select resume_token from sync_resource where tenant_id = :t"
                            + " and resource = :r")
                    .bind("t", f.tenant)
                    .bind("r", resource.key())
                    .mapTo(String.class)
                    .one());
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_refused_resume_token_restarts_the_listing_from_its_first_page_and_misses_nothing(Api api) {
    try (SyncFixture f = new SyncFixture(api, 1_200)) {
      Map<Integer, Integer> firstRun = new ConcurrentHashMap<>();
      SyncObserver crashAfterOne =
          (tenant, resource, page, records) -> {
            if (resource == SyncResource.CANDIDATES) {
              firstRun.put(page, records);
              throw new IllegalStateException("simulated crash after page " + page);
            }
          };
      try (SyncService first = f.service(SyncFixture.fastConfig(), crashAfterOne)) {
        assertThat(first.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.FAILED);
      }
      assertThat(firstRun).containsOnlyKeys(1);
      String refused;
      if (api == Api.V1) {
        assertThat(token(f, SyncResource.CANDIDATES))
            .as("Harvest v1 resumes at page 2")
            .isEqualTo("2");
        // a token of another listing (as a v3 cursor URL would be after it expired)
        refused = "https://harvest.greenhouse.io/v3/candidates?cursor=gone";
      } else {
        assertThat(token(f, SyncResource.CANDIDATES))
            .as("Harvest v3 resumes at the next page's link")
            .startsWith(f.sandbox.baseUrl() + "/v3/candidates?cursor=");
        // a cursor Greenhouse no longer accepts (expired): it answers 422 naming cursor
        refused = f.sandbox.baseUrl() + "/v3/candidates?cursor=expired";
      }
      f.database
          .jdbi()
          .useHandle(
              h ->
                  h.createUpdate(
                          "update sync_resource set resume_token = :token where tenant_id = :t"
                              + " and resource = 'candidates'")
                      .bind("token", refused)
                      .bind("t", f.tenant)
                      .execute());

      List<Integer> secondRun = new ArrayList<>();
      SyncObserver record =
          (tenant, resource, page, records) -> {
            if (resource == SyncResource.CANDIDATES) {
              secondRun.add(page);
            }
          };
      try (SyncService second = f.service(SyncFixture.fastConfig(), record)) {
        assertThat(second.runPass(f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
        SyncStatus.Resource candidates = BackfillTest.line(second.status(f.tenant), "candidates");
        assertThat(candidates.state()).isEqualTo("done");
        assertThat(candidates.recordsSeen()).isEqualTo(f.people);
      }
      assertThat(secondRun).as("pages after the refused token").containsExactly(1, 2, 3);
      assertThat(f.count("mirror_candidate")).isEqualTo(f.people);
      assertThat(token(f, SyncResource.CANDIDATES)).as("cleared when the listing ends").isNull();
    }
  }
}
