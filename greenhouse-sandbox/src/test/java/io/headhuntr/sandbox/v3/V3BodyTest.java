package io.headhuntr.sandbox.v3;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.sandbox.json.Json;
import org.junit.jupiter.api.Test;

/** Strict write bodies: unknown fields at any level and wrong kinds are 422s naming the field. */
class V3BodyTest {

  private static JsonNode json(String text) throws Exception {
    return Json.MAPPER.readTree(text);
  }

  private static void refused(String body, Shape shape, String field) throws Exception {
    JsonNode node = json(body);
    assertThatThrownBy(() -> V3Body.check(node, shape, ""))
        .isInstanceOfSatisfying(
            V3Failure.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(
                        e.body().path("errors").path(0).path("field").asText())
                    .isEqualTo(field));
  }

  @Test
  void accepts_a_full_candidate_create() throws Exception {
    JsonNode body =
        json(
            "{\"first_name\":\"Ada\",\"last_name\":\"L\",\"email_addresses\":[{\"value\":\"a@x\","
                + "\"type\":\"work\"}],\"tags\":[\"x\"],\"custom_fields\":[{\"name_key\":\"k\","
                + "\"value\":3}],\"application\":{\"job_id\":4000000001,\"source_id\":\"12\"}}");
    assertThatCode(() -> V3Body.check(body, CandidateWrites.CREATE, "")).doesNotThrowAnyException();
  }

  @Test
  void names_an_unknown_field_at_the_top_level() throws Exception {
    refused("{\"first_name\":\"A\",\"nickname\":\"x\"}", CandidateWrites.CREATE, "nickname");
  }

  @Test
  void names_an_unknown_field_inside_a_nested_object() throws Exception {
    refused(
        "{\"application\":{\"job_id\":1,\"stage\":2}}",
        CandidateWrites.CREATE,
        "application.stage");
  }

  @Test
  void names_an_unknown_field_inside_an_array_item() throws Exception {
    refused(
        "{\"email_addresses\":[{\"value\":\"a@x\",\"type\":\"work\",\"primary\":true}]}",
        CandidateWrites.CREATE,
        "email_addresses.primary");
  }

  @Test
  void prospect_must_be_a_json_boolean() throws Exception {
    refused("{\"candidate_id\":1,\"prospect\":\"true\"}", ApplicationWrites.CREATE, "prospect");
  }

  @Test
  void ids_must_be_integers() throws Exception {
    refused("{\"from_stage_id\":\"first\"}", ApplicationWrites.MOVE, "from_stage_id");
    refused("{\"from_stage_id\":1.5}", ApplicationWrites.MOVE, "from_stage_id");
  }

  @Test
  void unreject_takes_an_empty_object_only() throws Exception {
    assertThatCode(() -> V3Body.check(json("{}"), ApplicationWrites.UNREJECT, ""))
        .doesNotThrowAnyException();
    refused("{\"notes\":\"x\"}", ApplicationWrites.UNREJECT, "notes");
  }
}
