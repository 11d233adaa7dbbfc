package io.headhuntr.connector.webhooks;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code ../shared/greenhouse/examples}, or null when it is not there (tests then skip). */
final class SharedExamples {
  private SharedExamples() {}

  static Path file(String name) {
    for (Path shared :
        new Path[] {
          Path.of(System.getProperty("shared.dir", "../shared")), Path.of("../../shared")
        }) {
      Path candidate = shared.resolve("greenhouse/examples").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
