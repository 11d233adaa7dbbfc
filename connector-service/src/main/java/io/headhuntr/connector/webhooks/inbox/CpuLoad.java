package io.headhuntr.connector.webhooks.inbox;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * How busy the machine's CPUs have been lately, from 0 to 1, as the JVM reads it (the whole system,
 * or the container's share where the JVM sees one), read again at most every quarter second. 1
 * where the JVM cannot tell, so that the appliers then give way on the intake rate alone.
 */
public final class CpuLoad implements DoubleSupplier {
  private static final long EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final com.sun.management.OperatingSystemMXBean os;
  private long readAt = System.nanoTime() - EVERY_NANOS;
  private double last = 1;

  private CpuLoad(com.sun.management.OperatingSystemMXBean os) {
    this.os = os;
  }

  /** The system's load as this JVM sees it. */
  public static CpuLoad system() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? new CpuLoad(os)
        : new CpuLoad(null);
  }

  @Override
  public synchronized double getAsDouble() {
    long now = System.nanoTime();
    if (os != null && now - readAt >= EVERY_NANOS) {
      readAt = now;
      double load = os.getCpuLoad();
      last = load >= 0 && load <= 1 ? load : 1;
    }
    return last;
  }
}
