package io.headhuntr.sandbox.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The conversions of WEBHOOKS.md section 9, value by value. */
class WebhookPayloadsTest {

  private final FixtureStore store = new FixtureStore();
  private final WebhookPayloads payloads = new WebhookPayloads(store);

  @Test
  void application_carries_the_full_candidate_and_full_jobs_with_webhook_conversions() {
    JsonNode app = payloads.application(store.application("active")).get("application");

    assertThat(app.get("url").asText())
        .isEqualTo("https://app.greenhouse.io/people/5310000001?application_id=6200000001");
    assertThat(app.get("applied_at").asText()).isEqualTo("2024-02-01T09:20:00Z");
    assertThat(app.get("source").get("public_name").asText()).isEqualTo("Headhuntr.io");
    assertThat(app.get("source").get("name").asText()).isEqualTo("Headhuntr.io");
    JsonNode credited = app.get("credited_to");
    assertThat(credited.get("id").asLong()).isEqualTo(4280249002L);
    assertThat(credited.get("email").asText()).isEqualTo("bruno.diaz@acme.example");
    assertThat(credited.get("name").asText()).isEqualTo("Bruno Díaz");
    assertThat(credited.get("employee_id").asText()).isEqualTo("EMP-002");
    assertThat(credited.has("first_name")).isFalse();
    assertThat(app.get("custom_fields").get("agency_fee").get("value").asText()).isEqualTo("20%");

    JsonNode job = app.get("jobs").get(0);
    assertThat(job.get("departments").get(0).get("external_id").asText()).isEqualTo("dept-eng");
    assertThat(job.get("offices").get(0).get("location").asText())
        .isEqualTo("London, United Kingdom");
    assertThat(job.get("job_post_id").asLong()).isEqualTo(4800000001L);
    assertThat(job.get("created_by_id").asLong()).isEqualTo(4280249001L);
    assertThat(job.get("hiring_team").get("recruiters").get(0).get("user_id").asLong())
        .isEqualTo(4280249002L);
    assertThat(job.get("hiring_team").get("recruiters").get(0).has("responsible")).isFalse();
    assertThat(job.get("openings").get(0).get("opening_id").asText()).isEqualTo("ENG-1");
    assertThat(job.get("openings").get(0).has("status")).isFalse();
  }

  @Test
  void current_stage_lists_the_stage_interviews() {
    JsonNode stage =
        payloads.application(store.application("active")).at("/application/current_stage");

    assertThat(stage.get("name").asText()).isEqualTo("Phone Screen");
    JsonNode interview = stage.get("interviews").get(0);
    assertThat(interview.get("name").asText()).isEqualTo("Recruiter call");
    assertThat(interview.get("status").asText()).isEqualTo("to_be_scheduled");
    assertThat(interview.at("/interview_kit/url").asText())
        .isEqualTo(
            "https://app.greenhouse.io/guides/4600000001/people/5310000001?application_id=6200000001");
    assertThat(interview.at("/interview_kit/questions/0/question").asText())
        .isEqualTo("Why payments?");
    assertThat(interview.at("/interviewers/0/display_name").asText()).isEqualTo("Bruno Díaz");
  }

  @Test
  void candidate_dates_users_and_custom_fields_take_the_webhook_forms() {
    JsonNode c = payloads.candidate(store.candidate()).get("candidate");

    assertThat(c.at("/educations/0/start_date").asText()).isEqualTo("09/15/2001");
    assertThat(c.at("/educations/0/end_date").asText()).isEqualTo("05/15/2004");
    assertThat(c.at("/employments/0/start_date").asText()).isEqualTo("08/15/2012");
    assertThat(c.at("/educations/0").has("id")).isFalse();
    assertThat(c.at("/recruiter/email").asText()).isEqualTo("bruno.diaz@acme.example");
    assertThat(c.at("/coordinator/employee_id").asText()).isEqualTo("EMP-003");
    assertThat(c.at("/attachments/0").has("created_at")).isFalse();
    assertThat(c.at("/custom_fields/work_remotely/type").asText()).isEqualTo("boolean");
    assertThat(c.at("/custom_fields/work_remotely/value").booleanValue()).isTrue();
    assertThat(c.get("url").asText()).isEqualTo("https://app.greenhouse.io/people/5310000001");
    assertThat(c.get("external_id").asText()).isEqualTo("hh-778899");
    assertThat(c.get("created_at").asText()).isEqualTo("2024-02-01T09:15:30Z");
  }

