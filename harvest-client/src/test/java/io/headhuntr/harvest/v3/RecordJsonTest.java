package io.headhuntr.harvest.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.harvest.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every v3 record reads a fixture written here in the shape of docs/harvest-v3-wire.md section 9
 * (plus one key Greenhouse might add), and writes it back without losing or changing a key.
 */
class RecordJsonTest {

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("users.json", User.class),
        Arguments.of("user_emails.json", UserEmail.class),
        Arguments.of("departments.json", Department.class),
        Arguments.of("offices.json", Office.class),
        Arguments.of("sources.json", Source.class),
        Arguments.of("jobs.json", Job.class),
        Arguments.of("job_posts.json", JobPost.class),
        Arguments.of("job_interview_stages.json", JobInterviewStage.class),
        Arguments.of("prospect_pools.json", ProspectPool.class),
        Arguments.of("prospect_pool_stages.json", ProspectPoolStage.class),
        Arguments.of("candidates.json", Candidate.class),
        Arguments.of("applications.json", Application.class),
        Arguments.of("prospect_application.json", Application.class),
        Arguments.of("application_stages.json", ApplicationStage.class),
        Arguments.of("rejection_reasons.json", RejectionReason.class),
        Arguments.of("rejection_details.json", RejectionDetail.class),
        Arguments.of("notes.json", Note.class),
        Arguments.of("attachments.json", Attachment.class),
        Arguments.of("candidate_educations.json", CandidateEducation.class),
        Arguments.of("candidate_employments.json", CandidateEmployment.class),
        Arguments.of("custom_field_options.json", CustomFieldOption.class),
        Arguments.of("webhooks.json", Webhook.class));
  }

  static JsonNode tree(String fixture) throws IOException {
    try (InputStream in = RecordJsonTest.class.getResourceAsStream("/v3/" + fixture)) {
      assertThat(in).as(fixture).isNotNull();
      return Json.mapper().readTree(in);
    }
  }

  static <T> T read(String fixture, Class<T> type) throws IOException {
    return Json.mapper().treeToValue(tree(fixture), type);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void reads_a_record_and_writes_it_back_without_losing_a_key(String fixture, Class<?> type)
      throws Exception {
    JsonNode original = tree(fixture);

    Object record = Json.mapper().treeToValue(original, type);
    // Through text, as it would be stored or sent: numbers then parse to the same node types.
    JsonNode written = Json.mapper().readTree(Json.mapper().writeValueAsString(record));

    assertThat(written).as(fixture).isEqualTo(original);
  }

  @Test
  void reads_every_documented_user_field() throws Exception {
    User user = read("users.json", User.class);

    assertThat(user.id()).isEqualTo(4_000_000_001L);
    assertThat(user.primaryEmail()).isEqualTo("ada@acme.example");
    assertThat(user.siteAdmin()).isTrue();
    assertThat(user.serviceUser()).isFalse();
    assertThat(user.officeIds()).containsExactly(5_000_000_001L);
    assertThat(user.departmentIds()).isEmpty();
    assertThat(user.updatedAt()).isEqualTo(Instant.parse("2026-05-11T14:54:09.456Z"));
    assertThat(user.extras().get("future_field").get("nested").size()).isEqualTo(2);
  }

  @Test
  void reads_absent_references_as_null_never_zero() throws Exception {
    Application application = read("applications.json", Application.class);

    assertThat(application.referrerId()).isNull();
    assertThat(application.prospectPoolId()).isNull();
    assertThat(application.rejectedAt()).isNull();
    assertThat(application.sourceId()).isEqualTo(88L);
    assertThat(application.status()).isEqualTo("in_process");
    assertThat(application.customFields().get("referral_bonus").asBoolean()).isTrue();
  }

  @Test
  void reads_a_prospect_application_with_its_pool_and_prospective_jobs() throws Exception {
    Application prospect = read("prospect_application.json", Application.class);

    assertThat(prospect.prospect()).isTrue();
    assertThat(prospect.jobId()).isNull();
    assertThat(prospect.prospectiveJobIds()).containsExactly(6_000_000_001L, 6_000_000_002L);
    assertThat(prospect.prospectPoolStageId()).isEqualTo(1641L);
    assertThat(prospect.prospectOwnerId()).isEqualTo(4_000_000_001L);
  }

  @Test
  void reads_a_candidate_with_private_flag_contacts_and_raw_custom_fields() throws Exception {
    Candidate candidate = read("candidates.json", Candidate.class);

    assertThat(candidate.isPrivate()).isTrue();
    assertThat(candidate.canEmail()).isTrue();
    assertThat(candidate.emailAddresses())
        .containsExactly(
            ContactDetail.of("grace@example.com", "personal"),
            ContactDetail.of("GH@work.example", "work"));
    assertThat(candidate.socialMediaAddresses())
        .containsExactly(ContactDetail.of("https://linkedin.com/in/grace"));
    assertThat(candidate.tags()).containsExactly("cobol", "compilers");
    assertThat(candidate.customFields()).containsKey("clearance");
    assertThat(candidate.customFields().get("clearance").isNull()).isTrue();
    assertThat(candidate.lastActivityAt()).isEqualTo(Instant.parse("2026-05-12T08:00:00.789Z"));
    assertThat(candidate.hasEmail(" gh@WORK.example ")).isTrue();
    assertThat(candidate.hasEmail("grace@other.example")).isFalse();
  }

  @Test
  void reads_on_fields_as_dates_and_nested_types_as_refs() throws Exception {
    CandidateEducation education = read("candidate_educations.json", CandidateEducation.class);
    CandidateEmployment employment = read("candidate_employments.json", CandidateEmployment.class);
    Source source = read("sources.json", Source.class);

    assertThat(education.startOn()).isEqualTo(LocalDate.of(1924, 9, 1));
    assertThat(education.disciplineId()).isNull();
    assertThat(employment.endOn()).isNull();
    assertThat(source.type()).isEqualTo(new NamedRef(5L, "Third party"));
  }

  @Test
  void tells_the_current_application_stage_by_its_missing_exit() throws Exception {
    ApplicationStage current = read("application_stages.json", ApplicationStage.class);
    ApplicationStage left =
        Json.mapper()
            .readValue(
                "{\"id\":1,\"application_id\":2,\"exited_at\":\"2026-03-02T00:00:00.5Z\"}",
                ApplicationStage.class);

    assertThat(current.isCurrent()).isTrue();
    assertThat(left.isCurrent()).isFalse();
  }

  @Test
  void reads_a_webhook_and_its_last_delivery() throws Exception {
    Webhook webhook = read("webhooks.json", Webhook.class);

    assertThat(webhook.maxAttempts()).isEqualTo(3);
    assertThat(webhook.lastDelivered()).isEqualTo(Instant.parse("2026-05-11T14:54:09.999Z"));
    assertThat(webhook.extras()).containsOnlyKeys("ping_status");
  }

  @Test
  void treats_null_lists_and_maps_as_empty() throws Exception {
    Candidate sparse =
        Json.mapper()
            .readValue(
                "{\"id\":1,\"tags\":null,\"email_addresses\":[null],\"custom_fields\":null}",
                Candidate.class);

    assertThat(sparse.tags()).isEmpty();
    assertThat(sparse.emailAddresses()).isEmpty();
    assertThat(sparse.customFields()).isEmpty();
    assertThat(sparse.extras()).isEmpty();
  }

  @Test
  void reads_a_candidate_create_answer_with_or_without_an_application() throws Exception {
    String candidate = tree("candidates.json").toString();
    String application = tree("applications.json").toString();

    CreatedCandidate both =
        Json.mapper()
            .readValue(
                "{\"candidate\":" + candidate + ",\"application\":" + application + "}",
                CreatedCandidate.class);
    CreatedCandidate alone =
        Json.mapper()
            .readValue(
                "{\"candidate\":" + candidate + ",\"application\":null}", CreatedCandidate.class);

    assertThat(both.candidate().id()).isEqualTo(7_000_000_001L);
    assertThat(both.application()).get().extracting(Application::id).isEqualTo(8_000_000_001L);
    assertThat(alone.application()).isEmpty();
    assertThatThrownBy(
            () -> Json.mapper().readValue("{\"application\":null}", CreatedCandidate.class))
        .hasRootCauseMessage("a candidate create answered without a candidate");
  }
}
