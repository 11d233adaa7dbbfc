package io.headhuntr.sandbox.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.json.Json;

/** A refusal in Harvest's wire shape; handlers throw it and one exception mapper writes it. */
public final class HarvestError extends RuntimeException {
  private final int status;
  private final transient ObjectNode body;

  private HarvestError(int status, ObjectNode body) {
    super(status + " " + body, null, false, false);
    this.status = status;
    this.body = body;
  }

  public int status() {
    return status;
  }

  public ObjectNode body() {
    return body;
  }

  public static HarvestError message(int status, String message) {
    ObjectNode body = Json.object();
    body.put("message", message);
    return new HarvestError(status, body);
  }

  /** 404 {"message":"Resource not found"}, as documented (also for an unknown On-Behalf-Of). */
  public static HarvestError notFound() {
    return message(404, "Resource not found");
  }

  /** 422 {"message":"Validation error","errors":[{"message","field"}]}. */
  public static HarvestError invalid(String field, String message) {
    ObjectNode body = Json.object();
    body.put("message", "Validation error");
    ArrayNode errors = body.putArray("errors");
    errors.addObject().put("message", message).put("field", field);
    return new HarvestError(422, body);
  }

  /**
   * 422 {"errors":[{"message":"Missing required field: x","field":"x"}]}, as in the gem fixture.
   */
  public static HarvestError missing(String field) {
    ObjectNode body = Json.object();
    body.putArray("errors")
        .addObject()
        .put("message", "Missing required field: " + field)
        .put("field", field);
    return new HarvestError(422, body);
  }

  /**
   * 422 {"errors":[{"message":...}]} without a field: a state error such as unreject of an active
   * application.
   */
  public static HarvestError state(String message) {
    ObjectNode body = Json.object();
    body.putArray("errors").addObject().put("message", message);
    return new HarvestError(422, body);
  }
}
