package io.headhuntr.connector.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The push routes: what they accept, refuse (naming the field), and how keys and batches behave.
 */
class PushApiTest {
  private static PushFixture gh;
  private static long job;

  @BeforeAll
  static void start() {
    gh = PushFixture.start();
    job = gh.openJobs.get(0).id();
    gh.mapUser("unverified-1", gh.actingGreenhouseId, "unverified");
  }

  @AfterAll
  static void stop() {
    gh.close();
  }

  private static ObjectNode body() {
    return PushFixture.candidateBody(
        "Alan", "Turing", "alan-" + UUID.randomUUID() + "@example.org", job);
  }

  private static PushFixture.Answer post(String key, Object body) {
    return gh.post(gh.pushes(), key == null ? Map.of() : Map.of("Idempotency-Key", key), body);
  }

  @Test
  void a_push_without_an_idempotency_key_is_refused_naming_the_header() {
    PushFixture.Answer a = post(null, body());
    assertThat(a.status()).isEqualTo(422);
    assertThat(a.json().get("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(post("has space", body()).json().get("field").asText()).isEqualTo("Idempotency-Key");
  }

  @Test
  void the_same_key_returns_the_same_push_and_another_body_under_it_is_a_conflict() {
    String key = "k-" + UUID.randomUUID();
    ObjectNode body = body();
    PushFixture.Answer first = post(key, body);
    PushFixture.Answer again = post(key, body);
    assertThat(first.status()).isEqualTo(202);
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(again.headers()).containsKey("idempotent-replayed");
    ((ObjectNode) body.get("person")).put("first_name", "Someone else");
    PushFixture.Answer conflict = post(key, body);
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.json().get("detail").asText()).contains(first.json().get("id").asText());
  }

  @Test
  void an_unmapped_or_unverified_acting_user_is_refused_by_name() {
    PushFixture.Answer unknown =
        post("u-" + UUID.randomUUID(), body().put("acting_user_id", "ghost"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().get("field").asText()).isEqualTo("acting_user_id");
    assertThat(unknown.json().get("detail").asText()).contains("ghost");
    PushFixture.Answer unverified =
        post("u-" + UUID.randomUUID(), body().put("acting_user_id", "unverified-1"));
    assertThat(unverified.status()).isEqualTo(422);
    assertThat(unverified.json().get("detail").asText())
        .contains("unverified-1")
        .contains("unverified");
  }

  @Test
  void bad_fields_are_refused_with_their_path() {
    ObjectNode noLast = body();
    ((ObjectNode) noLast.get("person")).remove("last_name");
    assertThat(post("f-" + UUID.randomUUID(), noLast).json().get("field").asText())
        .isEqualTo("person.last_name");

    ObjectNode badEmail = body();
    ((ArrayNode) badEmail.get("person").get("email_addresses"))
        .addObject()
        .put("value", "not-an-email");
    assertThat(post("f-" + UUID.randomUUID(), badEmail).json().get("field").asText())
        .isEqualTo("person.email_addresses[1].value");

    ObjectNode exe = body();
    exe.putArray("attachments")
        .addObject()
        .put("type", "resume")
        .put("filename", "cv.exe")
        .put("content_type", "application/x-msdownload")
        .put("content", "TVqQAAMAAAAEAAAA");
    PushFixture.Answer refused = post("f-" + UUID.randomUUID(), exe);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("field").asText()).isEqualTo("attachments[0].content_type");

    ObjectNode plainUrl = body();
    plainUrl
        .putArray("attachments")
        .addObject()
        .put("type", "resume")
        .put("filename", "cv.pdf")
        .put("url", "http://files.example.org/cv.pdf");
    assertThat(post("f-" + UUID.randomUUID(), plainUrl).json().get("field").asText())
        .isEqualTo("attachments[0].url");

    ObjectNode noJob = body();
    ((ObjectNode) noJob.get("target")).remove("job_id");
    assertThat(post("f-" + UUID.randomUUID(), noJob).json().get("field").asText())
        .isEqualTo("target.job_id");

    ObjectNode stageWithoutPool = body();
    stageWithoutPool.putObject("target").put("type", "prospect").put("prospect_pool_stage_id", 5);
    assertThat(post("f-" + UUID.randomUUID(), stageWithoutPool).json().get("field").asText())
        .isEqualTo("target.prospect_pool_stage_id");
  }

  @Test
  void an_oversized_attachment_is_refused() {
    PushConfig small =
        new PushConfig(
            java.time.Duration.ofMillis(1),
            java.time.Duration.ofMillis(1),
            3,
            java.time.Duration.ofMillis(1),
            java.time.Duration.ofMillis(1),
            java.time.Duration.ofSeconds(1),
            java.time.Duration.ofMillis(10),
            1,
            1,
            10,
            java.time.Duration.ofMinutes(1),
            "Headhuntr",
            java.time.Duration.ofSeconds(1));
    AttachmentRules rules = new AttachmentRules(small.attachmentMaxBytes());
    ArrayNode list = PushFixture.JSON.createArrayNode();
    list.addObject()
        .put("type", "resume")
        .put("filename", "cv.txt")
        .put("content_type", "text/plain")
        .put("content", java.util.Base64.getEncoder().encodeToString("eleven byte".getBytes()));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rules.validate(list))
        .hasMessageContaining("11 bytes")
        .hasMessageContaining("at most 10");
  }

