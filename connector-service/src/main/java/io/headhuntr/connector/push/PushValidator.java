package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.api.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks a push body field by field and returns it normalized (trimmed strings, ISO dates, defaults
 * filled); the first problem is thrown as a 422 naming its field, e.g. {@code
 * person.email_addresses[1].type}.
 */
final class PushValidator {
  static final Set<String> TOP =
      Set.of("acting_user_id", "person", "attachments", "target", "source_id", "referrer");
  private static final Set<String> PERSON =
      Set.of(
          "first_name",
          "last_name",
          "company",
          "title",
          "email_addresses",
          "phone_numbers",
          "addresses",
          "website_addresses",
          "social_media_addresses",
          "tags",
          "educations",
          "employments",
          "notes");

  /** Greenhouse's documented types per contact list (HARVEST-V1 6.1); social media has none. */
  private static final Map<String, Set<String>> CONTACT_TYPES =
      Map.of(
          "email_addresses", Set.of("personal", "work", "other"),
          "phone_numbers", Set.of("home", "work", "mobile", "skype", "other"),
          "addresses", Set.of("home", "work", "other"),
          "website_addresses", Set.of("personal", "company", "portfolio", "blog", "other"));

  private static final Set<String> VISIBILITY = Set.of("admin_only", "private", "public");
  private static final Set<String> REFERRER_TYPES = Set.of("id", "email", "outside");

  private final AttachmentRules attachments;

  PushValidator(AttachmentRules attachments) {
    this.attachments = attachments;
  }

