package io.headhuntr.sandbox.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One fault rule: which requests (a path prefix, and the method when given) and what happens to
 * them. The three rates are shares of matching requests, drawn from one number so they never
 * overlap and sum to at most 1.
 *
 * @param path a path prefix such as {@code /v1/candidates}
 * @param method an HTTP method, or empty for every method
 * @param errorRate share answered 500 before the handler runs (nothing applied)
 * @param timeoutAfterApplyRate share where the handler runs (the write is applied) but no answer
 *     ever comes
 * @param resetRate share whose connection is reset before the handler runs
 * @param latencyMs delay added before anything else, in milliseconds
 * @param rateLimitStorm whether every matching request gets 429 with {@code Retry-After}
 */
public record FaultRule(
    String path,
    Optional<String> method,
    double errorRate,
    double timeoutAfterApplyRate,
    double resetRate,
    long latencyMs,
    boolean rateLimitStorm) {

  private static final Set<String> FIELDS =
      Set.of(
          "path",
          "method",
          "error_rate",
          "timeout_after_apply_rate",
          "reset_rate",
          "latency_ms",
          "rate_limit_storm");
  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  public FaultRule {
    if (path == null || !path.startsWith("/")) {
      throw new InvalidFaultRule("path", "must start with /");
    }
    method = method.map(m -> m.toUpperCase(Locale.ROOT));
    if (method.isPresent() && !METHODS.contains(method.get())) {
      throw new InvalidFaultRule("method", "unknown HTTP method " + method.get());
    }
    checkRate("error_rate", errorRate);
    checkRate("timeout_after_apply_rate", timeoutAfterApplyRate);
    checkRate("reset_rate", resetRate);
    if (errorRate + timeoutAfterApplyRate + resetRate > 1.0 + 1e-9) {
      throw new InvalidFaultRule(
          "error_rate", "error_rate + timeout_after_apply_rate + reset_rate must not exceed 1");
    }
    if (latencyMs < 0 || latencyMs > 600_000) {
      throw new InvalidFaultRule("latency_ms", "must be between 0 and 600000");
    }
  }

  /** Whether this rule covers a request. */
  public boolean matches(String requestPath, String requestMethod) {
    return requestPath.startsWith(path)
        && method.map(m -> m.equalsIgnoreCase(requestMethod)).orElse(true);
  }

  /**
   * Reads one rule of {@code POST /sandbox/faults}; unknown fields and bad values are refused by
   * name.
   */
  static FaultRule fromJson(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new InvalidFaultRule(where, "must be an object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!FIELDS.contains(field)) {
        throw new InvalidFaultRule(where + "." + field, "unknown field");
      }
    }
    JsonNode path = node.get("path");
    if (path == null || !path.isTextual()) {
      throw new InvalidFaultRule(where + ".path", "is required and must be a string");
    }
    JsonNode method = node.get("method");
    if (method != null && !method.isNull() && !method.isTextual()) {
      throw new InvalidFaultRule(where + ".method", "must be a string");
    }
    try {
      return new FaultRule(
          path.textValue(),
          method == null || method.isNull() ? Optional.empty() : Optional.of(method.textValue()),
          number(node, "error_rate", where),
          number(node, "timeout_after_apply_rate", where),
          number(node, "reset_rate", where),
          (long) number(node, "latency_ms", where),
          bool(node, "rate_limit_storm", where));
    } catch (InvalidFaultRule e) {
      throw e.field().startsWith(where)
          ? e
          : new InvalidFaultRule(where + "." + e.field(), e.getMessage());
    }
  }

  private static double number(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return 0;
    }
    if (!value.isNumber()) {
      throw new InvalidFaultRule(where + "." + field, "must be a number");
    }
    return value.doubleValue();
  }

  private static boolean bool(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new InvalidFaultRule(where + "." + field, "must be true or false");
    }
    return value.booleanValue();
  }

  private static void checkRate(String field, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new InvalidFaultRule(field, "must be between 0 and 1");
    }
  }
}
