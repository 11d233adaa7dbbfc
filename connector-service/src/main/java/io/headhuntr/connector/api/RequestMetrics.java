package io.headhuntr.connector.api;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** Times every request by method, route pattern (not the raw path) and status. */
public final class RequestMetrics {
  private static final String STARTED_NANOS = "connector.started_nanos";
  private final MeterRegistry registry;

  public RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void start(Context ctx) {
    ctx.attribute(STARTED_NANOS, System.nanoTime());
  }

  public void finish(Context ctx) {
    Long started = ctx.attribute(STARTED_NANOS);
    if (started == null) {
      return;
    }
    String route;
    try {
      Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
      route = matched == null ? "unmatched" : matched.path;
    } catch (RuntimeException unmatched) {
      route = "unmatched";
    }
    Timer.builder("connector.http.requests")
        .tag("method", ctx.method().name())
        .tag("route", route)
        .tag("status", Integer.toString(ctx.statusCode()))
        .register(registry)
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }
}
