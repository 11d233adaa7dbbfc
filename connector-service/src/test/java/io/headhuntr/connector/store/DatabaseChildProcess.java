package io.headhuntr.connector.store;

import java.nio.file.Path;

/** A child JVM for {@link EmbeddedDatabaseRestartTest}: opens the embedded database and waits. */
public final class DatabaseChildProcess {
  private DatabaseChildProcess() {}

  public static void main(String[] args) throws Exception {
    Database database = Database.embedded(Path.of(args[0]));
    database.jdbi().useHandle(h -> h.execute("create table if not exists child_marker (n int)"));
    database.jdbi().useHandle(h -> h.execute("insert into child_marker values (1)"));
    System.out.println("READY");
    System.out.flush();
    Thread.currentThread().join(); // until killed
  }
}
