package io.headhuntr.connector.push;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The push benchmark (not run by {@code mvn verify}: the class name does not end in Test). Run:
 *
 * <pre>
 * mvn -B -o -pl connector-service test -Dtest=PushBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dpush.benchmark.count=1000 -Dpush.benchmark.policy=link -Dspotless.apply.skip=true
 * </pre>
 *
 * <p>Part 1 pushes new candidates each with a resume, 2 educations, 2 employments and a note and
 * counts the Harvest calls per person. Part 2 pushes {@code count} people against a sandbox limited
 * to 50 requests per 10 s (as {@code connector sandbox --rate-limit 50}) and compares the time with
 * the bound that limit sets: requests made / 5 per second.
 */
class PushBenchmark {

  @Test
  void calls_per_pushed_person() {
    try (PushFixture gh = PushFixture.start()) {
      String school = gh.harvest.schools().list().findFirst().orElseThrow().name();
      String school2 = gh.harvest.schools().list().skip(1).findFirst().orElseThrow().name();
      String degree = gh.harvest.degrees().list().findFirst().orElseThrow().name();
      String discipline = gh.harvest.disciplines().list().findFirst().orElseThrow().name();
      int people = 20;
      long before = gh.sandbox.requestCount(gh.apiKey);
      long writes = 0;
      long reads = 0;
      for (int i = 0; i < people; i++) {
        ObjectNode body =
            PushFixture.candidateBody(
                "Bench" + i,
                "Person",
                "bench-" + UUID.randomUUID() + "@example.org",
                gh.openJobs.get(0).id());
        ObjectNode person = (ObjectNode) body.get("person");
        ArrayNode edu = person.putArray("educations");
        edu.addObject()
            .put("school", school)
            .put("degree", degree)
            .put("discipline", discipline)
            .put("start_date", "2005-09");
        edu.addObject().put("school", school2).put("degree", degree).put("start_date", "2010-09");
        ArrayNode emp = person.putArray("employments");
        emp.addObject()
            .put("company_name", "One")
            .put("title", "Dev")
            .put("start_date", "2012-01-01");
        emp.addObject()
            .put("company_name", "Two")
            .put("title", "Lead")
            .put("start_date", "2016-01-01");
        person.putArray("notes").addObject().put("body", "Strong candidate");
        body.putArray("attachments")
            .addObject()
            .put("type", "resume")
            .put("filename", "cv.pdf")
            .put("content_type", "application/pdf")
            .put("content", Base64.getEncoder().encodeToString(new byte[20_000]));
        String id = gh.push("bench-" + UUID.randomUUID(), body);
        gh.drain();
        JsonNode push = gh.pushView(id);
        for (JsonNode call : push.get("calls")) {
          if (call.get("method").asText().equals("GET")) {
            reads++;
          } else {
            writes++;
          }
        }
        if (i == 0) {
          System.out.println("first push calls: " + push.get("calls"));
        }
      }
      long requests = gh.sandbox.requestCount(gh.apiKey) - before;
      System.out.printf(
          "PUSH-BENCH calls: %d people, %.2f writes/person, %.2f reads/person (incl. lookup"
              + " lists loaded once), %.2f sandbox requests/person%n",
          people, writes / (double) people, reads / (double) people, requests / (double) people);
    }
  }

  @Test
  void pushes_at_rate_limit_50() {
    int count = Integer.getInteger("push.benchmark.count", 1000);
    String policy = System.getProperty("push.benchmark.policy", "link");
    try (PushFixture gh =
        PushFixture.start(b -> b.rateLimit(50), PushFixture.fastConfig().withClaims(4, 16))) {
      gh.send(
          "PUT",
          gh.pushes().replace("/pushes", "/push-settings"),
          Map.of(),
          "{\"duplicate_policy\":\"" + policy + "\"}");
      ObjectNode batch = PushFixture.JSON.createObjectNode();
      ArrayNode items = batch.putArray("items");
      String run = UUID.randomUUID().toString().substring(0, 8);
      for (int i = 0; i < count; i++) {
        items.add(
            PushFixture.candidateBody(
                    "R" + i,
                    "Rate",
                    "r" + i + "-" + run + "@example.org",
                    gh.openJobs.get(i % 5).id())
                .put("idempotency_key", run + "-" + i));
      }
      long before = gh.sandbox.requestCount(gh.apiKey);
      long started = System.nanoTime();
      String batchId =
          gh.post(gh.pushes() + "/batch", Map.of(), batch).json().get("batch_id").asText();
      gh.worker.start(8);
      await()
          .atMost(Duration.ofMinutes(30))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> gh.get(gh.pushes() + "/batches/" + batchId).json().get("complete").asBoolean());
      double seconds = (System.nanoTime() - started) / 1e9;
      long requests = gh.sandbox.requestCount(gh.apiKey) - before;
      double bound = requests / 5.0; // 50 requests per 10 s
      System.out.printf(
          "PUSH-BENCH rate: %d pushes (policy %s) in %.1f s; %d Harvest requests"
              + " (%.2f/push), %d answered 429; bound at 50/10 s = %.1f s; ratio %.3f; done %s%n",
          count,
          policy,
          seconds,
          requests,
          requests / (double) count,
          gh.sandbox.rateLimitedCount(gh.apiKey),
          bound,
          seconds / bound,
          gh.get(gh.pushes() + "/batches/" + batchId).json().get("progress"));
    }
  }
}