  @Test
  void a_hired_application_carries_offer_opening_and_the_deprecated_job() {
    JsonNode app = payloads.application(store.application("hired")).get("application");

    assertThat(app.at("/offer/id").asLong()).isEqualTo(4900000001L);
    assertThat(app.at("/offer/starts_at").asText()).isEqualTo("2024-03-01");
    assertThat(app.at("/offer/custom_fields/salary/value/amount").asInt()).isEqualTo(80000);
    assertThat(app.at("/opening/opening_id").asText()).isEqualTo("ANA-1");
    assertThat(app.at("/job/open_date").asText()).isEqualTo("2023-06-11T08:00:00Z");
    assertThat(app.at("/job/close_date").asText()).isEqualTo("2024-02-20T17:30:00Z");
    assertThat(app.at("/job/offices/0/location").asText()).isEqualTo("New York, NY");
  }

  @Test
  void without_a_stored_offer_the_hire_derives_one_and_finds_the_opening_on_the_job() {
    WebhookPayloads noOffers =
        new WebhookPayloads(
            new SandboxLookups() {
              public Optional<ObjectNode> user(long id) {
                return store.user(id);
              }

              public Optional<ObjectNode> candidate(long id) {
                return store.candidate(id);
              }

              public Optional<ObjectNode> job(long id) {
                return store.job(id);
              }
            });

    JsonNode app = noOffers.application(store.application("hired")).get("application");

    assertThat(app.at("/offer/id").asLong()).isEqualTo(6200000003L);
    assertThat(app.at("/offer/starts_at").asText()).isEqualTo("2024-02-15");
    assertThat(app.at("/opening/opening_id").asText()).isEqualTo("ANA-1");
    assertThat(app.at("/jobs/0/job_post_id").isNull()).isTrue();
  }

  @Test
  void only_hired_applications_carry_an_offer() {
    assertThat(payloads.application(store.application("active")).get("application").has("offer"))
        .isFalse();
  }

  @Test
  void a_prospect_has_no_current_stage_and_keeps_its_prospect_detail() {
    JsonNode app = payloads.application(store.application("prospect")).get("application");

    assertThat(app.get("prospect").booleanValue()).isTrue();
    assertThat(app.get("current_stage").isNull()).isTrue();
    assertThat(app.at("/prospect_detail/prospect_pool/name").asText()).isEqualTo("Fintech talent");
  }

  @Test
  void a_rejected_application_carries_reason_and_keyed_rejection_details() {
    JsonNode app = payloads.application(store.application("rejected")).get("application");

    assertThat(app.get("status").asText()).isEqualTo("rejected");
    assertThat(app.at("/rejection_reason/type/name").asText()).isEqualTo("We rejected them");
    assertThat(app.at("/rejection_details/custom_fields/rejection_note/value").asText())
        .isEqualTo("Not enough Go");
  }

  @Test
  void deletes_use_flat_ids_and_person_with_user_ids() {
    JsonNode deleted =
        payloads
            .deletedApplication(store.application("rejected"), OptionalLong.of(4280249001L))
            .get("application");
    JsonNode person = payloads.deletedPerson(store.candidate(), List.of(1L, 2L)).get("person");
    JsonNode merged = payloads.mergedPerson(store.candidate(), 99L).get("person");

    assertThat(deleted.get("job_id").asLong()).isEqualTo(4100000001L);
    assertThat(deleted.get("source_id").asLong()).isEqualTo(4950000001L);
    assertThat(deleted.get("candidate_rejection_reason_id").asLong()).isEqualTo(4960000001L);
    assertThat(deleted.get("rejected_by_user_id").asLong()).isEqualTo(4280249001L);
    assertThat(deleted.get("created_at").asText()).isEqualTo("2024-01-20T09:20:00Z");
    assertThat(person.get("recruiter_user_id").asLong()).isEqualTo(4280249002L);
    assertThat(person.get("deleted_application_ids")).hasSize(2);
    assertThat(person.get("headline").asText()).isEqualTo("Builds payment systems");
    assertThat(merged.get("new_candidate_id").asLong()).isEqualTo(99L);
    assertThat(merged.has("deleted_application_ids")).isFalse();
  }

