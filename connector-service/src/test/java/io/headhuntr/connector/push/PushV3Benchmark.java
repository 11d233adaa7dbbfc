package io.headhuntr.connector.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.bench.ProcessCpu;
import io.headhuntr.connector.store.TestDatabase;
import io.headhuntr.harvest.ProspectPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The push benchmark over Harvest v1 and v3 side by side (docs/benchmarks.md; not run by {@code mvn
 * verify}: the class name does not end in Test). {@link #calls_per_pushed_person_by_kind} pushes
 * {@code push.benchmark.people} people of each kind through a v1 tenant and a v3 tenant (each its
 * own {@link PushBenchBed}) and prints the Greenhouse calls each kind costs per person: the calls
 * the push recorded (reads, writes) and the HTTP requests the sandbox counted. {@link
 * #pushes_per_second} pushes a batch of {@code push.benchmark.count} new candidates through each
 * version with 8 worker threads, {@code push.benchmark.rounds} times in alternating order, rate
 * limits off unless {@code push.benchmark.v1RateLimit} (per 10 s) and {@code
 * push.benchmark.v3RateLimit} (per rolling 30 s) are set ({@code push.benchmark.full=true}: each
 * with a resume, a note, 2 educations and 2 employments); it prints pushes per second and, when
 * limited, the time against the bound (requests x window / limit), and the CPU per push of this JVM
 * (connector, its HTTP routes and the in-process sandbox) and of PostgreSQL.
 */
class PushV3Benchmark {
  private static final String[] APIS = {"v1", "v3"};

  /** The settings of {@code PushFixture.fastConfig()}, as the v1 push benchmark used them. */
  static PushConfig config() {
    return PushConfig.defaults()
        .withTimes(
            Duration.ofMillis(20),
            Duration.ofMillis(50),
            Duration.ofSeconds(30),
            Duration.ofMillis(20))
        .withConfirmWindow(Duration.ofSeconds(1))
        // one tenant alone: claims as sized when these figures were first taken
        .withClaims(4, 16);
  }

  /** What one kind of push cost, summed over its people. */
  private record Cost(
      int people, long reads, long writes, long requests, long tokens, List<String> first) {
    String perPerson() {
      return String.format(
          "%.2f reads + %.2f writes = %.2f calls, %.2f requests, %d tokens",
          reads / (double) people,
          writes / (double) people,
          (reads + writes) / (double) people,
          requests / (double) people,
          tokens);
    }
  }

  @Test
  void calls_per_pushed_person_by_kind() {
    int people = Integer.getInteger("push.benchmark.people", 10);
    Map<String, Map<String, Cost>> byApi = new LinkedHashMap<>();
    for (String api : APIS) {
      try (PushBenchBed bed = new PushBenchBed(api, 0, 0, config())) {
        byApi.put(api, kinds(bed, people));
      }
    }
    System.out.println("PUSH-V3-BENCH calls per pushed person (" + people + " people per kind)");
    for (String kind : byApi.get("v1").keySet()) {
      System.out.printf(
          "PUSH-V3-BENCH %-22s v1: %s | v3: %s%n",
          kind, byApi.get("v1").get(kind).perPerson(), byApi.get("v3").get(kind).perPerson());
    }
    for (String kind : byApi.get("v1").keySet()) {
      for (String api : APIS) {
        System.out.printf(
            "PUSH-V3-BENCH calls %s %s: %s%n", api, kind, byApi.get(api).get(kind).first());
      }
    }
  }

  /** Pushes {@code people} of each kind through {@code bed}, one at a time; answers each cost. */
  private static Map<String, Cost> kinds(PushBenchBed bed, int people) {
    Map<String, Cost> costs = new LinkedHashMap<>();
    Map<String, Long> created = new HashMap<>();
    String run = UUID.randomUUID().toString().substring(0, 8);
    long jobA = bed.openJobs.get(0).id();
    long jobB = bed.openJobs.get(1).id();
    long jobC = bed.openJobs.get(2).id();
    ProspectPool pool =
        bed.harvest
            .prospectPools()
            .list()
            .filter(p -> !p.prospectStages().isEmpty())
            .findFirst()
            .orElseThrow();
    Kit kit = new Kit(bed);

    // the tenant's first push also reads the lists a push resolves names against (kept an hour)
    costs.put(
        "first push of a tenant",
        measure(bed, 1, i -> kit.full("warm-" + run + "@example.org", jobA), "created", created));
    List<String> plain = new ArrayList<>();
    List<String> full = new ArrayList<>();
    costs.put(
        "candidate on a job",
        measure(
            bed,
            people,
            i -> {
              plain.add("plain-" + i + "-" + run + "@example.org");
              return candidate("Plain" + i, plain.get(i), jobA);
            },
            "created",
            created));
    costs.put(
        "+ resume, note, 2 edu, 2 emp",
        measure(
            bed,
            people,
            i -> {
              full.add("full-" + i + "-" + run + "@example.org");
              return kit.full(full.get(i), jobA);
            },
            "created",
            created));
    costs.put(
        "prospect (pool, stage, job)",
        measure(
            bed,
            people,
            i -> {
              ObjectNode body = candidate("Pro" + i, "pro-" + i + "-" + run + "@example.org", 1);
              body.putObject("target")
                  .put("type", "prospect")
                  .put("prospect_pool_id", pool.id())
                  .put("prospect_pool_stage_id", pool.prospectStages().get(0).id())
                  .putArray("job_ids")
                  .add(jobB);
              return body;
            },
            "created",
            created));
    costs.put(
        "existing person, new job",
        measure(bed, people, i -> candidate("Again" + i, plain.get(i), jobC), "linked", created));
    costs.put(
        "existing + resume, note",
        measure(
            bed,
            people,
            i -> {
              ObjectNode body = candidate("Again" + i, full.get(i), jobC);
              ((ObjectNode) body.get("person"))
                  .putArray("notes")
                  .addObject()
                  .put("body", "Pushed again");
              kit.resume(body);
              return body;
            },
            "linked",
            created));
    bed.policy("always_create");
    costs.put(
        "candidate, always_create",
        measure(
            bed,
            people,
            i -> candidate("New" + i, "new-" + i + "-" + run + "@example.org", jobA),
            "created",
            created));
    return costs;
  }

  private interface Body {
    ObjectNode make(int i);
  }

  /**
   * Pushes {@code people} bodies one after another, each run to its end by the worker, and sums the
   * calls each push recorded and the requests the sandbox counted meanwhile.
   */
  private static Cost measure(
      PushBenchBed bed, int people, Body body, String result, Map<String, Long> created) {
    long reads = 0;
    long writes = 0;
    long requests = bed.requests();
    long tokens = bed.tokens();
    List<String> first = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      ObjectNode sent = body.make(i);
      String id = bed.push(sent);
      bed.drain();
      JsonNode push = bed.pushView(id);
      assertThat(push.get("status").asText()).as(push.toString()).isEqualTo("done");
      assertThat(push.get("result").asText()).as(push.toString()).isEqualTo(result);
      String email = sent.at("/person/email_addresses/0/value").asText();
      if (result.equals("linked")) {
        // the person the earlier push created got the application, not a second profile
        assertThat(push.get("candidate_id").asLong()).isEqualTo(created.get(email));
      } else {
        created.put(email, push.get("candidate_id").asLong());
      }
      for (JsonNode call : push.get("calls")) {
        boolean read = call.get("method").asText().equals("GET");
        reads += read ? 1 : 0;
        writes += read ? 0 : 1;
        if (i == 0) {
          first.add(
              call.get("method").asText()
                  + " "
                  + call.get("path").asText().replaceAll("/\\d{3,}", "/N"));
        }
      }
    }
    return new Cost(people, reads, writes, bed.requests() - requests, bed.tokens() - tokens, first);
  }

  /** Push bodies with the parts that cost calls. */
  private static final class Kit {
    private final String school;
    private final String school2;
    private final String degree;
    private final String discipline;

    Kit(PushBenchBed bed) {
      school = bed.harvest.schools().list().findFirst().orElseThrow().name();
      school2 = bed.harvest.schools().list().skip(1).findFirst().orElseThrow().name();
      degree = bed.harvest.degrees().list().findFirst().orElseThrow().name();
      discipline = bed.harvest.disciplines().list().findFirst().orElseThrow().name();
    }

    /** A new candidate with a 20 KB resume, 2 educations, 2 employments and a note. */
    ObjectNode full(String email, long jobId) {
      ObjectNode body = candidate("Full", email, jobId);
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
      resume(body);
      return body;
    }

    void resume(ObjectNode body) {
      body.putArray("attachments")
          .addObject()
          .put("type", "resume")
          .put("filename", "cv.pdf")
          .put("content_type", "application/pdf")
          .put("content", Base64.getEncoder().encodeToString(new byte[20_000]));
    }
  }

  /** A push of a candidate on {@code jobId} with a name and one e-mail. */
  static ObjectNode candidate(String first, String email, long jobId) {
    ObjectNode body = PushBenchBed.JSON.createObjectNode().put("acting_user_id", "recruiter-1");
    ObjectNode person = body.putObject("person").put("first_name", first).put("last_name", "Bench");
    person.putArray("email_addresses").addObject().put("value", email).put("type", "personal");
    body.putObject("target").put("type", "candidate").put("job_id", jobId);
    return body;
  }

  @Test
  void pushes_per_second() {
    int count = Integer.getInteger("push.benchmark.count", 500);
    int rounds = Integer.getInteger("push.benchmark.rounds", 2);
    int v1Limit = Integer.getInteger("push.benchmark.v1RateLimit", 0);
    int v3Limit = Integer.getInteger("push.benchmark.v3RateLimit", 0);
    String policy = System.getProperty("push.benchmark.policy", "link");
    boolean full = Boolean.getBoolean("push.benchmark.full");
    for (int round = 1; round <= rounds; round++) {
      for (int k = 0; k < APIS.length; k++) {
        // alternate which version goes first: the JVM warms up under the first one
        String api = APIS[(k + round + 1) % 2];
        try (PushBenchBed bed = new PushBenchBed(api, v1Limit, v3Limit, config())) {
          bed.policy(policy);
          batch(bed, round, count, policy, full, api.equals("v1") ? v1Limit : v3Limit);
        }
      }
    }
  }

  private static void batch(
      PushBenchBed bed, int round, int count, String policy, boolean full, int limit) {
    // batches of 200 (a full push carries a 20 KB resume; a request holds at most 10 MB)
    List<ObjectNode> batches = new ArrayList<>();
    String run = UUID.randomUUID().toString().substring(0, 8);
    Kit kit = full ? new Kit(bed) : null;
    for (int i = 0; i < count; i++) {
      if (i % 200 == 0) {
        batches.add(PushBenchBed.JSON.createObjectNode());
        batches.get(batches.size() - 1).putArray("items");
      }
      String email = "r" + i + "-" + run + "@example.org";
      long job = bed.openJobs.get(i % 5).id();
      ObjectNode body = full ? kit.full(email, job) : candidate("R" + i, email, job);
      ((ArrayNode) batches.get(batches.size() - 1).get("items"))
          .add(body.put("idempotency_key", run + "-" + i));
    }
    long requests = bed.requests();
    long tokens = bed.tokens();
    ProcessCpu cpu = ProcessCpu.of(TestDatabase.shared());
    ProcessCpu.Reading cpuBefore = cpu.read();
    long started = System.nanoTime();
    List<String> batchIds = new ArrayList<>();
    for (ObjectNode batch : batches) {
      batchIds.add(bed.batch(batch));
    }
    bed.worker.start(8);
    await()
        .atMost(Duration.ofMinutes(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                batchIds.stream().allMatch(id -> bed.batchStatus(id).get("complete").asBoolean()));
    double seconds = (System.nanoTime() - started) / 1e9;
    ProcessCpu.Reading used = cpu.read().since(cpuBefore);
    long made = bed.requests() - requests;
    int window = bed.api.equals("v1") ? 10 : 30;
    double bound = limit == 0 ? Double.NaN : made * (double) window / limit;
    Map<String, Long> progress = new TreeMap<>();
    for (String id : batchIds) {
      bed.batchStatus(id)
          .get("progress")
          .fields()
          .forEachRemaining(e -> progress.merge(e.getKey(), e.getValue().asLong(), Long::sum));
    }
    System.out.printf(
        "PUSH-V3-BENCH rate round=%d api=%s policy=%s kind=%s pushes=%d wall_s=%.1f pushes_per_s=%.1f"
            + " requests=%d (%.2f/push) token_requests=%d rate_limited=%d rate_limit=%s"
            + " bound_s=%s wall_over_bound=%s cpu_ms_per_push_jvm=%.1f cpu_ms_per_push_postgres=%.1f"
            + " progress=%s%n",
        round,
        bed.api,
        policy,
        full ? "full" : "candidate",
        count,
        seconds,
        count / seconds,
        made,
        made / (double) count,
        bed.tokens() - tokens,
        bed.limited(),
        limit == 0 ? "off" : limit + "/" + window + "s",
        limit == 0 ? "n/a" : String.format("%.1f", bound),
        limit == 0 ? "n/a" : String.format("%.3f", seconds / bound),
        used.jvmSeconds() * 1000 / count,
        used.postgresSeconds() * 1000 / count,
        progress);
    assertThat(progress.get("done")).isEqualTo((long) count);
  }
}