  @Test
  void a_batch_answers_per_item_and_shows_progress_until_it_is_complete() {
    ObjectNode batch = PushFixture.JSON.createObjectNode();
    ArrayNode items = batch.putArray("items");
    items.add(body().put("idempotency_key", "b1-" + UUID.randomUUID()));
    ObjectNode bad = body().put("idempotency_key", "b2-" + UUID.randomUUID());
    ((ObjectNode) bad.get("person")).remove("first_name");
    items.add(bad);
    items.add(body());
    items.add(body().put("idempotency_key", "b4-" + UUID.randomUUID()));
    PushFixture.Answer a = gh.post(gh.pushes() + "/batch", Map.of(), batch);
    assertThat(a.status()).isEqualTo(202);
    JsonNode results = a.json().get("items");
    assertThat(a.json().get("accepted").asInt()).isEqualTo(2);
    assertThat(results.get(0).get("status").asText()).isEqualTo("queued");
    assertThat(results.get(1).get("error").get("field").asText())
        .isEqualTo("items[1].person.first_name");
    assertThat(results.get(2).get("error").get("field").asText())
        .isEqualTo("items[2].idempotency_key");
    String batchId = a.json().get("batch_id").asText();
    JsonNode before = gh.get(gh.pushes() + "/batches/" + batchId).json();
    assertThat(before.get("progress").get("queued").asInt()).isEqualTo(2);
    assertThat(before.get("complete").asBoolean()).isFalse();

    gh.drain();
    JsonNode after = gh.get(gh.pushes() + "/batches/" + batchId).json();
    assertThat(after.get("progress").get("done").asInt()).isEqualTo(2);
    assertThat(after.get("complete").asBoolean()).isTrue();
    JsonNode listed = gh.get(gh.pushes() + "?status=done&batch_id=" + batchId).json().get("pushes");
    assertThat(listed).hasSize(2);
    assertThat(gh.get(gh.pushes() + "?status=queued&batch_id=" + batchId).json().get("pushes"))
        .isEmpty();
    assertThat(gh.get(gh.pushes() + "?status=bogus").status()).isEqualTo(422);

    // one push per page: the cursor walks both, though a batch's pushes share their created_at
    JsonNode page1 = gh.get(gh.pushes() + "?batch_id=" + batchId + "&limit=1").json();
    String cursor =
        java.net.URLEncoder.encode(
            page1.get("next_cursor").asText(), java.nio.charset.StandardCharsets.UTF_8);
    JsonNode page2 =
        gh.get(gh.pushes() + "?batch_id=" + batchId + "&limit=1&cursor=" + cursor).json();
    assertThat(page2.get("pushes").get(0).get("id"))
        .isNotEqualTo(page1.get("pushes").get(0).get("id"));
    assertThat(gh.get(gh.pushes() + "?cursor=nonsense").json().get("field").asText())
        .isEqualTo("cursor");
  }

  @Test
  void a_batch_over_a_thousand_is_refused() {
    ObjectNode batch = PushFixture.JSON.createObjectNode();
    ArrayNode items = batch.putArray("items");
    for (int i = 0; i < 1001; i++) {
      items.addObject();
    }
    PushFixture.Answer a = gh.post(gh.pushes() + "/batch", Map.of(), batch);
    assertThat(a.status()).isEqualTo(422);
    assertThat(a.json().get("detail").asText()).contains("1000");
  }

