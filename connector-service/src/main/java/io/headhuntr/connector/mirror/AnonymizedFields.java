package io.headhuntr.connector.mirror;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the field names of a {@code candidate_anonymized} payload to the mirror columns they erase.
 * Greenhouse documents only examples ({@code full_name}, {@code current_title}); the other names
 * are read leniently (singular/plural, Harvest and UI spellings).
 */
record AnonymizedFields(Set<String> clears, boolean emails, List<String> unknown) {
  private static final Map<String, List<String>> COLUMNS =
      Map.ofEntries(
          Map.entry("full_name", List.of("first_name = null", "last_name = null")),
          Map.entry("first_name", List.of("first_name = null")),
          Map.entry("last_name", List.of("last_name = null")),
          Map.entry("current_company", List.of("company = null")),
          Map.entry("company", List.of("company = null")),
          Map.entry("current_title", List.of("title = null")),
          Map.entry("title", List.of("title = null")),
          Map.entry("phone_numbers", List.of("phone_numbers = '[]'")),
          Map.entry("addresses", List.of("addresses = '[]'")),
          Map.entry("location", List.of("addresses = '[]'")),
          Map.entry("website_addresses", List.of("website_addresses = '[]'")),
          Map.entry("websites", List.of("website_addresses = '[]'")),
          Map.entry("social_media_addresses", List.of("social_media_addresses = '[]'")),
          Map.entry("social_media_links", List.of("social_media_addresses = '[]'")),
          Map.entry("educations", List.of("educations = '[]'")),
          Map.entry("education", List.of("educations = '[]'")),
          Map.entry("employments", List.of("employments = '[]'")),
          Map.entry("employment", List.of("employments = '[]'")),
          Map.entry("attachments", List.of("attachments = '[]'")),
          Map.entry("resumes", List.of("attachments = '[]'")),
          Map.entry("cover_letters", List.of("attachments = '[]'")),
          Map.entry("tags", List.of("tags = '[]'")),
          Map.entry("custom_fields", List.of("custom_fields = '{}'")),
          Map.entry("candidate_custom_fields", List.of("custom_fields = '{}'")),
          Map.entry("recruiter", List.of("recruiter = null")),
          Map.entry("coordinator", List.of("coordinator = null")),
          Map.entry("external_id", List.of("external_id = null")));
  private static final Set<String> EMAIL_FIELDS = Set.of("email_addresses", "emails", "email");

  static AnonymizedFields of(List<String> fields) {
    Set<String> clears = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    boolean emails = false;
    for (String field : fields) {
      if (EMAIL_FIELDS.contains(field)) {
        emails = true;
      } else if (COLUMNS.containsKey(field)) {
        clears.addAll(COLUMNS.get(field));
      } else {
        unknown.add(field);
      }
    }
    return new AnonymizedFields(clears, emails, unknown);
  }

  /** The assignments followed by a comma, or nothing. */
  String setClause() {
    return clears.isEmpty() ? "" : String.join(", ", clears) + ",";
  }
}
