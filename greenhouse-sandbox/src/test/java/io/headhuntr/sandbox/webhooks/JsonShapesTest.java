package io.headhuntr.sandbox.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The shape comparison itself catches what it must, so a green conformance test means something.
 */
class JsonShapesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void reports_missing_keys_wrong_types_nulls_and_empty_arrays() throws Exception {
    var example =
        JSON.readTree(
            "{\"a\":{\"id\":1,\"name\":\"x\",\"tags\":[\"t\"],\"offices\":[{\"location\":\"NY\"}],\"n\":null}}");
    var actual =
        JSON.readTree(
            "{\"a\":{\"id\":\"1\",\"tags\":[],\"offices\":[{\"location\":{\"name\":\"NY\"}}],\"n\":5}}");

    assertThat(JsonShapes.mismatches(example, actual))
        .containsExactlyInAnyOrder(
            "$.a.id: string where the example has number",
            "$.a.name: missing",
            "$.a.tags: empty where the example has elements",
            "$.a.offices[0].location: object where the example has string");
  }

  @Test
  void the_real_data_variant_accepts_nulls_and_empty_lists_but_not_missing_keys_or_other_types()
      throws Exception {
    var example = JSON.readTree("{\"a\":{\"id\":1,\"tags\":[\"t\"],\"owner\":{\"id\":1}}}");

    assertThat(
            JsonShapes.mismatchesAllowingEmpty(
                example, JSON.readTree("{\"a\":{\"id\":2,\"tags\":[],\"owner\":null}}")))
        .isEmpty();
    assertThat(
            JsonShapes.mismatchesAllowingEmpty(
                example, JSON.readTree("{\"a\":{\"id\":\"2\",\"tags\":[1]}}")))
        .containsExactlyInAnyOrder(
            "$.a.id: string where the example has number",
            "$.a.tags[0]: number where the example has string",
            "$.a.owner: missing");
  }

  @Test
  void treats_custom_fields_as_a_map_of_name_type_value() throws Exception {
    var example =
        JSON.readTree(
            "{\"custom_fields\":{\"salary\":{\"name\":\"S\",\"type\":\"short_text\",\"value\":\"1\"}}}");
    var good =
        JSON.readTree(
            "{\"custom_fields\":{\"other\":{\"name\":\"O\",\"type\":\"boolean\",\"value\":true}}}");
    var bad = JSON.readTree("{\"custom_fields\":{\"other\":\"raw value\"}}");

    assertThat(JsonShapes.mismatches(example, good)).isEmpty();
    assertThat(JsonShapes.mismatches(example, bad)).contains("$.custom_fields.other.name: missing");
  }
}
