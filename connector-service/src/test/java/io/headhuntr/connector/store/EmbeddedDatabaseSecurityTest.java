package io.headhuntr.connector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL is not an open door on the machine: it listens on loopback only, refuses
 * a connection without the generated password (kept owner-only beside the master key), and its
 * stale-server cleanup never signals a postgres that serves another data directory.
 */
class EmbeddedDatabaseSecurityTest {

  @Test
  void a_connection_without_the_password_is_refused_and_only_loopback_is_served(@TempDir Path dir)
      throws Exception {
    try (EmbeddedDatabase server = EmbeddedDatabase.start(dir)) {
      assertThatThrownBy(() -> connect(server.jdbcUrl(), null).close())
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> connect(server.jdbcUrl(), "not-the-password").close())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");

      Path passwordFile = dir.resolve(EmbeddedDatabase.PASSWORD_FILE);
      String password = Files.readString(passwordFile).trim();
      assertThat(password).hasSizeGreaterThanOrEqualTo(32);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
          .isEqualTo("rw-------");
      try (Connection c = connect(server.jdbcUrl(), password);
          ResultSet rs = c.createStatement().executeQuery("show listen_addresses")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("localhost");
      }
    }
    try (EmbeddedDatabase again = EmbeddedDatabase.start(dir)) {
      assertThat(again.password())
          .as("the same password on the next start")
          .isEqualTo(Files.readString(dir.resolve(EmbeddedDatabase.PASSWORD_FILE)).trim());
      assertThatThrownBy(() -> connect(again.jdbcUrl(), null).close())
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void a_data_directory_made_with_trust_authentication_gets_the_password(@TempDir Path dir)
      throws Exception {
    // how data directories were made before passwords were required: zonky's defaults (trust)
    EmbeddedPostgres.builder()
        .setDataDirectory(dir.resolve("pg"))
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(false)
        .start()
        .close();

    try (EmbeddedDatabase server = EmbeddedDatabase.start(dir)) {
      assertThatThrownBy(() -> connect(server.jdbcUrl(), null).close())
          .as("no longer open without a password")
          .isInstanceOf(SQLException.class);
      connect(server.jdbcUrl(), server.password()).close();
    }
  }

  @Test
  void a_pid_file_naming_a_postgres_of_another_data_directory_is_not_signalled(
      @TempDir Path mine, @TempDir Path other) throws Exception {
    EmbeddedDatabase.start(mine).close();
    try (EmbeddedDatabase otherServer = EmbeddedDatabase.start(other)) {
      long otherPid = EmbeddedDatabase.postmasterPid(other.resolve("pg")).orElseThrow();
      // my data directory's pid file now names a live postgres, but not one serving my directory
      Files.writeString(
          mine.resolve("pg").resolve("postmaster.pid"),
          otherPid + "\n" + mine.resolve("pg") + "\n");

      try (EmbeddedDatabase server = EmbeddedDatabase.start(mine)) {
        connect(server.jdbcUrl(), server.password()).close();
      }
      assertThat(ProcessHandle.of(otherPid).map(ProcessHandle::isAlive))
          .as("the other data directory's postgres was left alone")
          .contains(true);
      connect(otherServer.jdbcUrl(), otherServer.password()).close();
    }
  }

  private static Connection connect(String jdbcUrl, String password) throws SQLException {
    Properties properties = new Properties();
    if (password != null) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(jdbcUrl, properties);
  }
}
