package io.headhuntr.harvest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds {@code ../shared/greenhouse/examples} (read at run time, never copied into the repository).
 */
final class SharedExamples {
  static final String SKIPPED = "skipped: ../shared/greenhouse/examples not present";

  private SharedExamples() {}

  static Optional<Path> folder() {
    Stream<String> candidates =
        Stream.of(System.getProperty("shared.dir"), "../shared", "../../shared");
    return candidates
        .filter(s -> s != null && !s.isBlank())
        .map(s -> Path.of(s).resolve("greenhouse/examples"))
        .filter(Files::isDirectory)
        .findFirst();
  }

  static List<Path> harvestExamples() throws java.io.IOException {
    Path dir = folder().orElseThrow();
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().matches("harvest-.*\\.json"))
          .sorted()
          .toList();
    }
  }
}
