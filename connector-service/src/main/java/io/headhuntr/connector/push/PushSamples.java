package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.api.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Push bodies for the demo: a new candidate with a resume, education, employment and a note; a
 * person whose email already exists (the push links instead of creating); and a prospect into a
 * pool. Post each to {@code POST .../pushes} with its own {@code Idempotency-Key}.
 */
public final class PushSamples {
  private PushSamples() {}

  public static List<ObjectNode> demo(
      String actingUserId, long jobId, String existingEmail, long poolId, Long poolStageId) {
    ObjectNode fresh = person(actingUserId, "Ada", "Lovelace", "ada.lovelace@demo.example");
    ObjectNode p = (ObjectNode) fresh.get("person");
    p.put("company", "Analytical Engines").put("title", "Engineer");
    p.putArray("educations")
        .addObject()
        .put("school", "University of Cambridge")
        .put("degree", "Bachelor's Degree")
        .put("start_date", "2001-09")
        .put("end_date", "2005-06");
    p.putArray("employments")
        .addObject()
        .put("company_name", "Babbage & Co")
        .put("title", "Analyst")
        .put("start_date", "2006-01-01");
    p.putArray("notes")
        .addObject()
        .put("body", "Sourced on Headhuntr.io")
        .put("visibility", "public");
    fresh
        .putArray("attachments")
        .addObject()
        .put("type", "resume")
        .put("filename", "ada-lovelace.txt")
        .put("content_type", "text/plain")
        .put(
            "content",
            Base64.getEncoder()
                .encodeToString(
                    "Ada Lovelace\nEngineer, Analytical Engines\n"
                        .getBytes(StandardCharsets.UTF_8)));
    fresh.putObject("target").put("type", "candidate").put("job_id", jobId);

    ObjectNode duplicate = person(actingUserId, "Known", "Person", existingEmail);
    duplicate.putObject("target").put("type", "candidate").put("job_id", jobId);

    ObjectNode prospect = person(actingUserId, "Grace", "Hopper", "grace.hopper@demo.example");
    ObjectNode target =
        prospect.putObject("target").put("type", "prospect").put("prospect_pool_id", poolId);
    if (poolStageId != null) {
      target.put("prospect_pool_stage_id", poolStageId);
    }
    return List.of(fresh, duplicate, prospect);
  }

  private static ObjectNode person(String acting, String first, String last, String email) {
    ObjectNode body = Json.mapper().createObjectNode().put("acting_user_id", acting);
    body.putObject("person")
        .put("first_name", first)
        .put("last_name", last)
        .putArray("email_addresses")
        .addObject()
        .put("value", email)
        .put("type", "personal");
    return body;
  }
}
