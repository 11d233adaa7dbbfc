package io.headhuntr.connector.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CPU time spent by this JVM and by the embedded PostgreSQL of {@code dataDir} (its postmaster and
 * backends): on a shared, loaded machine, CPU per delivery says more than a wall-clock rate.
 */
final class CpuClock {
  private final Path dataDir;

  CpuClock(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** CPU nanos of the JVM and of postgres at one moment. */
  record Reading(long jvmNanos, long postgresNanos) {}

  Reading read() {
    long jvm = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    long postgres =
        postmaster()
            .map(
                pm ->
                    java.util.stream.Stream.concat(java.util.stream.Stream.of(pm), pm.descendants())
                        .mapToLong(
                            p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                        .sum())
            .orElse(0L);
    return new Reading(jvm, postgres);
  }

  private Optional<ProcessHandle> postmaster() {
    try {
      List<String> lines =
          Files.readAllLines(
              dataDir.resolve("pg").resolve("postmaster.pid"), StandardCharsets.UTF_8);
      return lines.isEmpty()
          ? Optional.empty()
          : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * One line: CPU milliseconds per delivery while acknowledging (server JVM without the load
   * generator's threads, postgres) and over the whole run until applied.
   */
  static String describe(
      Reading start,
      Reading lastAck,
      Reading applied,
      long clientNanos,
      int deliveries,
      long backlogAtLastAck) {
    double ackJvm = (lastAck.jvmNanos() - start.jvmNanos() - clientNanos) / 1e6 / deliveries;
    double ackPg = (lastAck.postgresNanos() - start.postgresNanos()) / 1e6 / deliveries;
    double allJvm = (applied.jvmNanos() - start.jvmNanos() - clientNanos) / 1e6 / deliveries;
    double allPg = (applied.postgresNanos() - start.postgresNanos()) / 1e6 / deliveries;
    double client = clientNanos / 1e6 / deliveries;
    // rows applied after the last ack cost what the drain cost; the ack window also applied the
    // rest, so what is left of the window's CPU is the intake's own
    double drainTotal =
        (applied.jvmNanos()
                - lastAck.jvmNanos()
                + applied.postgresNanos()
                - lastAck.postgresNanos())
            / 1e6;
    double perApplied = backlogAtLastAck > 0 ? drainTotal / backlogAtLastAck : 0;
    double intakeOnly =
        (ackJvm + ackPg) - perApplied * (deliveries - backlogAtLastAck) / (double) deliveries;
    return String.format(
        Locale.ROOT,
        "intake-benchmark cpu_ms_per_delivery: load_generator=%.3f; until_last_ack(server_jvm=%.3f"
            + " postgres=%.3f); until_applied(server_jvm=%.3f postgres=%.3f total=%.3f);"
            + " apply_alone(drain)=%.3f intake_alone(estimate)=%.3f;"
            + " 2-core ceiling for intake+apply=%.0f/s, intake alone with the load generator=%.0f/s",
        client,
        ackJvm,
        ackPg,
        allJvm,
        allPg,
        allJvm + allPg,
        perApplied,
        intakeOnly,
        2000 / (allJvm + allPg),
        2000 / (intakeOnly + client));
  }
}
