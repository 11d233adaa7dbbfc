package io.headhuntr.connector.webhooks.inbox;

import io.headhuntr.connector.store.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * Test support for the intake tests: the shared database, the Greenhouse examples folder (absent on
 * some machines: tests skip), fixtures of our own, and cleanup of a test tenant's inbox rows so no
 * test leaves claimable work behind for the next.
 */
public final class Deliveries {
  private Deliveries() {}

  public static Jdbi jdbi() {
    return TestDatabase.shared().jdbi();
  }

  /** {@code ../shared/greenhouse/examples}, if present. */
  public static Optional<Path> examples() {
    for (Path shared :
        new Path[] {
          Path.of(System.getProperty("shared.dir", "../shared")), Path.of("../../shared")
        }) {
      Path dir = shared.resolve("greenhouse/examples");
      if (Files.isDirectory(dir)) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** Every {@code webhook-*.json} example, sorted by name. */
  public static List<Path> webhookExamples(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().matches("webhook-.*\\.json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture of ours under {@code src/test/resources/webhooks/}. */
  public static String fixture(String name) {
    try (var in = Deliveries.class.getResourceAsStream("/webhooks/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Removes the tenant's unfinished inbox rows (ready or running). */
  public static void clearUnfinished(UUID tenantId) {
    jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "delete from webhook_inbox where tenant_id = :t"
                            + " and state in ('ready', 'running')")
                    .bind("t", tenantId)
                    .execute());
  }

  /** Counts the tenant's inbox rows in {@code state}. */
  public static int count(UUID tenantId, String state) {
    return jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from webhook_inbox where tenant_id = :t and state = :s")
                    .bind("t", tenantId)
                    .bind("s", state)
                    .mapTo(Integer.class)
                    .one());
  }
}
