package io.headhuntr.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.json.Json;
import io.javalin.http.Context;

/** Writes JSON answers and reads JSON request bodies the way Harvest handlers need. */
public final class Respond {
  private Respond() {}

  public static void json(Context ctx, int status, JsonNode body) {
    try {
      ctx.status(status)
          .contentType("application/json")
          .result(Json.MAPPER.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void ok(Context ctx, JsonNode body) {
    json(ctx, 200, body);
  }

  /** The request body as a JSON object; an empty body reads as {}; anything else is a 400. */
  public static ObjectNode body(Context ctx) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) {
      return Json.object();
    }
    try {
      JsonNode node = Json.MAPPER.readTree(bytes);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (java.io.IOException e) {
      // fall through to the refusal below
    }
    throw HarvestError.message(400, "The request body must be a JSON object");
  }

  /** A numeric path parameter; a non-number is a 404 like an unknown id. */
  public static long pathId(Context ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw HarvestError.notFound();
    }
  }
}
