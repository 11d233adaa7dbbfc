package io.headhuntr.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.harvest.internal.Json;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Our own fixtures, written in the documented shapes, so these rules are checked without ../shared.
 */
class RecordParsingTest {
  private static <T> T read(String fixture, Class<T> type) throws Exception {
    try (InputStream in = RecordParsingTest.class.getResourceAsStream("/fixtures/" + fixture)) {
      return Json.mapper().readValue(in, type);
    }
  }

  private static <T> T parse(String json, Class<T> type) throws Exception {
    return Json.mapper().readValue(json, type);
  }

  @Test
  void tolerates_null_in_every_field_and_ignores_unknown_fields() throws Exception {
    Candidate candidate = read("candidate-all-nulls.json", Candidate.class);

    assertThat(candidate.id()).isEqualTo(5_000_000_001L);
    assertThat(candidate.attachments()).isEmpty();
    assertThat(candidate.applicationIds()).isEmpty();
    assertThat(candidate.emailAddresses()).containsExactly(new ContactDetail(null, null));
    assertThat(candidate.tags()).containsExactly("kept");
    assertThat(candidate.customFields()).isEmpty();
    // a null Greenhouse sent stays null (the mirror keeps what Greenhouse said, not a guess)
    assertThat(candidate.isPrivate()).isNull();
    Application application = candidate.applications().get(0);
    assertThat(application.id()).isEqualTo(5_000_000_002L);
    assertThat(application.jobs()).isEmpty();
    assertThat(application.answers()).isEmpty();
    assertThat(application.keyedCustomFields()).isEmpty();
  }

  @Test
  void reads_a_truncated_create_answer() throws Exception {
    Candidate created = parse("{\"id\":29843268,\"application_ids\":[38776657]}", Candidate.class);

    assertThat(created.id()).isEqualTo(29843268L);
    assertThat(created.applicationIds()).containsExactly(38776657L);
    assertThat(created.applications()).isEmpty();
  }

  @Test
  void reads_timestamps_with_or_without_fractions_offsets_or_time() throws Exception {
    Application application = read("prospect-application.json", Application.class);

    assertThat(application.appliedAt()).isEqualTo(Instant.parse("2026-02-03T16:38:46Z"));
    assertThat(application.lastActivityAt()).isEqualTo(Instant.parse("2026-02-04T07:00:00.500Z"));
    assertThat(application.attachments().get(0).createdAt())
        .isEqualTo(Instant.parse("2026-02-03T00:00:00Z"));
    assertThat(
            parse("{\"id\":1,\"created_at\":\"2016-02-03T16:38:46.985Z\"}", Job.class).createdAt())
        .isEqualTo(Instant.parse("2016-02-03T16:38:46.985Z"));
    assertThat(parse("{\"id\":1,\"created_at\":\"\"}", Job.class).createdAt()).isNull();
  }

  @Test
  void keeps_prospect_details_and_custom_fields_raw() throws Exception {
    Application application = read("prospect-application.json", Application.class);

    assertThat(application.prospect()).isTrue();
    assertThat(application.prospectDetail().prospectPool())
        .isEqualTo(new NamedRef(1640, "Sourced by Headhuntr"));
    assertThat(application.prospectDetail().prospectOwner().id()).isEqualTo(4_280_249_007L);
    assertThat(application.prospectiveOffice().location().name()).isEqualTo("Lisbon, Portugal");
    assertThat(application.prospectiveDepartment().childIds()).containsExactly(9022L);
    assertThat(application.source()).isEqualTo(new ApplicationSource(88, "Headhuntr.io"));
    assertThat(application.customFields().get("salary").get("unit").asText()).isEqualTo("EUR");
    assertThat(application.customFields()).containsKey("empty");
    assertThat(application.keyedCustomFields().get("salary").type()).isEqualTo("currency_range");
  }

  @Test
  void reads_a_department_tree_to_any_depth() throws Exception {
    Department root =
        parse(
            "{\"id\":1,\"name\":\"Tech\",\"children\":[{\"id\":2,\"name\":\"Eng\",\"children\":[{\"id\":3,"
                + "\"name\":\"Platform\",\"children\":[],\"external_id\":null}],\"external_id\":\"E\"}],"
                + "\"external_id\":\"T\"}",
            Department.class);

    assertThat(root.children().get(0).children().get(0).name()).isEqualTo("Platform");
    assertThat(root.childIds()).isEmpty();
  }

  @Test
  void reads_the_legacy_note_visibility_spelling_and_private_flag() throws Exception {
    Note note =
        parse(
            "{\"id\":1,\"body\":\"b\",\"private\":true,\"visiblity\":\"private\",\"visibility\":\"private\"}",
            Note.class);

    assertThat(note.isPrivate()).isTrue();
    assertThat(note.visiblity()).isEqualTo("private");
    assertThat(Json.mapper().valueToTree(note).has("private")).isTrue();
  }

  @Test
  void request_records_omit_unset_fields() throws Exception {
    String json = Json.mapper().writeValueAsString(NewApplication.forJob(7));

    assertThat(json).isEqualTo("{\"job_id\":7}");
  }

  @Test
  void matches_a_candidates_email_ignoring_case_and_spaces() throws Exception {
    Candidate candidate =
        parse(
            "{\"id\":1,\"email_addresses\":[{\"value\":\"John.Locke@Example.com\",\"type\":\"work\"},null]}",
            Candidate.class);

    assertThat(candidate.hasEmail(" john.locke@example.COM ")).isTrue();
    assertThat(candidate.hasEmail("john@example.com")).isFalse();
    assertThat(candidate.hasEmail(null)).isFalse();
    assertThat(Json.mapper().valueToTree(candidate).has("has_email")).isFalse();
  }

  @Test
  void a_null_flag_stays_null_and_a_sent_one_is_kept() throws Exception {
    Job job = parse("{\"id\": 1, \"confidential\": null}", Job.class);
    JobPost post =
        parse(
            "{\"id\": 2, \"live\": null, \"internal\": false, \"external\": true,"
                + " \"location\": {\"id\": 3, \"name\": \"Remote\"}}",
            JobPost.class);
    JobStage stage = parse("{\"id\": 4}", JobStage.class);

    assertThat(job.confidential()).isNull();
    assertThat(post.live()).isNull();
    assertThat(post.internal()).isFalse();
    assertThat(post.external()).isTrue();
    assertThat(post.location().name()).isEqualTo("Remote");
    assertThat(stage.active()).as("absent is unknown too").isNull();
  }
}
