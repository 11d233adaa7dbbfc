package io.headhuntr.harvest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.harvest.FieldError;
import io.headhuntr.harvest.HarvestException;
import io.headhuntr.harvest.HarvestForbiddenException;
import io.headhuntr.harvest.HarvestNotFoundException;
import io.headhuntr.harvest.HarvestRateLimitedException;
import io.headhuntr.harvest.HarvestServerException;
import io.headhuntr.harvest.HarvestUnauthorizedException;
import io.headhuntr.harvest.HarvestValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a non-2xx answer into the one exception the caller acts on. Reads Greenhouse's error body
 * in both shapes: {@code {"message", "errors":[{"message","field"}]}} and {@code {"errors":[...]}}
 * without a top-level message.
 */
final class ErrorMapper {
  private ErrorMapper() {}

  static HarvestException toException(
      HarvestRequest request, HarvestResponse response, Duration retryAfter) {
    String method = request.method();
    String path = request.path();
    ErrorBody body = ErrorBody.read(response.body());
    int status = response.status();
    return switch (status) {
      case 401 -> new HarvestUnauthorizedException(method, path, body.summary());
      case 403 -> new HarvestForbiddenException(method, path, body.summary());
      case 404, 410 -> new HarvestNotFoundException(method, path, status, body.summary());
      case 429 -> new HarvestRateLimitedException(method, path, retryAfter);
      default ->
          status >= 400 && status < 500
              ? new HarvestValidationException(method, path, status, body.message(), body.errors())
              : new HarvestServerException(method, path, status, body.summary());
    };
  }

  /** Greenhouse's error body, every member optional; a body that is not JSON reads as empty. */
  record ErrorBody(String message, List<FieldError> errors) {
    static ErrorBody read(byte[] bytes) {
      try {
        JsonNode root = bytes.length == 0 ? null : Json.mapper().readTree(bytes);
        if (root == null || !root.isObject()) {
          return new ErrorBody(null, List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        for (JsonNode error : root.path("errors")) {
          errors.add(
              new FieldError(
                  error.hasNonNull("field") ? error.get("field").asText() : null,
                  error.hasNonNull("message") ? error.get("message").asText() : error.asText()));
        }
        String message = root.hasNonNull("message") ? root.get("message").asText() : null;
        return new ErrorBody(message, errors);
      } catch (java.io.IOException notJson) {
        return new ErrorBody(null, List.of());
      }
    }

    /**
     * The top-level message, else the listed messages; null when Greenhouse said nothing readable.
     */
    String summary() {
      if (message != null) {
        return message;
      }
      return errors.isEmpty()
          ? null
          : errors.stream()
              .map(FieldError::message)
              .collect(java.util.stream.Collectors.joining("; "));
    }

    /**
     * A 2xx body that is only an error list (a boolean {@code prospect} was reported to get one).
     */
    static boolean isErrorOnly(JsonNode root) {
      return root != null && root.isObject() && root.has("errors") && !root.has("id");
    }
  }
}
