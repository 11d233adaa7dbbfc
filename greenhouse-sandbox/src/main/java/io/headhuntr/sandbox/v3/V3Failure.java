package io.headhuntr.sandbox.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.http.HarvestError;
import io.headhuntr.sandbox.json.Json;

/**
 * A refusal in Harvest v3's wire shape ({@code {"message", "errors":[{"message","field"}]}}, errors
 * on 422 only); v3 handlers throw it and {@link V3Routes} writes it.
 */
final class V3Failure extends RuntimeException {
  private final int status;
  private final transient ObjectNode body;

  private V3Failure(int status, ObjectNode body) {
    super(status + " " + body, null, false, false);
    this.status = status;
    this.body = body;
  }

  int status() {
    return status;
  }

  ObjectNode body() {
    return body;
  }

  /** 422 naming the field: {@code {"message":"<field> <problem>","errors":[..]}}. */
  static V3Failure invalid(String field, String problem) {
    ObjectNode body = Json.object();
    body.put("message", field + " " + problem);
    body.putArray("errors").addObject().put("message", problem).put("field", field);
    return new V3Failure(422, body);
  }

  /** 422 {@code errors:[{"field":"<name>","message":"is required"}]}. */
  static V3Failure required(String field) {
    return invalid(field, "is required");
  }

  /** 422 for a state that forbids the call (no field). */
  static V3Failure state(String message) {
    ObjectNode body = Json.object();
    body.put("message", message);
    body.putArray("errors").addObject().put("message", message);
    return new V3Failure(422, body);
  }

  /** 404 {"message":"Resource not found"}. */
  static V3Failure notFound() {
    ObjectNode body = Json.object();
    body.put("message", "Resource not found");
    return new V3Failure(404, body);
  }

  /** The same refusal with its field named inside {@code parent} (e.g. application.job_id). */
  V3Failure within(String parent) {
    JsonNode first = body.path("errors").path(0);
    if (status != 422 || !first.hasNonNull("field")) {
      return this;
    }
    return invalid(parent + "." + first.get("field").asText(), first.path("message").asText());
  }

  /** The same refusal raised by shared v1 logic, rewritten in the v3 shape. */
  static V3Failure from(HarvestError e) {
    ObjectNode v1 = e.body();
    JsonNode first = v1.path("errors").path(0);
    if (e.status() != 422 || first.isMissingNode()) {
      ObjectNode body = Json.object();
      body.put("message", v1.path("message").asText("Request refused"));
      return new V3Failure(e.status(), body);
    }
    String message = first.path("message").asText();
    if (message.startsWith("Missing required field")) {
      message = "is required";
    }
    if (first.hasNonNull("field")) {
      return invalid(first.get("field").asText(), message);
    }
    return state(message);
  }
}
