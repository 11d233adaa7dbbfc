package io.headhuntr.harvest.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.harvest.internal.Json;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Request bodies as docs/harvest-v3-wire.md section 10 spells them (unset fields omitted, since
 * Greenhouse refuses unknown and unexpected keys), and the values refused before anything is sent.
 */
class RequestBodyTest {

  static JsonNode json(Object body) throws Exception {
    return Json.mapper().readTree(Json.mapper().writeValueAsString(body));
  }

  static JsonNode expected(String json) throws Exception {
    return Json.mapper().readTree(json);
  }

  @Test
  void a_new_candidate_sends_only_what_was_set_and_its_one_application() throws Exception {
    NewCandidate candidate =
        NewCandidate.builder("Grace", "Hopper")
            .emailAddresses(List.of(ContactDetail.of("grace@example.com", "personal")))
            .socialMediaAddresses(List.of(ContactDetail.of("https://linkedin.com/in/grace")))
            .tags(List.of("cobol"))
            .customFields(List.of(CustomFieldValue.byKey("desired_salary", "100k")))
            .application(NewCandidate.Application.forJob(6000000001L).withSource(88))
            .build();

    assertThat(json(candidate))
        .isEqualTo(
            expected(
                """
                {"first_name":"Grace","last_name":"Hopper",
                 "email_addresses":[{"value":"grace@example.com","type":"personal"}],
                 "social_media_addresses":[{"value":"https://linkedin.com/in/grace"}],
                 "tags":["cobol"],
                 "custom_fields":[{"name_key":"desired_salary","value":"100k"}],
                 "application":{"job_id":6000000001,"source_id":88}}
                """));
    assertThat(candidate.toString()).doesNotContain("Grace", "grace@example.com");
  }

  @Test
  void a_candidate_application_and_a_prospect_application_are_told_apart_on_the_wire()
      throws Exception {
    NewApplication onJob =
        NewApplication.builder(7000000001L, 6000000001L)
            .initialStage(6200000003L)
            .createdAt(Instant.parse("2026-05-11T14:54:09.123Z"))
            .build();
    NewProspectApplication prospect =
        NewProspectApplication.builder(7000000001L)
            .jobs(List.of())
            .pool(1640, 1641L)
            .owner(4000000001L)
            .build();

    assertThat(json(onJob))
        .isEqualTo(
            expected(
                """
                {"candidate_id":7000000001,"job_id":6000000001,"initial_stage_id":6200000003,
                 "created_at":"2026-05-11T14:54:09.123Z"}
                """));
    assertThat(json(prospect))
        .isEqualTo(
            expected(
                """
                {"candidate_id":7000000001,"prospect":true,"job_ids":[],
                 "prospect_pool_id":1640,"prospect_pool_stage_id":1641,"prospect_owner_id":4000000001}
                """));
    assertThat(json(prospect).get("prospect").isBoolean()).isTrue();
  }

  @Test
  void an_application_patch_names_the_pool_stage_prospect_stage_id() throws Exception {
    ApplicationPatch patch = ApplicationPatch.builder().prospectPool(1640, 1642L).build();

    assertThat(json(patch))
        .isEqualTo(expected("{\"prospect_pool_id\":1640,\"prospect_stage_id\":1642}"));
  }

  @Test
  void the_application_actions_send_their_documented_bodies() throws Exception {
    assertThat(json(Move.advanceFrom(6200000003L)))
        .isEqualTo(expected("{\"from_stage_id\":6200000003}"));
    assertThat(json(Move.toJob(1, 2, 3).withEmailFrom(4)))
        .isEqualTo(
            expected(
                "{\"from_stage_id\":1,\"to_stage_id\":3,\"to_job_id\":2,\"email_from_user_id\":4}"));
    assertThat(
            json(
                Rejection.forReason(9)
                    .withNotes("Accepted another offer")
                    .withEmail(
                        new Rejection.RejectionEmail(
                            11L, 4L, Instant.parse("2026-05-12T09:00:00.500Z")))))
        .isEqualTo(
            expected(
                """
                {"rejection_reason_id":9,"notes":"Accepted another offer",
                 "rejection_email":{"email_template_id":11,"email_from_user_id":4,
                                    "send_email_at":"2026-05-12T09:00:00.500Z"}}
                """));
    assertThat(json(Hire.defaults().withStartDate(LocalDate.of(2026, 6, 1))))
        .isEqualTo(expected("{\"start_date\":\"2026-06-01\"}"));
    assertThat(json(ConvertToCandidate.onJob(6000000001L)))
        .isEqualTo(expected("{\"job_id\":6000000001}"));
  }

