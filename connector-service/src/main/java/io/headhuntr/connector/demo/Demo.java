package io.headhuntr.connector.demo;

import io.headhuntr.connector.ConnectorConfig;
import io.headhuntr.connector.Service;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The running demo: the Greenhouse sandbox, the connector on embedded PostgreSQL under the data
 * directory, and a demo tenant configured through the API; closing stops all of it.
 */
public final class Demo implements AutoCloseable {

  /** Where and how to run: ports (0 picks a free one) and the data directory. */
  public record Options(int port, int sandboxPort, Path dataDir, String api) {
    /** {@code api}: {@code v3} (today's Greenhouse, OAuth client credentials) or {@code v1}. */
    public Options {
      if (!"v1".equals(api) && !"v3".equals(api)) {
        throw new IllegalArgumentException("--api must be v1 or v3, was " + api);
      }
    }

    /** The default: Harvest v3. */
    public Options(int port, int sandboxPort, Path dataDir) {
      this(port, sandboxPort, dataDir, "v3");
    }
  }

  private final GreenhouseSandbox sandbox;
  private final Service service;
  private final DemoInfo info;
  private final Optional<SampleAction> sampleAction;
  private final List<String> pushIds;

  private Demo(
      GreenhouseSandbox sandbox,
      Service service,
      DemoInfo info,
      Optional<SampleAction> sampleAction,
      List<String> pushIds) {
    this.sandbox = sandbox;
    this.service = service;
    this.info = info;
    this.sampleAction = sampleAction;
    this.pushIds = List.copyOf(pushIds);
  }

  /**
   * Starts everything, walks the guide, writes {@code demo.json}; a second run reuses the tenant.
   */
  public static Demo start(Options options, PrintStream out) throws InterruptedException {
    Optional<DemoInfo> previous = DemoInfo.read(options.dataDir());
    String adminToken =
        previous.map(DemoInfo::adminToken).orElseGet(() -> "ghc_admin_demo_" + random());
    String sandboxKey =
        previous.map(DemoInfo::sandboxApiKey).orElseGet(() -> "sandbox_demo_" + random());

    GreenhouseSandbox sandbox =
        GreenhouseSandbox.builder()
            .port(options.sandboxPort())
            .apiKey(sandboxKey)
            .seed(SandboxSeed.DEMO)
            .start();
    Service service = null;
    try {
      int port = options.port() == 0 ? freePort() : options.port();
      URI connectorUrl = URI.create("http://127.0.0.1:" + port);
      ConnectorConfig config =
          new ConnectorConfig(
              new ConnectorConfig.HttpConfig(
                  port, ConnectorConfig.HttpConfig.DEFAULT_MAX_REQUEST_BYTES),
              // the demo always runs on embedded PostgreSQL under its data directory
              new ConnectorConfig.DbConfig(Optional.empty(), "postgres", "", options.dataDir()),
              new ConnectorConfig.SecurityConfig(
                  Optional.of(adminToken),
                  Optional.empty(),
                  Duration.ofMinutes(1),
                  // the demo's Greenhouse is the sandbox on loopback: the one host it allows
                  io.headhuntr.connector.credentials.GreenhouseHosts.allowing(
                      sandbox.baseUrl().toString())),
              connectorUrl);
      out.println(
          "demo: starting embedded PostgreSQL and the connector on "
              + connectorUrl
              + ", the Greenhouse sandbox on "
              + sandbox.baseUrl());
      service = Service.start(config, Clock.systemUTC(), out);
      DemoWalkthrough walkthrough =
          new DemoWalkthrough(
              connectorUrl,
              sandbox.baseUrl(),
              DemoCredential.of(options.api(), sandboxKey, sandbox),
              adminToken,
              out);
      DemoInfo info = walkthrough.run(previous);
      info.write(options.dataDir());
      return new Demo(sandbox, service, info, walkthrough.sampleAction(), walkthrough.pushIds());
    } catch (RuntimeException | InterruptedException e) {
      if (service != null) {
        service.close();
      }
      sandbox.close();
      throw e;
    }
  }

  public DemoInfo info() {
    return info;
  }

  /** A recruiter action to try in the sandbox, when it has a candidate. */
  public Optional<SampleAction> sampleAction() {
    return sampleAction;
  }

  /** The ids of the people the demo pushed (new candidate, duplicate, prospect). */
  public List<String> pushIds() {
    return pushIds;
  }

  /** Prints what to open and try. */
  public void printGuide(PrintStream out, Path dataDir) {
    String tenant = info.connectorUrl() + "/api/v1/tenants/" + info.tenantId();
    String auth = "-H 'Authorization: Bearer " + info.tenantToken() + "'";
    out.println();
    out.println("The demo is running. Open:");
    out.println("  Console:                " + info.connectorUrl() + "/console");
    out.println("  Sign in to it once at:  " + consoleLink() + "  (one-time link, 15 minutes)");
    out.println("  API docs (Swagger UI):  " + info.connectorUrl() + "/docs");
    out.println(
        "  Greenhouse sandbox:     "
            + info.sandboxUrl()
            + "  (Harvest at /v1 and /v3, OAuth at /token, admin at /sandbox)");
    out.println("Try:");
    out.println("  curl " + auth + " " + tenant + "/webhooks/setup");
    out.println("  curl " + auth + " " + tenant + "/user-mappings");
    out.println("  curl " + auth + " " + tenant + "/greenhouse/permissions");
    out.println("Pushes (the demo pushed three people and hired one), outcomes and the mirror:");
    pushIds.forEach(id -> out.println("  curl " + auth + " " + tenant + "/pushes/" + id));
    out.println("  curl " + auth + " " + tenant + "/events");
    out.println("  curl " + auth + " " + tenant + "/sync");
    out.println("  curl " + auth + " " + tenant + "/jobs");
    sampleAction.ifPresent(
        action -> {
          out.println("Make the sandbox send a webhook (a recruiter edits a candidate), then look");
          out.println("at the kit again (update_candidate: delivering):");
          out.println("  " + action.curl());
        });
    out.println("Tokens, webhook URL and secret: " + dataDir.resolve(DemoInfo.FILE));
    out.println(
        "Ctrl-C stops everything; run ./connector demo again to continue with the same data.");
    out.flush();
  }

  /**
   * A one-time console sign-in link for the demo tenant, issued through the API like every other
   * step of the demo; its first visit opens a session, any later one is refused.
   */
  public String consoleLink() {
    return new DemoHttp()
        .expectOk(
            "issue a console sign-in link",
            "POST",
            URI.create(
                info.connectorUrl() + "/api/v1/tenants/" + info.tenantId() + "/console-links"),
            info.tenantToken(),
            null)
        .get("url")
        .asText();
  }

  @Override
  public void close() {
    try {
      service.close();
    } finally {
      sandbox.close();
    }
  }

  private static String random() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
