package io.headhuntr.connector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

// child processes: a hung child fails the test instead of hanging the build
@Timeout(
    value = 3,
    unit = java.util.concurrent.TimeUnit.MINUTES,
    threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EmbeddedDatabaseRestartTest {

  @Test
  void starts_again_on_a_data_directory_whose_previous_jvm_was_killed(@TempDir Path dataDir)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-XX:TieredStopAtLevel=1", // a short-lived child: start fast
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                DatabaseChildProcess.class.getName(),
                dataDir.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean ready = false;
      while (!ready && (line = out.readLine()) != null) {
        ready = line.contains("READY");
      }
      assertThat(ready).as("child JVM opened the embedded database").isTrue();
      child.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    Optional<Long> leftOver = EmbeddedDatabase.postmasterPid(dataDir.resolve("pg"));
    assertThat(leftOver).as("the killed JVM left postgres running").isPresent();
    assertThat(ProcessHandle.of(leftOver.get()).map(ProcessHandle::isAlive)).contains(true);

    try (Database again = Database.embedded(dataDir)) {
      Integer rows =
          again
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select count(*) from child_marker")
                          .mapTo(Integer.class)
                          .one());
      assertThat(rows).isEqualTo(1);
      assertThat(again.isReachable()).isTrue();
    }
    assertThat(Files.exists(dataDir.resolve("pg").resolve("postmaster.pid")))
        .as("closed cleanly this time")
        .isFalse();
  }

  @Test
  void starts_when_a_stale_pid_file_names_a_live_process_that_is_not_postgres(@TempDir Path dataDir)
      throws Exception {
    Database.embedded(dataDir).close();
    Path pidFile = dataDir.resolve("pg").resolve("postmaster.pid");
    Process unrelated = new ProcessBuilder("sleep", "120").start(); // not postgres, not our parent
    try {
      Files.writeString(pidFile, unrelated.pid() + "\n" + dataDir.resolve("pg") + "\n");

      try (Database again = Database.embedded(dataDir)) {
        assertThat(again.isReachable()).isTrue();
      }
    } finally {
      unrelated.destroy();
    }
  }

  @Test
  void no_statement_may_run_longer_than_the_timeout() {
    Database database = TestDatabase.shared();
    String timeout =
        database
            .jdbi()
            .withHandle(h -> h.createQuery("show statement_timeout").mapTo(String.class).one());
    assertThat(timeout).isEqualTo(Database.STATEMENT_TIMEOUT_SECONDS + "s");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                database
                    .jdbi()
                    .useHandle(
                        h -> {
                          h.execute("set statement_timeout = '200ms'"); // this session only
                          try {
                            h.execute("select pg_sleep(2)");
                          } finally {
                            h.execute(
                                "set statement_timeout = '"
                                    + Database.STATEMENT_TIMEOUT_SECONDS
                                    + "s'");
                          }
                        }))
        .hasMessageContaining("statement timeout");
  }

  @Test
  void runs_with_durable_settings() {
    Database database = TestDatabase.shared();
    if (!database.isEmbedded()) {
      return; // an external server's settings are its operator's choice
    }
    String fsync =
        database.jdbi().withHandle(h -> h.createQuery("show fsync").mapTo(String.class).one());
    String commit =
        database
            .jdbi()
            .withHandle(h -> h.createQuery("show synchronous_commit").mapTo(String.class).one());
    assertThat(fsync).isEqualTo("on");
    assertThat(commit).isEqualTo("on");
  }
}
