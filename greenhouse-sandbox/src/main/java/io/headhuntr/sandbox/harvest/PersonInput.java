package io.headhuntr.sandbox.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.http.HarvestError;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Activity;
import io.headhuntr.sandbox.store.Attachment;
import io.headhuntr.sandbox.store.Candidate;
import io.headhuntr.sandbox.store.Contact;
import io.headhuntr.sandbox.store.Education;
import io.headhuntr.sandbox.store.Employment;
import io.headhuntr.sandbox.store.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates the person parts of Harvest write bodies (contact arrays, tags, custom
 * fields, recruiter, attachments, educations, employments, notes) into the account's model. Call
 * under the write lock; every refusal is a 422 naming the field.
 */
final class PersonInput {
  static final Set<String> EMAIL_TYPES = Set.of("personal", "work", "other");
  static final Set<String> PHONE_TYPES = Set.of("home", "work", "mobile", "skype", "other");
  static final Set<String> ADDRESS_TYPES = Set.of("home", "work", "other");
  static final Set<String> WEBSITE_TYPES =
      Set.of("personal", "company", "portfolio", "blog", "other");
  static final Set<String> CANDIDATE_ATTACHMENT_TYPES =
      Set.of("resume", "cover_letter", "admin_only");
  static final Set<String> APPLICATION_ATTACHMENT_TYPES =
      Set.of(
          "resume",
          "cover_letter",
          "other",
          "take_home_test",
          "offer_letter",
          "signed_offer_letter");
  static final Set<String> VISIBILITIES = Set.of("admin_only", "private", "public");

  private final Account account;

  PersonInput(Account account) {
    this.account = account;
  }

