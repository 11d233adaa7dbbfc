package io.headhuntr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * For every Harvest example of the docs (../shared/greenhouse/examples/harvest-*.json, requests
 * excluded), the sandbox's answer for the same kind of object has every key of the example with the
 * same JSON type. The docs' request examples are sent too (with the sandbox's ids put in), so the
 * sandbox also accepts what the docs show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HarvestExamplesConformanceTest {
  private GreenhouseSandbox sandbox;
  private SandboxHttp http;
  private final Map<String, JsonNode> answers = new LinkedHashMap<>();

  @BeforeAll
  void makeEveryKindOfObject() {
    Assumptions.assumeTrue(Examples.present(), Examples.SKIPPED);
    sandbox = GreenhouseSandbox.builder().apiKey("KEY").candidates(60).rateLimit(0).start();
    http = new SandboxHttp(sandbox.baseUrl(), "KEY", null);
    JsonNode admin = ok(http.get("/v1/users?per_page=1")).get(0);
    long adminId = admin.get("id").asLong();
    SandboxHttp asAdmin = http.actingAs(adminId);
    ArrayNode openJobs = (ArrayNode) ok(http.get("/v1/jobs?status=open&per_page=3"));
    long jobA = openJobs.get(0).get("id").asLong();
    long jobB = openJobs.get(1).get("id").asLong();
    JsonNode stagesA = ok(http.get("/v1/jobs/" + jobA + "/stages"));
    JsonNode pool = ok(http.get("/v1/prospect_pools")).get(0);
    JsonNode dept = ok(http.get("/v1/departments")).get(1);
    long office = admin.get("offices").get(0).get("id").asLong();

    Map<String, JsonNode> ids = new LinkedHashMap<>();
    ids.put("job_id", num(jobA));
    ids.put("job_ids", SandboxHttp.JSON.valueToTree(List.of(jobA, jobB)));
    ids.put("initial_stage_id", num(stagesA.get(1).get("id").asLong()));
    ids.put("source_id", num(ok(http.get("/v1/sources")).get(0).get("id").asLong()));
    ids.put("school_id", num(ok(http.get("/v1/schools")).get(0).get("id").asLong()));
    ids.put("degree_id", num(ok(http.get("/v1/degrees")).get(0).get("id").asLong()));
    ids.put("discipline_id", num(ok(http.get("/v1/disciplines")).get(0).get("id").asLong()));
    ids.put("user_id", SandboxHttp.JSON.getNodeFactory().textNode(Long.toString(adminId)));
    ids.put("prospect_owner_id", num(adminId));
    ids.put("prospect_pool_id", num(pool.get("id").asLong()));
    ids.put("prospect_pool_stage_id", num(pool.get("prospect_stages").get(1).get("id").asLong()));
    ids.put("prospective_department_id", num(dept.get("id").asLong()));
    ids.put("prospective_office_id", num(office));
    ObjectNode referrer = SandboxHttp.object("{\"type\":\"id\"}");
    referrer.put("value", adminId);
    ids.put("referrer", referrer);
    ids.put("recruiter", SandboxHttp.object("{\"user_id\":" + adminId + "}"));
    ids.put(
        "coordinator",
        SandboxHttp.object("{\"email\":\"" + admin.get("primary_email_address").asText() + "\"}"));

    JsonNode created =
        ok(
            asAdmin.send(
                "POST", "/v1/candidates", request("harvest-candidate-create-request.json", ids)));
    answers.put("harvest-candidate-create-response.json", created);
    long candidateId = created.get("id").asLong();
    String c = "/v1/candidates/" + candidateId;
    answers.put(
        "harvest-candidate-patch-response.json",
        ok(asAdmin.send("PATCH", c, request("harvest-candidate-patch-request.json", ids))));
    answers.put(
        "harvest-candidate-attachment-response.json",
        ok(
            asAdmin.send(
                "POST",
                c + "/attachments",
                request("harvest-candidate-attachment-request.json", ids))));
    JsonNode application =
        ok(
            asAdmin.send(
                "POST",
                c + "/applications",
                request("harvest-application-create-candidate-request.json", ids)));
    answers.put("harvest-application-create-response.json", application);
    long appId = application.get("id").asLong();
    ok(
        asAdmin.send(
            "POST",
            c + "/applications",
            request("harvest-application-create-prospect-request.json", ids)));
    ok(
        asAdmin.send(
            "POST",
            c + "/applications",
            request("harvest-application-create-prospect-nojob-request.json", ids)));
    answers.put(
        "harvest-application-attachment-response.json",
        ok(
            asAdmin.send(
                "POST",
                "/v1/applications/" + appId + "/attachments",
                request("harvest-application-attachment-request.json", ids))));
    answers.put(
        "harvest-note.json",
        ok(
            asAdmin.send(
                "POST",
                c + "/activity_feed/notes",
                request("harvest-note-create-request.json", ids))));
    answers.put(
        "harvest-email-note.json",
        ok(
            asAdmin.send(
                "POST",
                c + "/activity_feed/emails",
                request("harvest-email-note-create-request.json", ids))));
    answers.put(
        "harvest-education.json",
        ok(
            asAdmin.send(
                "POST", c + "/educations", request("harvest-education-create-request.json", ids))));
    answers.put(
        "harvest-employment.json",
        ok(
            asAdmin.send(
                "POST",
                c + "/employments",
                request("harvest-employment-create-request.json", ids))));
    answers.put(
        "harvest-application-patch-response.json",
        ok(
            asAdmin.send(
                "PATCH",
                "/v1/applications/" + appId,
                request("harvest-application-patch-request.json", ids))));
    ok(
        asAdmin.send(
            "POST",
            "/v1/applications/" + appId + "/advance",
            SandboxHttp.object("{\"from_stage_id\":" + stagesA.get(1).get("id").asLong() + "}")));
    JsonNode reasons =
        ok(http.get("/v1/applications?status=rejected&per_page=1")).get(0).get("rejection_reason");
    ok(
        asAdmin.send(
            "POST",
            "/v1/applications/" + appId + "/reject",
            SandboxHttp.object(
                "{\"rejection_reason_id\":"
                    + reasons.get("id").asLong()
                    + ",\"notes\":\"Not now\"}")));
    answers.put("harvest-application.json", ok(http.get("/v1/applications/" + appId)));
    answers.put(
        "harvest-applications-list.json",
        ok(http.get("/v1/applications?job_id=" + jobA + "&status=rejected")));
    answers.put("harvest-candidate.json", ok(http.get(c)));
    answers.put(
        "harvest-candidates-list.json",
        ok(http.get("/v1/candidates?email=john.locke@example.com")));
    answers.put("harvest-activity-feed.json", ok(http.get(c + "/activity_feed")));
    answers.put(
        "harvest-prospect-create-response.json",
        ok(
            asAdmin.send(
                "POST", "/v1/prospects", request("harvest-prospect-create-request.json", ids))));

    long dupId =
        ok(asAdmin.send(
                "POST", "/v1/candidates", request("harvest-candidate-create-request.json", ids)))
            .get("id")
            .asLong();
    ObjectNode merge = (ObjectNode) request("harvest-candidate-merge-request.json", ids);
    merge.put("primary_candidate_id", candidateId).put("duplicate_candidate_id", dupId);
    answers.put(
        "harvest-candidate-merge-response.json",
        ok(asAdmin.send("PUT", "/v1/candidates/merge", merge)));
    long doomed = ok(http.get("/v1/candidates?per_page=1")).get(0).get("id").asLong();
    answers.put(
        "harvest-candidate-delete-response.json",
        ok(asAdmin.send("DELETE", "/v1/candidates/" + doomed, null)));

    answers.put("harvest-error-404-resource-not-found.json", http.get("/v1/candidates/1").json());
    answers.put(
        "harvest-error-422-missing-field.json",
        asAdmin
            .send(
                "POST",
                c + "/activity_feed/notes",
                SandboxHttp.object("{\"user_id\":\"" + adminId + "\",\"visibility\":\"public\"}"))
            .json());
    long activeApp =
        ok(http.get("/v1/applications?status=active&per_page=1")).get(0).get("id").asLong();
    answers.put(
        "harvest-error-unreject-invalid-state.json",
        asAdmin
            .send("POST", "/v1/applications/" + activeApp + "/unreject", SandboxHttp.object("{}"))
            .json());
    answers.put(
        "harvest-error-validation-422.json",
        asAdmin
            .send(
                "POST",
                c + "/attachments",
                SandboxHttp.object(
                    "{\"filename\":\"a.pdf\",\"type\":\"selfie\",\"url\":\"https://x.example/a.pdf\"}"))
            .json());

    answers.put("harvest-job.json", ok(http.get("/v1/jobs/" + jobA)));
    answers.put("harvest-jobs-list.json", ok(http.get("/v1/jobs")));
    long postId = ok(http.get("/v1/jobs/" + jobA + "/job_post")).get("id").asLong();
    answers.put("harvest-job-post.json", ok(http.get("/v1/job_posts/" + postId)));
    answers.put("harvest-job-posts-list.json", ok(http.get("/v1/job_posts")));
    answers.put("harvest-job-post-for-job.json", ok(http.get("/v1/jobs/" + jobA + "/job_post")));
    answers.put(
        "harvest-job-posts-for-job-list.json", ok(http.get("/v1/jobs/" + jobA + "/job_posts")));
    answers.put(
        "harvest-job-stage.json",
        ok(http.get("/v1/job_stages/" + stagesA.get(2).get("id").asLong())));
    answers.put("harvest-job-stages-list.json", ok(http.get("/v1/job_stages?per_page=10")));
    answers.put(
        "harvest-job-stages-for-job-list.json", ok(http.get("/v1/jobs/" + jobA + "/stages")));
    answers.put(
        "harvest-prospect-pool.json",
        ok(http.get("/v1/prospect_pools/" + pool.get("id").asLong())));
    answers.put("harvest-prospect-pools-list.json", ok(http.get("/v1/prospect_pools")));
    answers.put("harvest-source.json", ok(http.get("/v1/sources")).get(0));
    answers.put("harvest-sources-list.json", ok(http.get("/v1/sources")));
    answers.put("harvest-user.json", ok(http.get("/v1/users/" + adminId)));
    answers.put("harvest-users-list.json", ok(http.get("/v1/users")));
    answers.put(
        "harvest-department.json", ok(http.get("/v1/departments/" + dept.get("id").asLong())));
    answers.put(
        "harvest-department-tree.json", ok(http.get("/v1/departments?render_as=tree")).get(0));
    answers.put("harvest-departments-list.json", ok(http.get("/v1/departments")));
    answers.put("harvest-degrees-list.json", ok(http.get("/v1/degrees")));
    answers.put("harvest-disciplines-list.json", ok(http.get("/v1/disciplines")));
    answers.put("harvest-schools-list.json", ok(http.get("/v1/schools")));
  }

  @AfterAll
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private static JsonNode num(long value) {
    return SandboxHttp.JSON.getNodeFactory().numberNode(value);
  }

  private static JsonNode ok(SandboxHttp.Answer answer) {
    assertThat(answer.status()).as(answer.text()).isBetween(200, 201);
    return answer.json();
  }

  /** The docs' request example with every id field replaced by one that exists in the sandbox. */
  private static JsonNode request(String example, Map<String, JsonNode> ids) {
    JsonNode body = Examples.read(example).deepCopy();
    substitute(body, ids);
    return body;
  }

  private static void substitute(JsonNode node, Map<String, JsonNode> ids) {
    if (node instanceof ObjectNode object) {
      for (String name : List.copyOf(iterable(object))) {
        if (ids.containsKey(name)) {
          object.set(name, ids.get(name).deepCopy());
        } else {
          substitute(object.get(name), ids);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(element -> substitute(element, ids));
    }
  }

  private static List<String> iterable(ObjectNode object) {
    List<String> names = new java.util.ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void every_harvest_example_of_the_docs_is_checked() {
    List<String> responses =
        Examples.names("harvest-").stream().filter(n -> !n.endsWith("-request.json")).toList();
    assertThat(answers.keySet()).containsExactlyInAnyOrderElementsOf(responses);
  }

  /**
   * The docs print the PATCH candidate answer wrapped in an array while HARVEST-V1.md (C3) says
   * "Response: candidate object"; the sandbox answers the object, compared with the array's
   * element.
   */
  private static JsonNode example(String name) {
    JsonNode example = Examples.read(name);
    return name.equals("harvest-candidate-patch-response.json") ? example.get(0) : example;
  }

  @TestFactory
  Stream<DynamicTest> each_answer_has_the_keys_and_types_of_its_example() {
    return answers.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () ->
                        assertThat(Examples.differences(example(e.getKey()), e.getValue()))
                            .as("shape of %s against %s", e.getKey(), e.getValue())
                            .isEmpty()));
  }
}
