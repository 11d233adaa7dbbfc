package io.headhuntr.harvest;

import java.time.Duration;

/** Waits for a while; injected so tests (and a caller's scheduler) decide what waiting means. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  /** Real waiting with {@link Thread#sleep}. */
  static Sleeper system() {
    return d -> Thread.sleep(d.toMillis());
  }
}