  @Test
  void job_posts_have_a_string_location_and_job_board_question_types() {
    JsonNode post = payloads.jobPost(store.jobPost());
    JsonNode deleted = payloads.deletedJobPost(store.jobPost());

    assertThat(post.get("location").asText()).isEqualTo("London, UK");
    assertThat(post.at("/questions/0/type").asText()).isEqualTo("input_text");
    assertThat(post.at("/questions/1/type").asText()).isEqualTo("multi_value_single_select");
    assertThat(post.at("/questions/1/values/1").asText()).isEqualTo("Yes");
    assertThat(post.at("/questions/0").has("name")).isFalse();
    assertThat(deleted.get("job_post")).isEqualTo(post);
  }

  @Test
  void job_approved_and_stage_deleted_and_anonymized_have_their_roots() {
    JsonNode approved = payloads.jobApproved(store.job(0), "offer_job");

    assertThat(approved.at("/approval_flow/approval_flow_type").asText()).isEqualTo("offer_job");
    assertThat(approved.at("/job/name").asText()).isEqualTo("Backend Engineer");
    assertThat(
            payloads.jobStageDeleted(store.jobStage()).at("/job_interview_stage/job_id").asLong())
        .isEqualTo(4100000001L);
    assertThat(
            payloads.anonymized(7L, List.of("full_name")).get("anonymized_fields").get(0).asText())
        .isEqualTo("full_name");
    assertThat(payloads.deletedJob(store.job(1)).get("job")).hasSize(2);
    assertThatThrownBy(() -> payloads.jobApproved(store.job(0), "close_job"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("close_job");
  }

  @Test
  void raw_custom_fields_become_keyed_when_the_store_keeps_no_keyed_form() throws Exception {
    ObjectNode job = store.job(0);
    job.remove("keyed_custom_fields");
    job.set(
        "custom_fields",
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                "{\"employment_type\": \"Full-time\", \"remote\": true, \"levels\": [\"L3\", \"L4\"],"
                    + " \"salary_range\": {\"min_value\": 1, \"max_value\": 2, \"unit\": \"USD\"}}"));

    JsonNode fields = payloads.job(job).at("/job/custom_fields");

    assertThat(fields.at("/employment_type/name").asText()).isEqualTo("Employment type");
    assertThat(fields.at("/employment_type/type").asText()).isEqualTo("short_text");
    assertThat(fields.at("/remote/type").asText()).isEqualTo("boolean");
    assertThat(fields.at("/levels/type").asText()).isEqualTo("multi_select");
    assertThat(fields.at("/salary_range/type").asText()).isEqualTo("currency_range");
    assertThat(fields.at("/salary_range/value/unit").asText()).isEqualTo("USD");
  }

  @Test
  void sparse_inputs_give_nulls_and_empty_lists_rather_than_failures() {
    SandboxLookups nothing =
        new SandboxLookups() {
          public Optional<ObjectNode> user(long id) {
            return Optional.empty();
          }

          public Optional<ObjectNode> candidate(long id) {
            return Optional.empty();
          }

          public Optional<ObjectNode> job(long id) {
            return Optional.empty();
          }
        };
    ObjectNode sparse =
        (ObjectNode)
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode()
                .put("id", 1L)
                .put("candidate_id", 2L)
                .put("status", "hired");

    JsonNode app = new WebhookPayloads(nothing).application(sparse).get("application");

    assertThat(app.get("candidate").get("id").asLong()).isEqualTo(2L);
    assertThat(app.get("candidate").get("educations")).isEmpty();
    assertThat(app.get("jobs")).isEmpty();
    assertThat(app.get("credited_to").isNull()).isTrue();
    assertThat(app.get("current_stage").isNull()).isTrue();
    assertThat(app.get("job").isNull()).isTrue();
    assertThat(app.at("/opening/opening_id").isNull()).isTrue();
  }
}
