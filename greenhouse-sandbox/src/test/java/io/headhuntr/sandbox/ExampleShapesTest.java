package io.headhuntr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shape comparison used by the conformance tests catches what it should, and only that. */
class ExampleShapesTest {

  @Test
  void reports_a_missing_key_a_changed_type_and_a_wrong_nested_element() {
    var example =
        SandboxHttp.object(
            "{\"id\":1,\"name\":\"x\",\"tags\":[\"a\"],\"jobs\":[{\"id\":2,\"name\":\"j\"}]}");
    var actual = SandboxHttp.object("{\"id\":\"1\",\"tags\":[3],\"jobs\":[{\"id\":2}]}");

    assertThat(Examples.differences(example, actual))
        .containsExactlyInAnyOrder(
            "$.id is STRING, example has NUMBER",
            "$.name is missing",
            "$.tags[0] is NUMBER, example has STRING",
            "$.jobs[0].name is missing");
  }

  @Test
  void accepts_extra_keys_nulls_in_the_example_and_documented_nullable_answers() {
    var example =
        SandboxHttp.object(
            "{\"id\":1,\"photo_url\":null,\"source\":{\"id\":1},\"custom_fields\":{\"k\":1}}");
    var actual =
        SandboxHttp.object(
            "{\"id\":5,\"photo_url\":\"x\",\"source\":null,\"custom_fields\":{},\"extra\":true}");

    assertThat(Examples.differences(example, actual)).isEmpty();
  }

  @Test
  void refuses_a_null_answer_where_the_docs_promise_a_value() {
    var example = SandboxHttp.object("{\"status\":\"active\",\"jobs\":[]}");
    var actual = SandboxHttp.object("{\"status\":null,\"jobs\":null}");

    assertThat(Examples.differences(example, actual))
        .containsExactly(
            "$.status is null, example has STRING", "$.jobs is null, example has ARRAY");
  }
}
