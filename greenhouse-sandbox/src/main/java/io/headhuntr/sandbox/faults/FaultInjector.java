package io.headhuntr.sandbox.faults;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.random.RandomGenerator;

/** Injects faults into Harvest handlers per path prefix and method, as configured by {@code POST /sandbox/faults}. */
public final class FaultInjector implements AutoCloseable {

  private final RandomGenerator random;

  public FaultInjector(RandomGenerator random) {
    this.random = random;
  }

  /** {@code POST /sandbox/faults}. */
  public void configure(Context ctx) {}

  /** Wraps a Harvest handler: may answer 5xx/429 or reset before it runs, add latency, or run it and never answer. */
  public Handler around(Handler harvestHandler) {
    return harvestHandler;
  }

  /** Releases every held request. */
  @Override
  public void close() {}
}
