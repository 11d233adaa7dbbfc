package io.headhuntr.connector.webhooks.apply;

import static io.headhuntr.connector.webhooks.apply.Payloads.application;
import static io.headhuntr.connector.webhooks.apply.Payloads.candidate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.api.ProblemMapper;
import io.headhuntr.connector.events.EventsApi;
import io.headhuntr.connector.mirror.MirrorJson;
import io.headhuntr.connector.mirror.MirrorReadApi;
import io.headhuntr.connector.mirror.MirrorStore;
import io.headhuntr.connector.webhooks.inbox.Deliveries;
import io.headhuntr.connector.webhooks.inbox.InboxApi;
import io.headhuntr.connector.webhooks.inbox.TestClock;
import io.headhuntr.connector.webhooks.inbox.WebhookInbox;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The read, feed and parked-delivery handlers on a small Javalin app, over real HTTP. */
class ReadAndFeedHttpTest {
  private static Javalin server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Applying run = new Applying();

  @BeforeAll
  static void start() {
    MirrorReadApi read = new MirrorReadApi(Deliveries.jdbi(), new MirrorStore());
    EventsApi events = new EventsApi(Deliveries.jdbi());
    TestClock clock = new TestClock();
    InboxApi inbox = new InboxApi(new WebhookInbox(Deliveries.jdbi(), clock), clock);
    String t = "/api/v1/tenants/{tenant_id}";
    server =
        Javalin.create(
                cfg -> {
                  cfg.startup.showJavalinBanner = false;
                  cfg.routes.get(t + "/candidates", read::candidatesByEmail);
                  cfg.routes.get(t + "/candidates/{candidate_id}", read::candidate);
                  cfg.routes.get(t + "/applications/{application_id}", read::application);
                  cfg.routes.get(t + "/jobs", read::jobs);
                  cfg.routes.get(t + "/jobs/{job_id}", read::job);
                  cfg.routes.get(t + "/job_posts/{job_post_id}", read::jobPost);
                  cfg.routes.get(t + "/users", read::users);
                  cfg.routes.get(t + "/events", events::list);
                  cfg.routes.get(t + "/webhooks/parked", inbox::parked);
                  cfg.routes.get(t + "/webhooks/inbox", inbox::summary);
                  cfg.routes.post(t + "/webhooks/parked/{inbox_id}/replay", inbox::replay);
                  cfg.routes.exception(ProblemException.class, ProblemMapper::write);
                })
            .start(0);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void a_candidate_is_read_by_greenhouse_id_with_its_applications_in_snake_case() throws Exception {
    run.deliver(
        application(
            "new_candidate_application",
            2001,
            candidate(90, "Ada", "Ada@Example.com"),
            "active",
            11,
            "Phone Screen",
            Instant.parse("2024-04-01T00:00:00Z")));

    JsonNode body = getJson("/candidates/90", 200);

    assertThat(body.get("id").asLong()).isEqualTo(90);
    assertThat(body.get("first_name").asText()).isEqualTo("Ada");
    assertThat(body.get("is_private").asBoolean()).isFalse();
    assertThat(body.get("email_addresses").get(0).get("value").asText())
        .isEqualTo("Ada@Example.com");
    assertThat(body.get("educations").get(0).get("school_name").asText())
        .isEqualTo("University of London");
    assertThat(body.get("applications").get(0).get("id").asLong()).isEqualTo(2001);
    assertThat(body.get("applications").get(0).get("current_stage_name").asText())
        .isEqualTo("Phone Screen");
    assertThat(body.get("applications").get(0).get("job_ids").get(0).asLong())
        .isEqualTo(Payloads.JOB);

    JsonNode byEmail = getJson("/candidates?email=ada@EXAMPLE.com", 200);
    assertThat(byEmail.get("candidates").get(0).get("id").asLong()).isEqualTo(90);

    JsonNode app = getJson("/applications/2001", 200);
    assertThat(app.get("candidate_id").asLong()).isEqualTo(90);
    assertThat(app.get("status").asText()).isEqualTo("active");

    JsonNode job = getJson("/jobs/" + Payloads.JOB, 200);
    assertThat(job.get("name").asText()).isEqualTo("Data Scientist");
    assertThat(job.get("stages").get(0).get("name").asText()).isEqualTo("Phone Screen");
    assertThat(getJson("/jobs", 200).get("jobs").get(0).get("id").asLong()).isEqualTo(Payloads.JOB);
  }

  @Test
  void unknown_ids_are_404_problems_and_bad_ids_name_the_field() throws Exception {
    assertThat(get("/candidates/12345").statusCode()).isEqualTo(404);
    assertThat(get("/job_posts/12345").statusCode()).isEqualTo(404);
    HttpResponse<String> bad = get("/applications/abc");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(MirrorJson.MAPPER.readTree(bad.body()).get("field").asText())
        .isEqualTo("application_id");
  }

  @Test
  void job_posts_and_users_are_readable() throws Exception {
    run.deliver(
        Payloads.jobPost(
            "job_post_created",
            3001,
            "Data Scientist (Remote)",
            Instant.parse("2024-04-02T00:00:00Z")));
    String withCredit =
        application(
                "new_candidate_application",
                2002,
                candidate(91, "Grace", "grace@example.com"),
                "active",
                11,
                "Phone Screen",
                Instant.parse("2024-04-01T00:00:00Z"))
            .replace(
                "\"credited_to\":null",
                "\"credited_to\":{\"id\":4280249007,\"email\":\"r@acme.example\",\"name\":\"Rita Recruiter\",\"employee_id\":null}");
    run.deliver(withCredit);

    JsonNode post = getJson("/job_posts/3001", 200);
    assertThat(post.get("title").asText()).isEqualTo("Data Scientist (Remote)");
    assertThat(post.get("live").asBoolean()).isTrue();
    JsonNode users = getJson("/users", 200).get("users");
    assertThat(users)
        .anySatisfy(
            u -> {
              assertThat(u.get("id").asLong()).isEqualTo(4280249007L);
              assertThat(u.get("name").asText()).isEqualTo("Rita Recruiter");
            });
  }

  @Test
  void the_feed_pages_in_order_with_an_opaque_cursor() throws Exception {
    Instant t = Instant.parse("2024-05-01T00:00:00Z");
    var ada = candidate(92, "Ada", "feed@example.com");
    run.deliver(application("new_candidate_application", 2003, ada, "active", 1, "Review", t));
    run.deliver(
        application("candidate_stage_change", 2003, ada, "active", 2, "Screen", t.plusSeconds(60)));
    run.deliver(
        application("reject_candidate", 2003, ada, "rejected", 2, "Screen", t.plusSeconds(120)));

    JsonNode first = getJson("/events?limit=2", 200);
    assertThat(first.get("events"))
        .extracting(e -> e.get("type").asText())
        .containsExactly("application_created", "stage_changed");
    String cursor = first.get("next_cursor").asText();
    JsonNode second = getJson("/events?after=" + cursor + "&limit=2", 200);
    assertThat(second.get("events"))
        .extracting(e -> e.get("type").asText())
        .containsExactly("rejected");
    assertThat(second.get("events").get(0).get("application_id").asLong()).isEqualTo(2003);
    assertThat(second.get("events").get(0).get("occurred_at").asText())
        .isEqualTo("2024-05-01T00:02:00Z");
    String end = second.get("next_cursor").asText();
    JsonNode none = getJson("/events?after=" + end, 200);
    assertThat(none.get("events")).isEmpty();
    assertThat(none.get("next_cursor").asText()).isEqualTo(end);

    HttpResponse<String> bad = get("/events?after=42");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(MirrorJson.MAPPER.readTree(bad.body()).get("field").asText()).isEqualTo("after");
  }

  @Test
  void parked_deliveries_are_listed_without_their_body_and_can_be_replayed() throws Exception {
    run.inbox.accept(
        run.tenant,
        java.util.Optional.of("junk-1"),
        "<html>secret@example.com</html>".getBytes(),
        run.clock.instant());

    JsonNode parked = getJson("/webhooks/parked", 200).get("parked");
    assertThat(parked).hasSize(1);
    assertThat(parked.get(0).get("park_reason").asText()).isEqualTo("the body is not JSON");
    assertThat(parked.get(0).get("event_id").asText()).isEqualTo("junk-1");
    assertThat(parked.toString()).doesNotContain("secret@example.com");
    long id = parked.get(0).get("inbox_id").asLong();

    HttpResponse<String> replay = post("/webhooks/parked/" + id + "/replay");
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(MirrorJson.MAPPER.readTree(replay.body()).get("state").asText()).isEqualTo("ready");
    assertThat(post("/webhooks/parked/" + id + "/replay").statusCode()).isEqualTo(404);
    JsonNode summary = getJson("/webhooks/inbox", 200);
    assertThat(summary.get("states").get("ready").asLong()).isEqualTo(1);
    assertThat(summary.get("actions").get(0).get("action").asText()).isEqualTo("(none)");
    assertThat(summary.get("actions").get(0).get("deliveries_since").asLong()).isEqualTo(1);
    Deliveries.clearUnfinished(run.tenant);
  }

  private JsonNode getJson(String path, int status) throws Exception {
    HttpResponse<String> answer = get(path);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    return MirrorJson.MAPPER.readTree(answer.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + "/api/v1/tenants/" + run.tenant + path);
  }
}
