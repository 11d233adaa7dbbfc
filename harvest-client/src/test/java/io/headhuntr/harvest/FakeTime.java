package io.headhuntr.harvest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that only moves when the client "sleeps"; records every wait so tests can assert on it.
 */
final class FakeTime extends Clock implements Sleeper {
  private volatile Instant now;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  FakeTime(Instant start) {
    this.now = start;
  }

  FakeTime() {
    this(Instant.parse("2026-03-01T12:00:00Z"));
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
  }

  synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  Duration totalSlept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
