package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.greenhouse.CallLog;
import java.time.Clock;
import java.time.Duration;

/**
 * Records every Greenhouse call one run of a push makes (method, path without query, status, ms),
 * so a push shows the calls it cost. A read retried inside the adapter counts once.
 */
final class CallRecorder implements CallLog {
  private final ArrayNode calls = Json.mapper().createArrayNode();
  private final Clock clock;

  CallRecorder(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void called(String method, String path, int status, Duration took) {
    calls
        .addObject()
        .put("method", method)
        .put("path", path)
        .put("status", status)
        .put("ms", took.toMillis())
        .put("at", clock.instant().toString());
  }

  ArrayNode calls() {
    return calls;
  }
}
