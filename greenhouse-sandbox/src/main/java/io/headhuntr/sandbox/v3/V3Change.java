package io.headhuntr.sandbox.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.json.Json;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Application;
import io.headhuntr.sandbox.store.Candidate;
import java.util.Map;

/**
 * Small pieces every v3 write shares: finding the visible application or person named by an id (404
 * otherwise), checking user references (422 naming the field), and turning v3 field names into the
 * v1 ones the shared mutation logic reads.
 */
final class V3Change {
  private V3Change() {}

  static final Shape CUSTOM_FIELDS =
      Shape.arrayOf(
          Shape.fields(
              Map.of(
                  "name_key", Shape.TEXT,
                  "custom_field_id", Shape.ID,
                  "value", Shape.ANY)));

  static Application application(Account account, long id) {
    Application a = account.applications.get(id);
    if (!account.visible(a)) {
      throw V3Failure.notFound();
    }
    return a;
  }

  static Candidate candidate(Account account, long id) {
    Candidate c = account.candidates.get(id);
    if (!account.visible(c)) {
      throw V3Failure.notFound();
    }
    return c;
  }

  /** The candidate an id in a body names; an unknown one is a 422 naming the field. */
  static Candidate candidateRef(Account account, long id, String field) {
    Candidate c = account.candidates.get(id);
    if (!account.visible(c)) {
      throw V3Failure.invalid(field, "names no candidate: " + id);
    }
    return c;
  }

  static void user(Account account, long id, String field) {
    if (id != 0 && !account.users.containsKey(id)) {
      throw V3Failure.invalid(field, "names no user: " + id);
    }
  }

  /**
   * v3 {@code custom_fields [{name_key|custom_field_id, value}]} as v1's {@code [{name_key|id,
   * value}]}.
   */
  static ArrayNode customFields(JsonNode v3) {
    ArrayNode v1 = Json.array();
    for (JsonNode item : v3) {
      ObjectNode copy = ((ObjectNode) item).deepCopy();
      if (copy.has("custom_field_id")) {
        copy.set("id", copy.remove("custom_field_id"));
      }
      if (!copy.hasNonNull("name_key") && !copy.hasNonNull("id")) {
        throw V3Failure.required("custom_fields.name_key");
      }
      v1.add(copy);
    }
    return v1;
  }

  /** Applies v3 custom_fields to a map of values (application custom fields). */
  static Map<String, String> customFieldValues(Map<String, String> current, JsonNode v3) {
    Map<String, String> result = new java.util.LinkedHashMap<>(current);
    for (JsonNode item : customFields(v3)) {
      String key =
          item.hasNonNull("name_key")
              ? item.get("name_key").asText()
              : "field_" + item.path("id").asText();
      if (item.path("value").isNull() || item.path("value").isMissingNode()) {
        result.remove(key);
      } else {
        result.put(key, item.get("value").asText());
      }
    }
    return result.isEmpty() ? Map.of() : Map.copyOf(result);
  }

  /** v3 {@code referrer_id} as v1's {@code referrer: {type: id, value}}. */
  static void referrer(ObjectNode v1, long referrerId) {
    v1.remove("referrer_id");
    if (referrerId != 0) {
      v1.putObject("referrer").put("type", "id").put("value", Long.toString(referrerId));
    }
  }
}
