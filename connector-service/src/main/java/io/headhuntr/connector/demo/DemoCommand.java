package io.headhuntr.connector.demo;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code connector demo}: the product on its embedded defaults, with a configured demo tenant. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start embedded PostgreSQL, the Greenhouse sandbox (demo seed) and the connector, configure a"
          + " demo tenant through the API (key, permission check, 14 webhooks, users export, user"
          + " mapping, activation) and write demo.json into --data-dir. Runs until Ctrl-C.",
      "A second run with the same --data-dir reuses its database and tenant."
    })
public final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "connector HTTP port (default 8080)")
  int port;

  @Option(
      names = "--sandbox-port",
      defaultValue = "4010",
      description = "Greenhouse sandbox port (default 4010)")
  int sandboxPort;

  @Option(
      names = "--data-dir",
      defaultValue = "./data",
      description = "embedded PostgreSQL, key file and demo.json (default ./data)")
  Path dataDir;

  @Option(
      names = "--api",
      defaultValue = "v3",
      description =
          "v3 (default: today's Greenhouse, OAuth client credentials) or v1 (the setup guide as"
              + " written, an API key)")
  String api;

  @Override
  public Integer call() throws InterruptedException {
    Demo demo;
    try {
      demo = Demo.start(new Demo.Options(port, sandboxPort, dataDir, api), System.out);
    } catch (RuntimeException e) {
      System.err.println("demo: failed: " + causes(e));
      System.err.println(
          "demo: is another program using port "
              + port
              + " or "
              + sandboxPort
              + "? Choose others with --port and --sandbox-port.");
      return 1;
    }
    demo.printGuide(System.out, dataDir);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  demo.close();
                  stopped.countDown();
                },
                "demo-shutdown"));
    stopped.await();
    return 0;
  }

  private static String causes(Throwable e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      text.append(" <- ").append(cause.getMessage());
    }
    return text.toString();
  }
}
