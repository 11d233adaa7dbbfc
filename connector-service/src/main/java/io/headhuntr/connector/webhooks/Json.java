package io.headhuntr.connector.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/** This package's JSON: the API's conventions (snake_case, ISO-8601 instants) and its answers. */
final class Json {

  static final ObjectMapper MAPPER = io.headhuntr.connector.api.Json.mapper();

  private Json() {}

  static void answer(Context ctx, int status, Object value) {
    try {
      ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
