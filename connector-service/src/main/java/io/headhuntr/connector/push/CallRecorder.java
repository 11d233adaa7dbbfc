package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.headhuntr.connector.api.Json;
import io.headhuntr.harvest.HarvestException;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Records every Harvest call one run of a push makes (method, path without query, status, ms), so a
 * push shows the calls it cost. A read the client retried internally counts once.
 */
final class CallRecorder {
  private final ArrayNode calls = Json.mapper().createArrayNode();
  private final Clock clock;

  CallRecorder(Clock clock) {
    this.clock = clock;
  }

  <T> T call(String method, String path, Supplier<T> call) {
    long started = System.nanoTime();
    int status = 0;
    try {
      T answer = call.get();
      status = method.equals("GET") ? 200 : 201;
      return answer;
    } catch (HarvestException e) {
      status = e.status();
      throw e;
    } finally {
      calls
          .addObject()
          .put("method", method)
          .put("path", path)
          .put("status", status)
          .put("ms", (System.nanoTime() - started) / 1_000_000)
          .put("at", clock.instant().toString());
    }
  }

  ArrayNode calls() {
    return calls;
  }
}
