package io.headhuntr.connector.bench;

import io.javalin.Javalin;
import java.net.URI;

/**
 * The benchmark's ceiling: a Javalin server on loopback whose webhook route answers 200 and does
 * nothing else (no signature check, no database). Sent the same deliveries by the same load
 * generator in the same run, it shows what the machine allows before any of the connector's work.
 */
final class BareEndpoint implements AutoCloseable {
  private final Javalin javalin;

  private BareEndpoint(Javalin javalin) {
    this.javalin = javalin;
  }

  static BareEndpoint start() {
    Javalin javalin =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.routes.post("/webhooks/greenhouse/{endpoint_key}", ctx -> ctx.status(200));
            });
    javalin.start(0);
    return new BareEndpoint(javalin);
  }

  /** The webhook URL, with the same path shape as the connector's. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + javalin.port() + "/webhooks/greenhouse/bare");
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
