package io.headhuntr.connector;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code connector serve}: the service, until SIGTERM or Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the connector service.",
      "Environment: CONNECTOR_DB_URL, CONNECTOR_DB_USER, CONNECTOR_DB_PASSWORD (external"
          + " PostgreSQL; otherwise embedded under --data-dir), CONNECTOR_ADMIN_TOKEN (otherwise"
          + " generated and printed once), CONNECTOR_MASTER_KEY (Tink JSON keyset, or base64 of 32"
          + " bytes; otherwise <data-dir>/master-key.json), CONNECTOR_PUBLIC_BASE_URL,"
          + " CONNECTOR_INBOX_THREADS and CONNECTOR_PUSH_THREADS (background threads, default 2"
          + " each), CONNECTOR_TAKEOVER_AFTER (how long a silent instance's claimed work waits"
          + " before another instance takes it over)."
    })
final class ServeCommand implements Callable<Integer> {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ServeCommand.class);

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default 8080)")
  int port;

  @Option(
      names = "--data-dir",
      defaultValue = "./data",
      description = "embedded PostgreSQL and key file (default ./data)")
  Path dataDir;

  @Option(
      names = "--public-base-url",
      description = "origin Greenhouse reaches this service at (webhook URLs)")
  URI publicBaseUrl;

  @Override
  public Integer call() throws InterruptedException {
    Service service;
    try {
      // a bad variable (CONNECTOR_SYNC_INTERVAL=15min) stops here, its message naming it
      ConnectorConfig config =
          ConnectorConfig.fromEnvironment(
              System.getenv(), port, dataDir, Optional.ofNullable(publicBaseUrl));
      service = Service.start(config, Clock.systemUTC(), System.out);
    } catch (RuntimeException e) {
      log.error("connector could not start", e);
      System.err.println("connector: cannot start: " + e.getMessage());
      return 1;
    }
    System.out.println("connector: listening on " + service.app().baseUrl() + " (docs at /docs)");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.close();
                  stopped.countDown();
                },
                "connector-shutdown"));
    stopped.await();
    return 0;
  }
}