  @Test
  void notes_attachments_educations_and_employments_send_their_documented_bodies()
      throws Exception {
    assertThat(json(NewNote.onApplication(8000000001L, 4000000001L, "Called", "private")))
        .isEqualTo(
            expected(
                """
                {"user_id":4000000001,"body":"Called","visibility":"private",
                 "application_id":8000000001}
                """));
    assertThat(
            json(
                NewAttachment.ofBytes(
                    8000000001L, "cv.pdf", "resume", new byte[] {1, 2, 3}, "application/pdf")))
        .isEqualTo(
            expected(
                """
                {"application_id":8000000001,"filename":"cv.pdf","type":"resume",
                 "content":"AQID","content_type":"application/pdf"}
                """));
    assertThat(json(NewAttachment.ofUrl(1, "cv.pdf", "resume", "https://files.example/cv.pdf")))
        .isEqualTo(
            expected(
                """
                {"application_id":1,"filename":"cv.pdf","type":"resume",
                 "url":"https://files.example/cv.pdf"}
                """));
    assertThat(json(new NewEducation(7, 95L, null, null, LocalDate.of(1924, 9, 1), null)))
        .isEqualTo(expected("{\"candidate_id\":7,\"school_id\":95,\"start_on\":\"1924-09-01\"}"));
    assertThat(json(new NewEmployment(7, "Harvard", "Fellow", null, null)))
        .isEqualTo(
            expected("{\"candidate_id\":7,\"company_name\":\"Harvard\",\"title\":\"Fellow\"}"));
  }

  @Test
  void a_custom_field_is_named_by_key_or_id_and_a_null_value_is_sent_to_clear_it()
      throws Exception {
    assertThat(json(CustomFieldValue.byId(12, null)))
        .isEqualTo(expected("{\"custom_field_id\":12,\"value\":null}"));
    assertThat(json(CustomFieldValue.byKey("budget", Map.of("min", 1))))
        .isEqualTo(expected("{\"name_key\":\"budget\",\"value\":{\"min\":1}}"));
  }

  @Test
  void a_webhook_sends_its_secrets_but_never_prints_them() throws Exception {
    NewWebhook webhook =
        NewWebhook.of(
                URI.create("https://hooks.example/gh"),
                "candidates",
                "update_candidate",
                WebhookSecret.of("whsec_0123456789abcdefSIGN"),
                3)
            .withBasicAuth("greenhouse", WebhookSecret.of("basic-password-0123456789PASS"))
            .withAdditionalHeaders(Map.of("X-Tenant", "tenant-token-secret"));

    assertThat(json(webhook))
        .isEqualTo(
            expected(
                """
                {"endpoint_url":"https://hooks.example/gh","name":"candidates",
                 "event_action_type":"update_candidate","secret_key":"whsec_0123456789abcdefSIGN",
                 "max_attempts":3,"basic_auth_username":"greenhouse",
                 "basic_auth_password":"basic-password-0123456789PASS",
                 "additional_headers":{"X-Tenant":"tenant-token-secret"}}
                """));
    assertThat(webhook.toString())
        .doesNotContain("whsec_0123456789abcdef", "basic-password-0123456789", "tenant-token")
        .contains("****SIGN");
    assertThat(json(WebhookPatch.deactivated(false)))
        .isEqualTo(expected("{\"deactivated\":false}"));
  }