  static String requiredText(ObjectNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull() || node.asText().isBlank()) {
      throw HarvestError.missing(field);
    }
    return node.asText();
  }

  static String optionalText(JsonNode body, String field) {
    JsonNode node = body.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  /** Applies the person fields present in {@code body}; an empty array clears a list. */
  void applyPersonFields(Candidate c, ObjectNode body) {
    if (body.has("first_name")) {
      c.firstName = requiredText(body, "first_name");
    }
    if (body.has("last_name")) {
      c.lastName = requiredText(body, "last_name");
    }
    if (body.has("company")) {
      c.company = optionalText(body, "company");
    }
    if (body.has("title")) {
      c.title = optionalText(body, "title");
    }
    if (body.has("is_private")) {
      c.isPrivate = body.get("is_private").asText().equalsIgnoreCase("true");
    }
    if (body.has("email_addresses")) {
      c.emails = contacts(body, "email_addresses", EMAIL_TYPES);
    }
    if (body.has("phone_numbers")) {
      c.phones = contacts(body, "phone_numbers", PHONE_TYPES);
    }
    if (body.has("addresses")) {
      c.addresses = contacts(body, "addresses", ADDRESS_TYPES);
    }
    if (body.has("website_addresses")) {
      c.websites = contacts(body, "website_addresses", WEBSITE_TYPES);
    }
    if (body.has("social_media_addresses")) {
      c.socials = contacts(body, "social_media_addresses", null);
    }
    if (body.has("tags")) {
      List<String> tags = new ArrayList<>();
      body.get("tags").forEach(t -> tags.add(t.asText()));
      c.tags = List.copyOf(tags);
    }
    if (body.has("custom_fields")) {
      c.customFields = customFields(c.customFields, body.get("custom_fields"));
    }
    if (body.has("recruiter")) {
      c.recruiterId = userRef(body.get("recruiter"), "recruiter");
    }
    if (body.has("coordinator")) {
      c.coordinatorId = userRef(body.get("coordinator"), "coordinator");
    }
  }

  private static List<Contact> contacts(ObjectNode body, String field, Set<String> types) {
    JsonNode array = body.get(field);
    if (!array.isArray()) {
      throw HarvestError.invalid(field, "Must be an array");
    }
    List<Contact> result = new ArrayList<>();
    for (JsonNode item : array) {
      String value = optionalText(item, "value");
      if (value == null || value.isBlank()) {
        throw HarvestError.invalid(field + ".value", "Missing required field: value");
      }
      String type = null;
      if (types != null) {
        type = optionalText(item, "type");
        if (type == null || !types.contains(type)) {
          throw HarvestError.invalid(
              field + ".type",
              "Must be one of: " + String.join(", ", types.stream().sorted().toList()));
        }
      }
      result.add(new Contact(value, type));
    }
    return List.copyOf(result);
  }

  /** Custom-field writes: [{id|name_key, value} | {.., delete_value: "true"}]; [] is a no-op. */
  private static Map<String, String> customFields(Map<String, String> current, JsonNode writes) {
    Map<String, String> result = new LinkedHashMap<>(current);
    for (JsonNode w : writes) {
      String key =
          w.hasNonNull("name_key") ? w.get("name_key").asText() : "field_" + w.path("id").asText();
      if ("true".equals(w.path("delete_value").asText())) {
        result.remove(key);
      } else if (!w.has("value") || w.get("value").isNull() || w.get("value").asText().isEmpty()) {
        throw HarvestError.invalid("custom_fields", "Use delete_value to clear a custom field");
      } else {
        result.put(key, w.get("value").asText());
      }
    }
    return result.isEmpty() ? Map.of() : result;
  }

  /** A user given as {id} or {email} (the docs example's {user_id} is accepted too). */
  long userRef(JsonNode ref, String field) {
    if (ref == null || ref.isNull()) {
      return 0;
    }
    long id = ref.path("id").asLong(ref.path("user_id").asLong(0));
    if (id != 0) {
      return user(id, field).id;
    }
    String email = optionalText(ref, "email");
    if (email != null) {
      for (User u : account.users.values()) {
        if (u.primaryEmail.equalsIgnoreCase(email)) {
          return u.id;
        }
      }
    }
    throw HarvestError.invalid(field, "Either id or email must be present and match a user");
  }

  User user(long id, String field) {
    User u = account.users.get(id);
    if (u == null) {
      throw HarvestError.invalid(field, "User " + id + " not found");
    }
    return u;
  }

  /** An attachment upload: filename, type, and content (Base64, with content_type) or url. */
  Attachment attachment(JsonNode body, Set<String> types, long owner) {
    String filename = optionalText(body, "filename");
    if (filename == null || filename.isBlank()) {
      throw HarvestError.missing("filename");
    }
    String type = optionalText(body, "type");
    if (type == null) {
      throw HarvestError.missing("type");
    }
    if (!types.contains(type)) {
      throw HarvestError.invalid(
          "type", "Must be one of: " + String.join(", ", types.stream().sorted().toList()));
    }
    String content = optionalText(body, "content");
    String url = optionalText(body, "url");
    String contentType = optionalText(body, "content_type");
    if (content == null && url == null) {
      throw HarvestError.invalid("content", "Either content or url must be present");
    }
    if (content != null && contentType == null) {
      throw HarvestError.missing("content_type");
    }
    long id = account.newId();
    String stored =
        "https://sandbox-attachments.s3.amazonaws.com/"
            + owner
            + "/"
            + id
            + "/"
            + filename
            + "?X-Amz-Expires=604800";
    return new Attachment(
        id,
        filename,
        stored,
        type,
        contentType == null ? "application/octet-stream" : contentType,
        "public",
        account.now());
  }

  Education education(JsonNode body) {
    long school = lookupId(body, "school_id", account.schools);
    long degree = lookupId(body, "degree_id", account.degrees);
    long discipline = lookupId(body, "discipline_id", account.disciplines);
    return new Education(
        account.newId(), school, degree, discipline, date(body, "start"), date(body, "end"));
  }

  private static long lookupId(JsonNode body, String field, Map<Long, ?> rows) {
    if (!body.hasNonNull(field)) {
      return 0;
    }
    long id = body.get(field).asLong();
    if (!rows.containsKey(id)) {
      throw HarvestError.invalid(field, "Not found: " + body.get(field).asText());
    }
    return id;
  }

  /** {prefix}_date (ISO) or {prefix}_month + {prefix}_year; 0 when absent. */
  private static long date(JsonNode body, String prefix) {
    String iso = optionalText(body, prefix + "_date");
    if (iso != null && !iso.isBlank()) {
      return parseDate(iso, prefix + "_date");
    }
    if (body.hasNonNull(prefix + "_year")) {
      int year = body.get(prefix + "_year").asInt();
      int month = body.path(prefix + "_month").asInt(1);
      if (year < 1900 || year > 2100 || month < 1 || month > 12) {
        throw HarvestError.invalid(
            prefix + "_year", "Must be a valid month (1-12) and year (1900-2100)");
      }
      return java.time.LocalDate.of(year, month, 1)
          .atStartOfDay(java.time.ZoneOffset.UTC)
          .toInstant()
          .toEpochMilli();
    }
    return 0;
  }

  static long parseDate(String iso, String field) {
    try {
      return io.headhuntr.sandbox.http.Times.parse(iso);
    } catch (java.time.format.DateTimeParseException e) {
      throw HarvestError.invalid(field, "Must be an ISO-8601 date");
    }
  }

  Employment employment(JsonNode body) {
    ObjectNode o = (ObjectNode) body;
    String company = requiredText(o, "company_name");
    String title = requiredText(o, "title");
    long start = parseDate(requiredText(o, "start_date"), "start_date");
    String end = optionalText(body, "end_date");
    return new Employment(
        account.newId(),
        company,
        title,
        start,
        end == null || end.isBlank() ? 0 : parseDate(end, "end_date"));
  }

  /** A note: user_id (its author, shown as the note's user), body, visibility; all required. */
  Activity note(JsonNode body, long actingUser) {
    ObjectNode o = (ObjectNode) body;
    String userId = requiredText(o, "user_id");
    String text = requiredText(o, "body");
    String visibility = requiredText(o, "visibility");
    if (!VISIBILITIES.contains(visibility)) {
      throw HarvestError.invalid("visibility", "Must be one of: admin_only, private, public");
    }
    long author;
    try {
      author = user(Long.parseLong(userId.trim()), "user_id").id;
    } catch (NumberFormatException e) {
      throw HarvestError.invalid("user_id", "Must be a user id");
    }
    return new Activity(
        account.newId(),
        Activity.Kind.NOTE,
        account.now(),
        author,
        null,
        text,
        visibility,
        null,
        null,
        List.of());
  }

  /** A system activity by the acting user, e.g. "Candidate Stage Change". */
  Activity activity(long userId, String subject, String body) {
    return new Activity(
        account.newId(),
        Activity.Kind.ACTIVITY,
        account.now(),
        userId,
        subject,
        body,
        null,
        null,
        null,
        List.of());
  }
}