  ObjectNode validate(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ProblemException.badRequest("a push must be a JSON object");
    }
    unknownFields(body, TOP, "");
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("acting_user_id", requiredText(body, "acting_user_id", "acting_user_id"));
    out.set("person", person(body.get("person")));
    out.set("attachments", attachments.validate(body.get("attachments")));
    out.set("target", target(body.get("target")));
    if (present(body, "source_id")) {
      out.put("source_id", positiveId(body.get("source_id"), "source_id"));
    }
    if (present(body, "referrer")) {
      out.set("referrer", referrer(body.get("referrer")));
    }
    return out;
  }

  private ObjectNode person(JsonNode person) {
    if (person == null || !person.isObject()) {
      throw ProblemException.invalid("person", "person is required and must be an object");
    }
    unknownFields(person, PERSON, "person.");
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("first_name", requiredText(person, "first_name", "person.first_name"));
    out.put("last_name", requiredText(person, "last_name", "person.last_name"));
    for (String f : new String[] {"company", "title"}) {
      String v = optionalText(person, f, "person." + f);
      if (v != null) {
        out.put(f, v);
      }
    }
    for (String list :
        new String[] {
          "email_addresses",
          "phone_numbers",
          "addresses",
          "website_addresses",
          "social_media_addresses"
        }) {
      out.set(list, contacts(person.get(list), list));
    }
    ArrayNode tags = out.putArray("tags");
    for (JsonNode tag : array(person.get("tags"), "person.tags")) {
      if (!tag.isTextual() || tag.asText().isBlank()) {
        throw ProblemException.invalid("person.tags", "every tag must be a non-empty string");
      }
      tags.add(tag.asText().strip());
    }
    out.set("educations", educations(person.get("educations")));
    out.set("employments", employments(person.get("employments")));
    out.set("notes", notes(person.get("notes")));
    return out;
  }

  private static ArrayNode contacts(JsonNode list, String name) {
    String at = "person." + name;
    ArrayNode out = Json.mapper().createArrayNode();
    int i = 0;
    for (JsonNode item : array(list, at)) {
      String here = at + "[" + i++ + "]";
      if (!item.isObject()) {
        throw ProblemException.invalid(here, here + " must be an object {value, type}");
      }
      String value = requiredText(item, "value", here + ".value");
      if (name.equals("email_addresses") && !value.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
        throw ProblemException.invalid(here + ".value", "'" + value + "' is not an email address");
      }
      ObjectNode c = out.addObject().put("value", value);
      Set<String> types = CONTACT_TYPES.get(name);
      if (types != null) {
        String type = optionalText(item, "type", here + ".type");
        type = type == null ? "other" : type;
        if (!types.contains(type)) {
          throw ProblemException.invalid(
              here + ".type",
              "type must be one of " + String.join(", ", types.stream().sorted().toList()));
        }
        c.put("type", type);
      }
    }
    return out;
  }

  private static ArrayNode educations(JsonNode list) {
    ArrayNode out = Json.mapper().createArrayNode();
    int i = 0;
    for (JsonNode item : array(list, "person.educations")) {
      String here = "person.educations[" + i++ + "]";
      if (!item.isObject()) {
        throw ProblemException.invalid(here, here + " must be an object");
      }
      ObjectNode e = out.addObject();
      for (String f : new String[] {"school", "degree", "discipline"}) {
        String v = optionalText(item, f, here + "." + f);
        if (v != null) {
          e.put(f, v);
        }
      }
      if (e.isEmpty()) {
        throw ProblemException.invalid(here, here + " needs a school, degree or discipline");
      }
      date(item, "start_date", here, e);
      date(item, "end_date", here, e);
    }
    return out;
  }

  private static ArrayNode employments(JsonNode list) {
    ArrayNode out = Json.mapper().createArrayNode();
    int i = 0;
    for (JsonNode item : array(list, "person.employments")) {
      String here = "person.employments[" + i++ + "]";
      if (!item.isObject()) {
        throw ProblemException.invalid(here, here + " must be an object");
      }
      ObjectNode e = out.addObject();
      e.put("company_name", requiredText(item, "company_name", here + ".company_name"));
      e.put("title", requiredText(item, "title", here + ".title"));
      if (!present(item, "start_date")) {
        throw ProblemException.invalid(here + ".start_date", "Greenhouse requires a start_date");
      }
      date(item, "start_date", here, e);
      date(item, "end_date", here, e);
    }
    return out;
  }

  private static ArrayNode notes(JsonNode list) {
    ArrayNode out = Json.mapper().createArrayNode();
    int i = 0;
    for (JsonNode item : array(list, "person.notes")) {
      String here = "person.notes[" + i++ + "]";
      if (!item.isObject()) {
        throw ProblemException.invalid(here, here + " must be an object {body, visibility}");
      }
      String visibility = optionalText(item, "visibility", here + ".visibility");
      visibility = visibility == null ? "public" : visibility;
      if (!VISIBILITY.contains(visibility)) {
        throw ProblemException.invalid(
            here + ".visibility", "visibility must be admin_only, private or public");
      }
      out.addObject()
          .put("body", requiredText(item, "body", here + ".body"))
          .put("visibility", visibility);
    }
    return out;
  }

  private static ObjectNode target(JsonNode target) {
    if (target == null || !target.isObject()) {
      throw ProblemException.invalid(
          "target", "target is required: {\"type\": \"candidate\"|\"prospect\", ...}");
    }
    String type = requiredText(target, "type", "target.type");
    ObjectNode out = Json.mapper().createObjectNode().put("type", type);
    if (type.equals("candidate")) {
      unknownFields(target, Set.of("type", "job_id", "initial_stage_id"), "target.");
      if (!present(target, "job_id")) {
        throw ProblemException.invalid("target.job_id", "a candidate push needs target.job_id");
      }
      out.put("job_id", positiveId(target.get("job_id"), "target.job_id"));
      if (present(target, "initial_stage_id")) {
        out.put(
            "initial_stage_id",
            positiveId(target.get("initial_stage_id"), "target.initial_stage_id"));
      }
    } else if (type.equals("prospect")) {
      unknownFields(
          target,
          Set.of(
              "type",
              "job_ids",
              "prospect_pool_id",
              "prospect_pool_stage_id",
              "prospect_owner_user_id"),
          "target.");
      ArrayNode jobs = out.putArray("job_ids");
      int i = 0;
      for (JsonNode id : array(target.get("job_ids"), "target.job_ids")) {
        jobs.add(positiveId(id, "target.job_ids[" + i++ + "]"));
      }
      if (present(target, "prospect_pool_id")) {
        out.put(
            "prospect_pool_id",
            positiveId(target.get("prospect_pool_id"), "target.prospect_pool_id"));
      }
      if (present(target, "prospect_pool_stage_id")) {
        if (!out.has("prospect_pool_id")) {
          throw ProblemException.invalid(
              "target.prospect_pool_stage_id",
              "a pool stage needs target.prospect_pool_id (the stage must belong to it)");
        }
        out.put(
            "prospect_pool_stage_id",
            positiveId(target.get("prospect_pool_stage_id"), "target.prospect_pool_stage_id"));
      }
      String owner =
          optionalText(target, "prospect_owner_user_id", "target.prospect_owner_user_id");
      if (owner != null) {
        out.put("prospect_owner_user_id", owner);
      }
    } else {
      throw ProblemException.invalid("target.type", "target.type must be candidate or prospect");
    }
    return out;
  }

  private static ObjectNode referrer(JsonNode referrer) {
    if (!referrer.isObject()) {
      throw ProblemException.invalid(
          "referrer", "referrer must be {type: id|email|outside, value}");
    }
    String type = requiredText(referrer, "type", "referrer.type");
    if (!REFERRER_TYPES.contains(type)) {
      throw ProblemException.invalid("referrer.type", "referrer.type must be id, email or outside");
    }
    ObjectNode out = Json.mapper().createObjectNode().put("type", type);
    if (type.equals("id")) {
      out.put("value", positiveId(referrer.get("value"), "referrer.value"));
    } else {
      out.put("value", requiredText(referrer, "value", "referrer.value"));
    }
    return out;
  }

  private static void date(JsonNode item, String field, String here, ObjectNode out) {
    String text = optionalText(item, field, here + "." + field);
    if (text == null) {
      return;
    }
    out.put(field, parseDate(text, here + "." + field).toString());
  }

  /** {@code 2019-05}, {@code 2019-05-01} or an ISO instant, as midnight UTC of that day. */
  static Instant parseDate(String text, String field) {
    try {
      if (text.length() == 7) {
        return YearMonth.parse(text).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(
          field, field + " must be a date such as 2019-05-01 or 2019-05");
    }
  }

  static long positiveId(JsonNode node, String field) {
    if (node == null
        || !node.canConvertToLong()
        || !node.isIntegralNumber()
        || node.asLong() <= 0) {
      throw ProblemException.invalid(field, field + " must be a positive integer id");
    }
    return node.asLong();
  }

  static boolean present(JsonNode node, String field) {
    return node.hasNonNull(field);
  }

  static String requiredText(JsonNode node, String field, String path) {
    String v = optionalText(node, field, path);
    if (v == null) {
      throw ProblemException.invalid(path, path + " is required");
    }
    return v;
  }

  static String optionalText(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw ProblemException.invalid(path, path + " must be a string");
    }
    String s = v.asText().strip();
    if (s.length() > 10_000) {
      throw ProblemException.invalid(path, path + " is longer than 10,000 characters");
    }
    return s.isEmpty() ? null : s;
  }

  static Iterable<JsonNode> array(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return java.util.List.of();
    }
    if (!node.isArray()) {
      throw ProblemException.invalid(path, path + " must be an array");
    }
    return node;
  }

  static void unknownFields(JsonNode node, Set<String> known, String prefix) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        throw ProblemException.invalid(prefix + f, "unknown field " + prefix + f);
      }
    }
  }
}
