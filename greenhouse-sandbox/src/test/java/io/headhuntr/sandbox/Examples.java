package io.headhuntr.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the docs' examples from ../shared/greenhouse/examples at run time (never copied into the
 * repository) and compares shapes: every key of the example must be in the answer with the same
 * JSON type; null in the example matches anything; a null in the answer is accepted only for fields
 * the docs call nullable.
 */
final class Examples {
  static final String SKIPPED = "skipped: ../shared/greenhouse/examples not present";

  /** Fields HARVEST-V1.md section 6 documents as nullable (or absent-valued) in some objects. */
  static final Set<String> NULLABLE =
      Set.of(
          "location",
          "source",
          "credited_to",
          "recruiter",
          "coordinator",
          "rejection_reason",
          "rejection_details",
          "current_stage",
          "job_post_id",
          "rejected_at",
          "closed_at",
          "opened_at",
          "copied_from_id",
          "employee_id",
          "office_id",
          "job_post_custom_location_id",
          "first_published_at",
          "demographic_question_set_id",
          "close_reason",
          "application_id",
          "opening_id",
          "end_date",
          "prospect_pool",
          "prospect_stage",
          "prospect_owner",
          "prospective_office",
          "prospective_department",
          "primary_contact_user_id",
          "parent_id",
          "external_id",
          "parent_department_external_id",
          "parent_office_external_id",
          "company",
          "title",
          "description",
          "requisition_id",
          "notes",
          "cc",
          "job_id",
          "is_template");

  /** Maps keyed by data (custom field keys), compared as objects only. */
  static final Set<String> DATA_MAPS = Set.of("custom_fields", "keyed_custom_fields");

  private Examples() {}

  static Path dir() {
    List<Path> candidates = new ArrayList<>();
    String prop = System.getProperty("shared.dir");
    if (prop != null) {
      candidates.add(Path.of(prop, "greenhouse", "examples"));
    }
    candidates.add(Path.of("../shared/greenhouse/examples"));
    candidates.add(Path.of("../../shared/greenhouse/examples"));
    for (Path p : candidates) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    return null;
  }

  static boolean present() {
    return dir() != null;
  }

  static JsonNode read(String name) {
    try {
      return SandboxHttp.JSON.readTree(dir().resolve(name).toFile());
    } catch (IOException e) {
      throw new AssertionError("cannot read example " + name, e);
    }
  }

  static List<String> names(String prefix) {
    try (var files = Files.list(dir())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(prefix) && n.endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The differences between the example's shape and the answer's, as readable paths. */
  static List<String> differences(JsonNode example, JsonNode actual) {
    List<String> out = new ArrayList<>();
    compare(example, actual, "$", null, out);
    return out;
  }

  private static void compare(
      JsonNode example, JsonNode actual, String path, String field, List<String> out) {
    if (example == null || example.isNull()) {
      return;
    }
    if (actual == null || actual.isMissingNode()) {
      out.add(path + " is missing");
      return;
    }
    if (actual.isNull()) {
      if (field == null || !NULLABLE.contains(field)) {
        out.add(path + " is null, example has " + example.getNodeType());
      }
      return;
    }
    if (example.getNodeType() != actual.getNodeType()) {
      out.add(path + " is " + actual.getNodeType() + ", example has " + example.getNodeType());
      return;
    }
    if (example.isObject()) {
      if (field != null && DATA_MAPS.contains(field)) {
        return;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = example.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        compare(e.getValue(), actual.get(e.getKey()), path + "." + e.getKey(), e.getKey(), out);
      }
    } else if (example.isArray() && !example.isEmpty() && !actual.isEmpty()) {
      for (JsonNode element : example) {
        compare(element, actual.get(0), path + "[0]", field, out);
      }
    }
  }
}