  @Test
  void an_unknown_push_or_tenant_is_404() {
    assertThat(gh.get(gh.pushes() + "/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(gh.get("/api/v1/tenants/" + UUID.randomUUID() + "/pushes").status()).isEqualTo(404);
  }

  @Test
  void a_draft_tenant_takes_no_push_and_is_told_what_setup_still_lacks() {
    UUID draft = io.headhuntr.connector.users.TestTenant.create(gh.database.jdbi());
    String base = "/api/v1/tenants/" + draft + "/pushes";
    gh.setupProblems.add("no Greenhouse API key saved (PUT .../greenhouse/credential)");
    try {
      PushFixture.Answer one = gh.post(base, Map.of("Idempotency-Key", "draft-1"), body());
      assertThat(one.status()).isEqualTo(409);
      assertThat(one.headers().get("content-type").get(0)).startsWith("application/problem+json");
      assertThat(one.json().get("detail").asText())
          .contains("setup is not finished")
          .contains("nothing was stored");
      assertThat(one.json().get("problems"))
          .extracting(JsonNode::asText)
          .containsExactly(
              "no Greenhouse API key saved (PUT .../greenhouse/credential)",
              "activate the tenant (POST /api/v1/tenants/" + draft + "/activate)");

      ObjectNode batch = PushFixture.JSON.createObjectNode();
      batch.putArray("items").add(body().put("idempotency_key", "draft-2"));
      PushFixture.Answer many = gh.post(base + "/batch", Map.of(), batch);
      assertThat(many.status()).isEqualTo(409);
      assertThat(many.json().get("problems").toString()).contains("no Greenhouse API key saved");
      assertThat(gh.get(base).json().get("pushes")).isEmpty();

      // every check passes but nobody activated it yet: activation is the one thing left
      gh.setupProblems.clear();
      PushFixture.Answer ready = gh.post(base, Map.of("Idempotency-Key", "draft-3"), body());
      assertThat(ready.status()).isEqualTo(409);
      assertThat(ready.json().get("problems")).hasSize(1);
      assertThat(ready.json().get("problems").get(0).asText()).contains("/activate");
    } finally {
      gh.setupProblems.clear();
    }
  }

  @Test
  void a_paused_tenants_pushes_are_accepted_and_stay_queued_until_it_resumes() {
    var tenants = new io.headhuntr.connector.tenant.Tenants(gh.database.jdbi());
    var controls = new TenantPushControls(gh.database.jdbi());
    // what pausing a tenant does (Activation.pause, then the workers' listener)
    tenants.setState(gh.tenant, io.headhuntr.connector.tenant.TenantState.PAUSED);
    controls.pause(gh.tenant, "the tenant was paused");
    String id;
    String batched;
    try {
      PushFixture.Answer one = post("paused-" + UUID.randomUUID(), body());
      assertThat(one.status()).isEqualTo(202);
      assertThat(one.json().get("status").asText()).isEqualTo("queued");
      id = one.json().get("id").asText();
      ObjectNode batch = PushFixture.JSON.createObjectNode();
      batch.putArray("items").add(body().put("idempotency_key", "paused-" + UUID.randomUUID()));
      PushFixture.Answer many = gh.post(gh.pushes() + "/batch", Map.of(), batch);
      assertThat(many.status()).isEqualTo(202);
      assertThat(many.json().get("accepted").asInt()).isEqualTo(1);
      batched = many.json().get("items").get(0).get("id").asText();

      assertThat(gh.worker.runOnce()).isZero();
      assertThat(gh.pushView(id).get("status").asText()).isEqualTo("queued");
      assertThat(gh.pushView(batched).get("status").asText()).isEqualTo("queued");
    } finally {
      tenants.setState(gh.tenant, io.headhuntr.connector.tenant.TenantState.ACTIVE);
      controls.resume(gh.tenant);
    }
    gh.drain();
    assertThat(gh.pushView(id).get("status").asText()).isEqualTo("done");
    assertThat(gh.pushView(batched).get("status").asText()).isEqualTo("done");
  }
}
