package io.headhuntr.sandbox.v3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Harvest v3 lists against a started sandbox: cursor pages, filters, records (sections 8-9). */
class V3ListsTest {
  private static final int PEOPLE = 3000;

  private static GreenhouseSandbox sandbox;
  private static V3Client v3;

  @BeforeAll
  static void start() {
    sandbox =
        GreenhouseSandbox.builder()
            .seed(SandboxSeed.DEMO)
            .candidates(PEOPLE)
            .v3RateLimit(0)
            .start();
    v3 = V3Client.custom(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** Follows Link rel=next to the end; every page is a JSON array. */
  private static List<JsonNode> all(String firstPath) {
    List<JsonNode> rows = new ArrayList<>();
    V3Client.Answer page = v3.get(firstPath);
    while (true) {
      assertThat(page.status()).as(page.text()).isEqualTo(200);
      page.json().forEach(rows::add);
      String link = page.header("Link");
      if (link == null) {
        return rows;
      }
      assertThat(link)
          .matches("<http://127\\.0\\.0\\.1:\\d+/v3/[a-z_]+\\?cursor=[^&>]+>; rel=\"next\"");
      page = v3.follow(link.substring(1, link.indexOf('>')));
    }
  }

  private static List<Long> ids(List<JsonNode> rows) {
    return rows.stream().map(r -> r.get("id").asLong()).toList();
  }

  @Test
  void pages_through_every_candidate_by_cursor_without_duplicates_or_gaps() {
    List<Long> ids = ids(all("/v3/candidates?per_page=500"));

    assertThat(ids).hasSize(PEOPLE).doesNotHaveDuplicates();
    assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void pages_applications_per_candidate_page_with_candidate_ids() {
    List<JsonNode> page = new ArrayList<>();
    v3.get("/v3/candidates?per_page=50").json().forEach(page::add);
    String candidateIds = String.join(",", page.stream().map(c -> c.get("id").asText()).toList());

    List<JsonNode> apps = all("/v3/applications?per_page=7&candidate_ids=" + candidateIds);

    Set<Long> owners = new HashSet<>();
    apps.forEach(a -> owners.add(a.get("candidate_id").asLong()));
    assertThat(owners).hasSize(50); // every seeded person has at least one application
    assertThat(ids(apps)).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void a_page_holds_per_page_rows_and_the_last_page_has_no_link() {
    V3Client.Answer first = v3.get("/v3/jobs?per_page=2");
    assertThat(first.json()).hasSize(2);
    assertThat(first.header("Link")).contains("rel=\"next\"").doesNotContain("prev", "last");
    V3Client.Answer everything = v3.get("/v3/jobs?per_page=500");
    assertThat(everything.header("Link")).isNull();
  }

  @Test
  void rejects_a_cursor_combined_with_another_parameter() {
    String link = v3.get("/v3/candidates?per_page=5").header("Link");
    String next = link.substring(link.indexOf("/v3/"), link.indexOf('>'));

    V3Client.Answer answer = v3.get(next + "&per_page=10");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.errorField()).isEqualTo("cursor");
  }

  @Test
  void rejects_a_cursor_that_does_not_decode() {
    V3Client.Answer answer = v3.get("/v3/candidates?cursor=not-a-cursor");
    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.errorField()).isEqualTo("cursor");
  }

  @Test
  void rejects_per_page_over_500_and_more_than_50_ids() {
    assertThat(v3.get("/v3/candidates?per_page=501").errorField()).isEqualTo("per_page");
    StringBuilder ids = new StringBuilder("1");
    for (int i = 2; i <= 51; i++) {
      ids.append(',').append(i);
    }
    V3Client.Answer answer = v3.get("/v3/applications?candidate_ids=" + ids);
    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.errorField()).isEqualTo("candidate_ids");
  }

  @Test
  void reads_one_record_by_ids_and_answers_404_to_get_by_id() {
    JsonNode first = v3.get("/v3/candidates?per_page=1").json().get(0);
    long id = first.get("id").asLong();

    JsonNode one = v3.get("/v3/candidates?ids=" + id).json();

    assertThat(one).hasSize(1);
    assertThat(one.get(0)).isEqualTo(first);
    V3Client.Answer byId = v3.get("/v3/candidates/" + id);
    assertThat(byId.status()).isEqualTo(404);
    assertThat(byId.json().path("message").asText()).isEqualTo("Resource not found");
  }

  @Test
  void filters_candidates_by_any_email_case_insensitively() {
    JsonNode someone = v3.get("/v3/candidates?per_page=1").json().get(0);
    String email = someone.path("email_addresses").get(0).path("value").asText();

    JsonNode found = v3.get("/v3/candidates?email=" + V3Client.enc(email.toUpperCase())).json();

    assertThat(ids(list(found))).containsExactly(someone.get("id").asLong());
  }

  @Test
  void status_active_matches_in_process_applications() {
    JsonNode active = v3.get("/v3/applications?status=active&per_page=200").json();
    JsonNode rejected = v3.get("/v3/applications?status=rejected&per_page=200").json();

    assertThat(list(active))
        .isNotEmpty()
        .allMatch(a -> a.get("status").asText().equals("in_process"));
    assertThat(list(rejected))
        .isNotEmpty()
        .allMatch(a -> a.get("status").asText().equals("rejected"));
    assertThat(v3.get("/v3/applications?status=open").errorField()).isEqualTo("status");
  }

  @Test
  void filters_by_time_ranges() {
    List<JsonNode> before =
        list(v3.get("/v3/candidates?per_page=500&created_at=lt%7C2025-03-01T00:00:00Z").json());
    List<JsonNode> window =
        list(
            v3.get(
                    "/v3/candidates?per_page=500&created_at=gte%7C2025-03-01T00:00:00Z"
                        + "%7Clt%7C2025-04-01T00:00:00Z")
                .json());

    assertThat(before)
        .isNotEmpty()
        .allMatch(c -> c.get("created_at").asText().compareTo("2025-03") < 0);
    assertThat(window)
        .isNotEmpty()
        .allMatch(c -> c.get("created_at").asText().startsWith("2025-03"));
    assertThat(v3.get("/v3/candidates?updated_at=since%7Cx").errorField()).isEqualTo("updated_at");
  }

  @Test
  void writes_candidates_and_applications_in_v3_fields_with_null_references() {
    JsonNode candidate = v3.get("/v3/candidates?per_page=1").json().get(0);
    assertThat(fieldNames(candidate))
        .containsExactly(
            "id",
            "first_name",
            "last_name",
            "company",
            "title",
            "private",
            "can_email",
            "email_addresses",
            "phone_numbers",
            "addresses",
            "website_addresses",
            "social_media_addresses",
            "tags",
            "custom_fields",
            "created_at",
            "updated_at",
            "last_activity_at");
    assertThat(candidate.get("created_at").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

    JsonNode prospect =
        list(v3.get("/v3/applications?per_page=500").json()).stream()
            .filter(a -> a.get("prospect").asBoolean())
            .findFirst()
            .orElseThrow();
    assertThat(prospect.get("job_id").isNull()).isTrue();
    assertThat(prospect.get("prospect_pool_id").isNumber()).isTrue();
    assertThat(prospect.has("current_stage")).isFalse();
  }

  @Test
  void every_seeded_candidate_application_has_one_current_stage_row() {
    JsonNode apps = v3.get("/v3/applications?status=active&per_page=50").json();
    List<JsonNode> candidateApps =
        list(apps).stream().filter(a -> !a.get("prospect").asBoolean()).toList();
    String appIds =
        String.join(",", candidateApps.stream().map(a -> a.get("id").asText()).toList());

    List<JsonNode> stages = all("/v3/application_stages?application_ids=" + appIds);

    assertThat(stages).hasSize(candidateApps.size());
    assertThat(stages).allMatch(s -> s.get("exited_at").isNull());
  }

  @Test
  void lists_one_rejection_detail_per_rejected_application() {
    List<JsonNode> rejected = list(v3.get("/v3/applications?status=rejected&per_page=20").json());
    String ids = String.join(",", rejected.stream().map(a -> a.get("id").asText()).toList());

    List<JsonNode> details = all("/v3/rejection_details?application_ids=" + ids);

    assertThat(details).hasSize(rejected.size());
    assertThat(details).allMatch(d -> d.get("rejection_reason_id").isNumber());
  }

  @Test
  void lists_the_reference_resources() {
    for (String resource :
        List.of(
            "users",
            "user_emails",
            "departments",
            "offices",
            "sources",
            "job_posts",
            "job_interview_stages",
            "prospect_pools",
            "prospect_pool_stages",
            "rejection_reasons",
            "notes",
            "attachments",
            "candidate_educations",
            "candidate_employments",
            "custom_field_options")) {
      V3Client.Answer answer = v3.get("/v3/" + resource + "?per_page=3");
      assertThat(answer.status()).as(resource + ": " + answer.text()).isEqualTo(200);
      assertThat(answer.json()).as(resource).hasSize(3);
    }
    assertThat(list(v3.get("/v3/custom_field_options?custom_field_key=degree").json()))
        .allMatch(o -> o.get("custom_field_key").asText().equals("degree"));
    assertThat(list(v3.get("/v3/users?per_page=500").json()))
        .noneMatch(u -> u.get("service_user").asBoolean());
    assertThat(list(v3.get("/v3/users?per_page=500&show_service_accounts=true").json()))
        .anyMatch(u -> u.get("service_user").asBoolean());
  }

  static List<JsonNode> list(JsonNode array) {
    List<JsonNode> rows = new ArrayList<>();
    array.forEach(rows::add);
    return rows;
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
