package io.headhuntr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** per_page, page, skip_count and the Link header, plus the list filters with documented quirks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaginationTest {
  private GreenhouseSandbox sandbox;
  private SandboxHttp http;

  @BeforeAll
  void start() {
    sandbox = GreenhouseSandbox.builder().apiKey("KEY").candidates(300).rateLimit(0).start();
    http = new SandboxHttp(sandbox.baseUrl(), "KEY", null);
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  @Test
  void link_header_has_next_prev_last_and_echoes_the_filters() {
    long job = http.get("/v1/jobs?per_page=1").json().get(0).get("id").asLong();
    SandboxHttp.Answer page2 = http.get("/v1/applications?job_id=" + job + "&per_page=2&page=2");
    String link = page2.header("Link");
    String base = sandbox.baseUrl() + "/v1/applications?job_id=" + job;

    assertThat(page2.json().size()).isEqualTo(2);
    assertThat(link).contains("<" + base + "&page=3&per_page=2>; rel=\"next\"");
    assertThat(link).contains("<" + base + "&page=1&per_page=2>; rel=\"prev\"");
    assertThat(link)
        .containsPattern(
            "<" + java.util.regex.Pattern.quote(base) + "&page=\\d+&per_page=2>; rel=\"last\"");
    assertThat(
            http.get("/v1/applications?job_id=" + job + "&per_page=2&skip_count=true")
                .header("Link"))
        .contains("rel=\"next\"")
        .doesNotContain("rel=\"last\"");
  }

  @Test
  void the_last_page_has_no_next_and_pages_do_not_overlap() {
    JsonNode all = http.get("/v1/candidates?per_page=500").json();
    int total = all.size();
    int lastPage = (total + 99) / 100;
    SandboxHttp.Answer last = http.get("/v1/candidates?page=" + lastPage);
    assertThat(last.json().size()).isEqualTo(total - 100 * (lastPage - 1));
    assertThat(last.header("Link")).doesNotContain("rel=\"next\"");
    assertThat(http.get("/v1/candidates?page=2&per_page=100").json().get(0).get("id"))
        .isEqualTo(all.get(100).get("id"));
    assertThat(http.get("/v1/candidates").json().size()).as("default per_page").isEqualTo(100);
    assertThat(http.get("/v1/candidates?page=" + (lastPage + 1)).json().size()).isZero();
  }

  @Test
  void per_page_outside_1_to_500_is_a_422() {
    for (String bad : new String[] {"0", "501", "ten"}) {
      SandboxHttp.Answer answer = http.get("/v1/jobs?per_page=" + bad);
      assertThat(answer.status()).isEqualTo(422);
      assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo("per_page");
    }
  }

  @Test
  void candidate_ids_returns_at_most_50_of_those_passing_the_other_filters() {
    long job = http.get("/v1/jobs?per_page=1").json().get(0).get("id").asLong();
    List<String> ids = new ArrayList<>();
    http.get("/v1/candidates?per_page=500").json().forEach(c -> ids.add(c.get("id").asText()));
    String csv = String.join(",", ids);
    assertThat(http.get("/v1/candidates?per_page=500&candidate_ids=" + csv).json().size())
        .isEqualTo(50);
    JsonNode onJob =
        http.get("/v1/candidates?per_page=500&job_id=" + job + "&candidate_ids=" + csv).json();
    assertThat(onJob.size())
        .isEqualTo(
            Math.min(50, http.get("/v1/candidates?per_page=500&job_id=" + job).json().size()))
        .isPositive();
  }

  @Test
  void an_unknown_application_status_answers_an_empty_list_not_an_error() {
    SandboxHttp.Answer answer = http.get("/v1/applications?status=bogus");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().size()).isZero();
    assertThat(http.get("/v1/applications?status=hired&per_page=500").json())
        .allMatch(a -> a.get("status").asText().equals("hired"));
  }

  @Test
  void users_email_filter_matches_primary_and_secondary_addresses() {
    JsonNode users = http.get("/v1/users?per_page=500").json();
    JsonNode withSecondary = null;
    for (JsonNode u : users) {
      if (u.get("emails").size() > 1) {
        withSecondary = u;
      }
    }
    assertThat(withSecondary).isNotNull();
    String secondary = withSecondary.get("emails").get(1).asText().toUpperCase();
    assertThat(http.get("/v1/users?email=" + secondary).json().get(0).get("id"))
        .isEqualTo(withSecondary.get("id"));
  }

  @Test
  void jobs_filter_by_external_department_id_and_users_carry_attributes_on_request() {
    JsonNode department = http.get("/v1/departments").json().get(0);
    JsonNode jobs =
        http.get("/v1/jobs?external_department_id=" + department.get("external_id").asText())
            .json();
    assertThat(jobs)
        .isNotEmpty()
        .allMatch(j -> j.get("departments").get(0).get("id").equals(department.get("id")));
    assertThat(http.get("/v1/users?per_page=1").json().get(0).has("custom_fields")).isFalse();
    assertThat(
            http.get("/v1/users?per_page=1&user_attributes=true")
                .json()
                .get(0)
                .has("keyed_custom_fields"))
        .isTrue();
  }

  @Test
  void created_and_updated_filters_are_inclusive_after_and_exclusive_before() {
    JsonNode first = http.get("/v1/candidates?per_page=1").json().get(0);
    String at = first.get("created_at").asText();
    assertThat(http.get("/v1/candidates?per_page=500&created_after=" + at).json())
        .anyMatch(c -> c.get("id").equals(first.get("id")));
    assertThat(http.get("/v1/candidates?per_page=500&created_before=" + at).json())
        .noneMatch(c -> c.get("id").equals(first.get("id")));
    assertThat(http.get("/v1/candidates?created_after=yesterday").status()).isEqualTo(422);
    // an offset whose '+' was not URL-encoded arrives as a space and is still understood
    String sameInstantPlusTwo =
        java.time.OffsetDateTime.parse(at)
            .withOffsetSameInstant(java.time.ZoneOffset.ofHours(2))
            .toString();
    assertThat(http.get("/v1/candidates?per_page=500&created_after=" + sameInstantPlusTwo).json())
        .anyMatch(c -> c.get("id").equals(first.get("id")));
  }

  @Test
  void job_id_on_candidates_leaves_out_prospects_while_applications_include_them() {
    for (JsonNode job : http.get("/v1/jobs?per_page=500").json()) {
      long id = job.get("id").asLong();
      JsonNode apps = http.get("/v1/applications?per_page=500&job_id=" + id).json();
      boolean hasProspect = false;
      for (JsonNode a : apps) {
        hasProspect |= a.get("prospect").asBoolean();
      }
      if (hasProspect) {
        JsonNode candidates = http.get("/v1/candidates?per_page=500&job_id=" + id).json();
        for (JsonNode c : candidates) {
          boolean applied = false;
          for (JsonNode a : c.get("applications")) {
            applied |=
                !a.get("prospect").asBoolean() && a.get("jobs").get(0).get("id").asLong() == id;
          }
          assertThat(applied)
              .as("candidate %s has a candidate application on job %s", c.get("id"), id)
              .isTrue();
        }
        return;
      }
    }
    throw new AssertionError("the seed has no prospect on a job");
  }
}
