package io.headhuntr.connector.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** demo.json holds the demo's tokens and webhook secret: only its owner may read it. */
class DemoInfoTest {

  @Test
  void demo_json_is_written_owner_only_and_read_back(@TempDir Path dataDir) throws Exception {
    Path file = dataDir.resolve(DemoInfo.FILE);
    Files.writeString(file, "{}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    DemoInfo info =
        new DemoInfo(
            "http://localhost:8080",
            "admin-token",
            "tenant",
            "tenant-token",
            "http://localhost:8080/webhooks/x",
            "secret",
            "http://localhost:4010",
            "sandbox-key",
            "v3");

    info.write(dataDir);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(DemoInfo.read(dataDir)).contains(info);
    try (var left = Files.list(dataDir)) {
      assertThat(left).as("no temporary file left behind").containsExactly(file);
    }
  }
}
