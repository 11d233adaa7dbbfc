package io.headhuntr.sandbox.webhooks;

import static io.headhuntr.sandbox.webhooks.PayloadParts.NODES;
import static io.headhuntr.sandbox.webhooks.PayloadParts.copyOrNull;
import static io.headhuntr.sandbox.webhooks.PayloadParts.locationString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A job post as job post events show it: location as a string and questions in the Job Board form
 * ({@code type} such as {@code input_text}, {@code values} as option labels).
 */
final class JobPostShape {

  /** Harvest question types to the Job Board types webhooks carry. */
  private static final Map<String, String> QUESTION_TYPES =
      Map.of(
          "short_text", "input_text",
          "long_text", "textarea",
          "attachment", "input_file",
          "boolean", "multi_value_single_select",
          "single_select", "multi_value_single_select",
          "multi_select", "multi_value_multi_select");

  private JobPostShape() {}

  static ObjectNode of(JsonNode post) {
    ObjectNode out = NODES.objectNode();
    copyOrNull(out, "id", post);
    copyOrNull(out, "title", post);
    out.set("location", locationString(post.get("location")));
    copyOrNull(out, "content", post);
    copyOrNull(out, "internal_content", post);
    copyOrNull(out, "updated_at", post);
    copyOrNull(out, "job_id", post);
    out.put("external", post.path("external").asBoolean(false));
    out.put("internal", post.path("internal").asBoolean(false));
    out.put("live", post.path("live").asBoolean(false));
    ArrayNode questions = out.putArray("questions");
    for (JsonNode q : post.path("questions")) {
      ObjectNode question = questions.addObject();
      question.put("required", q.path("required").asBoolean(false));
      question.put("private", q.path("private").asBoolean(false));
      copyOrNull(question, "label", q);
      String type = q.path("type").asText("short_text");
      question.put("type", QUESTION_TYPES.getOrDefault(type, type));
      ArrayNode values = question.putArray("values");
      for (JsonNode v : q.path("values")) {
        values.add(v.isObject() ? v.path("label").asText() : v.asText());
      }
    }
    return out;
  }
}
