package io.headhuntr.sandbox.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Harvest-to-webhook conversions of WEBHOOKS.md section 9, one small function per shape (custom
 * fields, users, offices, hiring team, openings, candidates, jobs, dates).
 */
final class PayloadParts {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String APP_URL = "https://app.greenhouse.io";
  private static final DateTimeFormatter US_DATE =
      DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT);

  private final SandboxLookups lookups;

  PayloadParts(SandboxLookups lookups) {
    this.lookups = lookups;
  }

  /** A user as webhooks show it: {@code {id, email, name, employee_id}}, or null. */
  JsonNode user(JsonNode userRef) {
    if (!isObject(userRef)) {
      return NODES.nullNode();
    }
    ObjectNode user = NODES.objectNode();
    long id = userRef.path("id").asLong();
    Optional<ObjectNode> full = userRef.has("id") ? lookups.user(id) : Optional.empty();
    copyOrNull(user, "id", userRef);
    JsonNode email =
        full.map(u -> u.get("primary_email_address"))
            .filter(PayloadParts::isText)
            .orElse(userRef.get("email"));
    user.set("email", text(email));
    JsonNode name =
        userRef.hasNonNull("name")
            ? userRef.get("name")
            : full.map(u -> u.get("name")).orElse(null);
    user.set("name", orNull(name));
    JsonNode employee =
        userRef.has("employee_id")
            ? userRef.get("employee_id")
            : full.map(u -> u.get("employee_id")).orElse(null);
    user.set("employee_id", orNull(employee));
    return user;
  }

  /**
   * Custom fields in the keyed form {@code {key: {name, type, value}}}, from {@code
   * keyed_custom_fields}.
   */
  ObjectNode customFields(JsonNode harvestObject) {
    JsonNode keyed = harvestObject.get("keyed_custom_fields");
    if (isObject(keyed)) {
      return (ObjectNode) keyed.deepCopy();
    }
    ObjectNode out = NODES.objectNode();
    JsonNode raw = harvestObject.get("custom_fields");
    if (isObject(raw)) {
      for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (isObject(field.getValue()) && field.getValue().has("type")) {
          out.set(field.getKey(), field.getValue().deepCopy()); // already keyed
          continue;
        }
        ObjectNode entry = out.putObject(field.getKey());
        entry.put("name", humanize(field.getKey()));
        entry.put("type", guessType(field.getValue()));
        entry.set("value", field.getValue().deepCopy());
      }
    }
    return out;
  }

  ObjectNode department(JsonNode d) {
    ObjectNode out = NODES.objectNode();
    copyOrNull(out, "id", d);
    copyOrNull(out, "name", d);
    copyOrNull(out, "external_id", d);
    return out;
  }

  /** An office with its location as a plain string. */
  ObjectNode office(JsonNode o) {
    ObjectNode out = NODES.objectNode();
    copyOrNull(out, "id", o);
    copyOrNull(out, "name", o);
    out.set("location", locationString(o.get("location")));
    copyOrNull(out, "external_id", o);
    return out;
  }

  /** The job as job events and {@code application.jobs[]} show it. */
  ObjectNode job(JsonNode harvestJob) {
    ObjectNode out = NODES.objectNode();
    long id = harvestJob.path("id").asLong();
    copyOrNull(out, "id", harvestJob);
    copyOrNull(out, "name", harvestJob);
    copyOrNull(out, "requisition_id", harvestJob);
    copyOrNull(out, "notes", harvestJob);
    copyOrNull(out, "confidential", harvestJob);
    Optional<Long> postId = lookups.jobPostId(id);
    out.set(
        "job_post_id",
        postId.<JsonNode>map(NODES::numberNode).orElse(orNull(harvestJob.get("job_post_id"))));
    copyOrNull(out, "status", harvestJob);
    copyOrNull(out, "created_by_id", harvestJob);
    out.set("created_at", seconds(harvestJob.get("created_at")));
    out.set("opened_at", seconds(harvestJob.get("opened_at")));
    out.set("closed_at", seconds(harvestJob.get("closed_at")));
    out.put("url", APP_URL + "/sdash/" + id);
    ArrayNode departments = out.putArray("departments");
    harvestJob.path("departments").forEach(d -> departments.add(department(d)));
    ArrayNode offices = out.putArray("offices");
    harvestJob.path("offices").forEach(o -> offices.add(office(o)));
    out.set("hiring_team", hiringTeam(harvestJob.path("hiring_team")));
    ArrayNode openings = out.putArray("openings");
    harvestJob.path("openings").forEach(o -> openings.add(opening(o)));
    out.set("custom_fields", customFields(harvestJob));
    return out;
  }

  /**
   * {@code {hiring_managers, sourcers, recruiters, coordinators}} of {@code {user_id,
   * employee_id}}.
   */
  ObjectNode hiringTeam(JsonNode team) {
    ObjectNode out = NODES.objectNode();
    for (String role : new String[] {"hiring_managers", "sourcers", "recruiters", "coordinators"}) {
      ArrayNode members = out.putArray(role);
      team.path(role)
          .forEach(
              m -> {
                ObjectNode member = members.addObject();
                member.set("user_id", orNull(m.has("user_id") ? m.get("user_id") : m.get("id")));
                member.set("employee_id", orNull(m.get("employee_id")));
              });
    }
    return out;
  }

  ObjectNode opening(JsonNode o) {
    ObjectNode out = NODES.objectNode();
    copyOrNull(out, "id", o);
    copyOrNull(out, "opening_id", o);
    JsonNode custom = o.get("keyed_custom_fields");
    out.set(
        "custom_fields",
        isObject(custom) && custom.size() > 0 ? custom.deepCopy() : NODES.arrayNode());
    return out;
  }

  /** The candidate as application and candidate events show it. */
  ObjectNode candidate(JsonNode c) {
    ObjectNode out = NODES.objectNode();
    long id = c.path("id").asLong();
    copyOrNull(out, "id", c);
    copyOrNull(out, "first_name", c);
    copyOrNull(out, "last_name", c);
    copyOrNull(out, "title", c);
    copyOrNull(out, "company", c);
    out.set("created_at", seconds(c.get("created_at")));
    copyOrNull(out, "external_id", c);
    copyOrNull(out, "photo_url", c);
    out.put("url", APP_URL + "/people/" + id);
    out.put("is_private", c.path("is_private").asBoolean(false));
    out.put("can_email", c.path("can_email").asBoolean(true));
    for (String list :
        new String[] {
          "phone_numbers",
          "email_addresses",
          "addresses",
          "website_addresses",
          "social_media_addresses"
        }) {
      out.set(
          list, c.has(list) && c.get(list).isArray() ? c.get(list).deepCopy() : NODES.arrayNode());
    }
    ArrayNode educations = out.putArray("educations");
    c.path("educations")
        .forEach(
            e -> {
              ObjectNode edu = educations.addObject();
              copyOrNull(edu, "school_name", e);
              copyOrNull(edu, "degree", e);
              copyOrNull(edu, "discipline", e);
              edu.set("start_date", usDate(e.get("start_date")));
              edu.set("end_date", usDate(e.get("end_date")));
            });
    ArrayNode employments = out.putArray("employments");
    c.path("employments")
        .forEach(
            e -> {
              ObjectNode job = employments.addObject();
              copyOrNull(job, "company_name", e);
              copyOrNull(job, "title", e);
              job.set("start_date", usDate(e.get("start_date")));
              job.set("end_date", usDate(e.get("end_date")));
            });
    out.set("recruiter", user(c.get("recruiter")));
    out.set("coordinator", user(c.get("coordinator")));
    ArrayNode attachments = out.putArray("attachments");
    c.path("attachments")
        .forEach(
            a -> {
              ObjectNode att = attachments.addObject();
              copyOrNull(att, "filename", a);
              copyOrNull(att, "url", a);
              copyOrNull(att, "type", a);
            });
    out.set(
        "tags",
        c.has("tags") && c.get("tags").isArray() ? c.get("tags").deepCopy() : NODES.arrayNode());
    out.set("custom_fields", customFields(c));
    return out;
  }

  /** An ISO timestamp as webhooks mostly show it: UTC, whole seconds; null stays null. */
  static JsonNode seconds(JsonNode timestamp) {
    return instant(timestamp)
        .<JsonNode>map(i -> NODES.textNode(i.truncatedTo(ChronoUnit.SECONDS).toString()))
        .orElse(orNull(timestamp));
  }

  /** An ISO timestamp as education and employment dates: {@code MM/DD/YYYY}. */
  static JsonNode usDate(JsonNode timestamp) {
    return instant(timestamp)
        .<JsonNode>map(i -> NODES.textNode(US_DATE.format(i.atOffset(ZoneOffset.UTC))))
        .orElse(orNull(timestamp));
  }

  /** A date (YYYY-MM-DD) from an ISO timestamp, as offer dates are shown. */
  static JsonNode isoDate(JsonNode timestamp) {
    return instant(timestamp)
        .<JsonNode>map(i -> NODES.textNode(i.atOffset(ZoneOffset.UTC).toLocalDate().toString()))
        .orElse(orNull(timestamp));
  }

  private static Optional<Instant> instant(JsonNode timestamp) {
    if (!isText(timestamp)) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(timestamp.textValue()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static JsonNode locationString(JsonNode location) {
    if (isObject(location)) {
      return orNull(location.get("name"));
    }
    return orNull(location);
  }

  static void copyOrNull(ObjectNode out, String field, JsonNode from) {
    out.set(field, orNull(from == null ? null : from.get(field)));
  }

  static JsonNode orNull(JsonNode node) {
    return node == null || node.isMissingNode() ? NODES.nullNode() : node.deepCopy();
  }

  static JsonNode text(JsonNode node) {
    return isText(node) ? node.deepCopy() : NODES.nullNode();
  }

  static boolean isObject(JsonNode node) {
    return node != null && node.isObject();
  }

  static boolean isText(JsonNode node) {
    return node != null && node.isTextual();
  }

  private static String humanize(String key) {
    String spaced = key.replace('_', ' ').strip();
    return spaced.isEmpty() ? key : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  private static String guessType(JsonNode value) {
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isArray()) {
      return "multi_select";
    }
    if (value.isObject()) {
      return value.has("min_value")
          ? (value.has("unit") ? "currency_range" : "number_range")
          : "currency";
    }
    return "short_text";
  }
}