  @Test
  void refuses_requests_missing_a_required_field_naming_it() {
    assertThatThrownBy(() -> NewCandidate.builder("Grace", " ").build())
        .hasMessage("last_name is required");
    assertThatThrownBy(() -> NewCandidate.Application.forJob(0))
        .hasMessage("job_id must be a positive id, got 0");
    assertThatThrownBy(() -> NewApplication.builder(0, 1).build())
        .hasMessage("candidate_id must be a positive id, got 0");
    assertThatThrownBy(() -> Move.advanceFrom(0))
        .hasMessage("from_stage_id must be a positive id, got 0");
    assertThatThrownBy(() -> Rejection.forReason(-1))
        .hasMessage("rejection_reason_id must be a positive id, got -1");
    assertThatThrownBy(() -> ConvertToCandidate.onJob(0))
        .hasMessage("job_id must be a positive id, got 0");
    assertThatThrownBy(() -> new NewEmployment(7, "Harvard", null, null, null))
        .hasMessage("title is required");
    assertThatThrownBy(
            () ->
                NewWebhook.of(
                    URI.create("https://hooks.example/gh"), "n", "update_candidate", null, 3))
        .hasMessage("secret_key is required");
  }

  @Test
  void refuses_a_note_without_author_body_known_visibility_or_subject() {
    assertThatThrownBy(() -> NewNote.onCandidate(7, 0, "hi", "public"))
        .hasMessage("user_id must be a positive id, got 0");
    assertThatThrownBy(() -> NewNote.onCandidate(7, 4, "", "public"))
        .hasMessage("body is required");
    assertThatThrownBy(() -> NewNote.onCandidate(7, 4, "hi", "everyone"))
        .hasMessage("visibility must be one of admin_only, private, public, got everyone");
    assertThatThrownBy(() -> new NewNote(4, "hi", "public", null, null, null))
        .hasMessage("a note needs candidate_id or application_id (or both)");
    assertThatThrownBy(() -> NewNote.onCandidate(7, 4, "hi", "public").withType("SMS"))
        .hasMessageStartingWith("note_type must be one of");
  }

  @Test
  void refuses_an_attachment_with_both_or_neither_content_and_url_or_an_unknown_type() {
    assertThatThrownBy(
            () -> new NewAttachment(1, "cv.pdf", "resume", "AQID", "https://x/cv", null, null))
        .hasMessage("an attachment needs exactly one of content or url");
    assertThatThrownBy(() -> new NewAttachment(1, "cv.pdf", "resume", null, null, null, null))
        .hasMessage("an attachment needs exactly one of content or url");
    assertThatThrownBy(() -> NewAttachment.ofUrl(1, "cv.pdf", "photo", "https://x/cv"))
        .hasMessageStartingWith("type must be one of admin_only, cover_letter, offer_packet");
    assertThat(NewAttachment.ofBytes(1, "cv.pdf", "resume", new byte[300], "application/pdf"))
        .asString()
        .contains("400 base64 chars")
        .doesNotContain("AAAA");
  }

  @Test
  void refuses_values_that_cannot_be_right() {
    assertThatThrownBy(() -> ApplicationPatch.builder().build())
        .hasMessage("an application patch needs at least one field to change");
    assertThatThrownBy(() -> CandidatePatch.builder().build())
        .hasMessage("a candidate patch needs at least one field to change");
    assertThatThrownBy(() -> new CustomFieldValue("key", 12L, "v"))
        .hasMessage("a custom field value needs exactly one of name_key or custom_field_id");
    assertThatThrownBy(
            () ->
                new NewEducation(
                    7, null, null, null, LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 1)))
        .hasMessage("end_on 2020-01-01 is before start_on 2020-01-02");
    assertThatThrownBy(
            () ->
                NewWebhook.of(
                    URI.create("hooks.example/gh"),
                    "n",
                    "update_candidate",
                    WebhookSecret.of("s"),
                    3))
        .hasMessage("endpoint_url must be an absolute http(s) URL, got hooks.example/gh");
    assertThatThrownBy(
            () ->
                NewWebhook.of(
                    URI.create("https://hooks.example/gh"),
                    "n",
                    "update_candidate",
                    WebhookSecret.of("s"),
                    0))
        .hasMessage("max_attempts must be at least 1, got 0");
    assertThatThrownBy(() -> NewProspectApplication.builder(7).jobs(List.of(1L, 0L)).build())
        .hasMessage("job_ids must be a positive id, got 0");
  }
}
