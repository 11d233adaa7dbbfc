package io.headhuntr.connector.webhooks.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock tests move by hand; starts at the real now (rounded to micros, as PostgreSQL keeps). */
public final class TestClock extends Clock {
  private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

  public void advance(Duration by) {
    now = now.plus(by);
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
