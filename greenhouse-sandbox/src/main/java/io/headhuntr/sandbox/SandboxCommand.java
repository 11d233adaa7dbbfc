package io.headhuntr.sandbox;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code connector sandbox}: runs the Greenhouse sandbox in the foreground until Ctrl-C. */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description =
        "Runs a stateful emulator of one Greenhouse account (Harvest v1, webhooks) on 127.0.0.1.")
public final class SandboxCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      defaultValue = "4010",
      description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--api-key", description = "A Harvest API key holding every permission.")
  String apiKey;

  @Option(
      names = "--seed",
      defaultValue = "demo",
      description = "demo or empty (default ${DEFAULT-VALUE}).")
  String seed;

  @Option(names = "--candidates", defaultValue = "400", description = "People in the demo seed.")
  int candidates;

  @Option(
      names = "--random-seed",
      defaultValue = "42",
      description = "Makes the seed data deterministic.")
  long randomSeed;

  @Option(
      names = "--rate-limit",
      defaultValue = "50",
      description = "Requests per 10 s per key; 0 = off.")
  int rateLimit;

  @Option(
      names = "--time-scale",
      defaultValue = "1.0",
      description = "Retry delays and async creation run F times faster.")
  double timeScale;

  @Option(
      names = "--async-create",
      description = "New candidates 404 for a while (30 s / time scale).")
  boolean asyncCreate;

  @Option(
      names = "--missing-permission-status",
      defaultValue = "403",
      description = "401 or 403: what a key lacking an endpoint's permission gets.")
  int missingPermissionStatus;

  @Override
  public Integer call() throws InterruptedException {
    GreenhouseSandbox sandbox;
    try {
      sandbox = start();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sandbox.close();
                  stopped.countDown();
                }));
    System.out.println(
        "Greenhouse sandbox on "
            + sandbox.baseUrl()
            + " (seed "
            + seed
            + ", "
            + candidates
            + " people, rate limit "
            + rateLimit
            + "/10s"
            + (apiKey == null ? ", no API key: add one with POST /sandbox/keys" : "")
            + "). Ctrl-C stops it.");
    stopped.await();
    return 0;
  }

  /** Starts the sandbox the options describe; an invalid option is an IllegalArgumentException. */
  GreenhouseSandbox start() {
    SandboxSeed chosen;
    try {
      chosen = SandboxSeed.valueOf(seed.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--seed must be demo or empty, was " + seed, e);
    }
    return GreenhouseSandbox.builder()
        .port(port)
        .apiKey(apiKey)
        .seed(chosen)
        .candidates(candidates)
        .randomSeed(randomSeed)
        .rateLimit(rateLimit)
        .timeScale(timeScale)
        .asyncCreate(asyncCreate)
        .missingPermissionStatus(missingPermissionStatus)
        .start();
  }
}
