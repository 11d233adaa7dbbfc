package io.headhuntr.sandbox;

import io.headhuntr.sandbox.oauth.ClientCredentials;
import io.headhuntr.sandbox.oauth.OAuthClient;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code connector sandbox}: runs the Greenhouse sandbox in the foreground until Ctrl-C. */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description =
        "Runs a stateful emulator of one Greenhouse account (Harvest v1 and v3, OAuth, webhooks)"
            + " on 127.0.0.1.")
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

  @Option(
      names = "--v3-rate-limit",
      defaultValue = "150",
      description =
          "Harvest v3 requests per client in any 30 s; 0 = off (default ${DEFAULT-VALUE}).")
  int v3RateLimit;

  @Option(
      names = "--partner-redirect-uri",
      defaultValue = SandboxConfig.PARTNER_REDIRECT_URI,
      description = "The demo partner client's redirect URI (default ${DEFAULT-VALUE}).")
  String partnerRedirectUri;

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
            + " people, rate limit v1 "
            + rateLimit
            + "/10s, v3 "
            + v3RateLimit
            + "/30s"
            + (apiKey == null ? ", no API key: add one with POST /sandbox/keys" : "")
            + "). Ctrl-C stops it.");
    System.out.print(oauthClients(sandbox));
    stopped.await();
    return 0;
  }

  /** The demo OAuth clients, one line each, or nothing with another seed. */
  static String oauthClients(GreenhouseSandbox sandbox) {
    if (sandbox.config().seed() != SandboxSeed.DEMO) {
      return "";
    }
    StringBuilder out =
        new StringBuilder("Harvest v3 OAuth clients (token URL ")
            .append(sandbox.tokenUrl())
            .append("):\n");
    for (ClientCredentials c : List.of(sandbox.demoCustomClient(), sandbox.demoPartnerClient())) {
      OAuthClient client =
          sandbox.oauthClients().stream()
              .filter(o -> o.id().equals(c.clientId()))
              .findFirst()
              .orElseThrow();
      out.append("  ")
          .append(client.kind().wire())
          .append(": client id ")
          .append(c.clientId())
          .append(", secret ")
          .append(c.secret().value())
          .append(client.redirectUri().map(u -> ", redirect uri " + u).orElse(""))
          .append('\n');
    }
    return out.toString();
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
        .v3RateLimit(v3RateLimit)
        .partnerRedirectUri(partnerRedirectUri)
        .start();
  }
}
