package io.headhuntr.connector.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.push.PushSamples;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The push part of the demo, after activation: pushes three people through the connector's API (a
 * new candidate with a resume, a duplicate of a person Greenhouse has, a prospect into a pool),
 * then has a sandbox recruiter advance the new candidate a stage and hire them, so the push's
 * outcome turns {@code hired} through the webhooks. The sandbox starts afresh on every run, so each
 * run pushes (with idempotency keys of its own) into the sandbox it started.
 */
final class DemoPushes {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<String> FINISHED = List.of("done", "failed", "needs_attention");

  private final DemoHttp http;
  private final URI connector;
  private final URI sandbox;
  private final String basic;
  private final String onBehalfOf;
  private final PrintStream out;

  DemoPushes(
      DemoHttp http,
      URI connector,
      URI sandbox,
      String sandboxApiKey,
      String onBehalfOf,
      PrintStream out) {
    this.http = http;
    this.connector = connector;
    this.sandbox = sandbox;
    this.basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((sandboxApiKey + ":").getBytes(StandardCharsets.UTF_8));
    this.onBehalfOf = onBehalfOf;
    this.out = out;
  }

  /**
   * Pushes the samples on behalf of {@code actingUserId} and walks the new candidate to a hire;
   * returns the push ids. Problems are reported and end this part only, never the demo.
   */
  List<String> run(String base, String token, String actingUserId) throws InterruptedException {
    List<JsonNode> pushes;
    try {
      pushes = push(base, token, actingUserId);
    } catch (RuntimeException e) {
      step("the push demo stopped: " + e.getMessage());
      return List.of();
    }
    JsonNode fresh = pushes.get(0);
    if (fresh.path("status").asText().equals("done") && fresh.hasNonNull("application_id")) {
      try {
        hire(fresh.get("application_id").asLong());
        awaitOutcome(base, token, fresh.get("id").asText(), "hired");
      } catch (RuntimeException e) {
        step("the hire in the sandbox did not happen: " + e.getMessage());
      }
    }
    return pushes.stream().map(p -> p.get("id").asText()).toList();
  }

  private List<JsonNode> push(String base, String token, String actingUserId)
      throws InterruptedException {
    long jobId = harvest("/v1/jobs?status=open&per_page=1").get(0).get("id").asLong();
    String existingEmail =
        harvest("/v1/candidates?per_page=1")
            .get(0)
            .path("email_addresses")
            .path(0)
            .path("value")
            .asText("known.person@demo.example");
    JsonNode pool = harvest("/v1/prospect_pools?per_page=1").path(0);
    JsonNode poolStage = pool.path("prospect_stages").path(0);
    List<ObjectNode> samples =
        PushSamples.demo(
            actingUserId,
            jobId,
            existingEmail,
            pool.path("id").asLong(),
            poolStage.isMissingNode() ? null : poolStage.get("id").asLong());
    if (pool.isMissingNode()) {
      samples = samples.subList(0, 2); // no prospect pool in this account
    }
    List<String> ids = new ArrayList<>();
    long run = Instant.now().toEpochMilli();
    for (int i = 0; i < samples.size(); i++) {
      DemoHttp.Answer answer =
          DemoHttp.ok(
              "push a sample person",
              http.send(
                  "POST",
                  connector.resolve(base + "/pushes"),
                  token,
                  samples.get(i),
                  Map.of("Idempotency-Key", "demo-" + run + "-" + (i + 1))));
      ids.add(answer.json().get("id").asText());
    }
    step("pushed " + ids.size() + " people (new candidate, duplicate, prospect)");
    List<JsonNode> pushes = awaitFinished(base, token, ids);
    for (JsonNode push : pushes) {
      step(
          "push "
              + push.path("id").asText()
              + ": "
              + push.path("status").asText()
              + " "
              + push.path("result").asText("")
              + (push.hasNonNull("candidate_id")
                  ? " (candidate " + push.get("candidate_id").asText() + ")"
                  : "")
              + (push.hasNonNull("error") ? " " + push.get("error").asText() : ""));
    }
    return pushes;
  }

  /** A recruiter advances the application one stage, then hires the person. */
  private void hire(long applicationId) {
    JsonNode application = harvest("/v1/applications/" + applicationId);
    if (!application.path("status").asText().equals("active")) {
      step("application " + applicationId + " is " + application.path("status").asText());
      return;
    }
    long stage = application.path("current_stage").path("id").asLong();
    DemoHttp.Answer advanced =
        http.send(
            "POST",
            sandbox.resolve("/v1/applications/" + applicationId + "/advance"),
            basic,
            Map.of("from_stage_id", stage),
            Map.of("On-Behalf-Of", onBehalfOf));
    if (advanced.status() / 100 == 2) {
      step("a recruiter advanced application " + applicationId + " one stage in the sandbox");
    }
    DemoHttp.ok(
        "hire in the sandbox",
        http.send(
            "POST",
            sandbox.resolve("/v1/applications/" + applicationId + "/hire"),
            basic,
            Map.of(),
            Map.of("On-Behalf-Of", onBehalfOf)));
    step("a recruiter hired application " + applicationId + " in the sandbox");
  }

  private List<JsonNode> awaitFinished(String base, String token, List<String> ids)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (true) {
      List<JsonNode> pushes = new ArrayList<>();
      for (String id : ids) {
        pushes.add(
            http.expectOk(
                "read a push", "GET", connector.resolve(base + "/pushes/" + id), token, null));
      }
      boolean finished =
          pushes.stream().allMatch(p -> FINISHED.contains(p.path("status").asText()));
      if (finished || Instant.now().isAfter(deadline)) {
        return pushes;
      }
      Thread.sleep(250);
    }
  }

  private Optional<JsonNode> awaitOutcome(String base, String token, String id, String state)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (true) {
      JsonNode push =
          http.expectOk(
              "read a push", "GET", connector.resolve(base + "/pushes/" + id), token, null);
      String now = push.path("outcome").path("state").asText("unknown");
      if (now.equals(state)) {
        step("push " + id + " outcome: " + now + " (the hire arrived by webhook)");
        return Optional.of(push);
      }
      if (Instant.now().isAfter(deadline)) {
        step("push " + id + " outcome still " + now + " after " + WAIT.toSeconds() + " s");
        return Optional.empty();
      }
      Thread.sleep(250);
    }
  }

  private JsonNode harvest(String path) {
    return http.expectOk(
        "read " + path + " from the sandbox", "GET", sandbox.resolve(path), basic, null);
  }

  private void step(String line) {
    out.println("demo: " + line);
    out.flush();
  }
}
