package io.headhuntr.connector.bench;

import io.headhuntr.connector.store.Database;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and by the PostgreSQL server behind a {@link Database} (its
 * postmaster, found as the parent of a backend, and every process under it), for benchmarks on a
 * shared machine where CPU seconds per unit of work move less with other load than wall time.
 * PostgreSQL's share is empty when the server is not on this machine or not visible.
 */
public final class ProcessCpu {
  private final Optional<ProcessHandle> postmaster;

  private ProcessCpu(Optional<ProcessHandle> postmaster) {
    this.postmaster = postmaster;
  }

  /** Finds the server through one backend's pid. */
  public static ProcessCpu of(Database database) {
    long backend =
        database
            .jdbi()
            .withHandle(h -> h.createQuery("select pg_backend_pid()").mapTo(Long.class).one());
    return new ProcessCpu(ProcessHandle.of(backend).flatMap(ProcessHandle::parent));
  }

  /** CPU seconds of this JVM and of PostgreSQL at one moment. */
  public record Reading(double jvmSeconds, double postgresSeconds) {
    /** What was used between {@code earlier} and this reading. */
    public Reading since(Reading earlier) {
      return new Reading(
          jvmSeconds - earlier.jvmSeconds, postgresSeconds - earlier.postgresSeconds);
    }
  }

  public Reading read() {
    double postgres =
        postmaster
            .map(
                pm ->
                    Stream.concat(Stream.of(pm), pm.descendants())
                        .mapToDouble(ProcessCpu::seconds)
                        .sum())
            .orElse(Double.NaN);
    return new Reading(seconds(ProcessHandle.current()), postgres);
  }

  private static double seconds(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
  }
}
