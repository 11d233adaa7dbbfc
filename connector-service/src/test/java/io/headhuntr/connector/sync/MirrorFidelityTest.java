package io.headhuntr.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.connector.Api;
import io.headhuntr.connector.mirror.MirrorReadApi;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A mirror filled by sync reads like one filled by webhooks: the read API leads from a job to its
 * posts, a job post's location is the object Greenhouse sent, and a value a listing does not carry
 * (a job's {@code job_post_id}) is not wiped by it.
 */
class MirrorFidelityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_job_filled_by_sync_leads_to_its_posts_as_greenhouse_sent_them(Api api) throws Exception {
    try (SyncFixture f = new SyncFixture(api, 50);
        SyncService sync = f.service()) {
      assertThat(SyncRuns.settle(sync, f.tenant).outcome()).isEqualTo(PassResult.Outcome.COMPLETED);
      long job =
          f.database
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select min(job_id) from mirror_job_post where tenant_id = :t"
                                  + " and job_id is not null and deleted_at is null")
                          .bind("t", f.tenant)
                          .mapTo(Long.class)
                          .one());
      MirrorReadApi read = new MirrorReadApi(f.database.jdbi(), f.mirror);
      Javalin server =
          Javalin.create(
                  cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    cfg.routes.get("/api/v1/tenants/{tenant_id}/jobs/{job_id}", read::job);
                  })
              .start(0);
      try {
        JsonNode view = get(server, f, job);
        assertThat(view.path("job_posts").isArray()).as(view.toString()).isTrue();
        assertThat(view.path("job_posts")).isNotEmpty();
        for (JsonNode post : view.path("job_posts")) {
          assertThat(post.path("job_id").asLong()).isEqualTo(job);
          if (api == Api.V1) {
            // Harvest sends an object; it is not flattened to its name
            assertThat(post.path("location").isObject()).as(post.toString()).isTrue();
            assertThat(post.path("location").path("name").asText()).isNotBlank();
          }
        }

        // what a job webhook stored: the job's post; the listing does not carry it
        long post = view.path("job_posts").get(0).path("id").asLong();
        f.database
            .jdbi()
            .useHandle(
                h ->
                    h.createUpdate(
                            "update mirror_job set job_post_id = :p where tenant_id = :t"
                                + " and job_id = :j")
                        .bind("p", post)
                        .bind("t", f.tenant)
                        .bind("j", job)
                        .execute());
        sync.requestFull(f.tenant);
        assertThat(SyncRuns.settle(sync, f.tenant).outcome())
            .isEqualTo(PassResult.Outcome.COMPLETED);
        assertThat(get(server, f, job).path("job_post_id").asLong())
            .as("kept through a full pass that listed the job again")
            .isEqualTo(post);
      } finally {
        server.stop();
      }
    }
  }

  private JsonNode get(Javalin server, SyncFixture f, long job) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + server.port()
                            + "/api/v1/tenants/"
                            + f.tenant
                            + "/jobs/"
                            + job))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }
}
