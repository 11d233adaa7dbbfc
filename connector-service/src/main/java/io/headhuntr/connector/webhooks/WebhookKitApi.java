package io.headhuntr.connector.webhooks;

import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.greenhouse.GreenhouseConnections;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * HTTP handlers of the webhook setup kit and of the Greenhouse-facing receiver; {@code App} routes
 * to them.
 */
public final class WebhookKitApi {

  /** Greenhouse bodies are small; anything bigger than this is refused with 413. */
  public static final long MAX_WEBHOOK_BYTES = 10L * 1024 * 1024;

  private final WebhookKit kit;

  public WebhookKitApi(Jdbi jdbi, WebhookKitConfig config) {
    this(jdbi, config, VerifiedDeliveries.NONE);
  }

  /**
   * Handlers whose receiver also commits each verified delivery to {@code inbox} before the 200.
   */
  public WebhookKitApi(Jdbi jdbi, WebhookKitConfig config, VerifiedDeliveries inbox) {
    this.kit = new WebhookKit(jdbi, config, inbox);
  }

  /**
   * As above, registering the webhooks itself for tenants whose connection in {@code greenhouse}
   * may (Harvest v3 partner connections).
   */
  public WebhookKitApi(
      Jdbi jdbi,
      WebhookKitConfig config,
      VerifiedDeliveries inbox,
      GreenhouseConnections greenhouse) {
    this.kit = new WebhookKit(jdbi, config, inbox, greenhouse);
  }

  /** The service behind these handlers (for the CLI, activation and the demo). */
  public WebhookKit kit() {
    return kit;
  }

  /**
   * {@code GET /api/v1/tenants/{tenant_id}/webhooks/setup}; {@code ?refresh=true} reads
   * Greenhouse's state of an automatic tenant's webhooks now instead of at most once a minute.
   */
  public void setup(Context ctx) {
    Json.answer(
        ctx, 200, kit.setup(tenantId(ctx), "true".equalsIgnoreCase(ctx.queryParam("refresh"))));
  }

  /**
   * {@code POST /api/v1/tenants/{tenant_id}/webhooks/register}: the connector registers the 14
   * webhooks in Greenhouse (automatic tenants); 409 with the reason for a tenant whose webhooks are
   * made by hand.
   */
  public void register(Context ctx) {
    UUID tenantId = tenantId(ctx);
    try {
      Json.answer(ctx, 200, kit.register(tenantId));
    } catch (WebhookRegistrar.Refused e) {
      throw ProblemException.conflict(
          "the connector cannot register this tenant's webhooks: " + e.getMessage(),
          List.of(e.getMessage()));
    }
  }

  /** Called after a tenant connected Greenhouse: registers its webhooks if it may (best effort). */
  public void connected(UUID tenantId) {
    kit.connected(tenantId);
  }

  /** {@code POST /api/v1/tenants/{tenant_id}/webhooks/secret/rotate}. */
  public void rotateSecret(Context ctx) {
    Json.answer(ctx, 200, kit.rotateSecret(tenantId(ctx)));
  }

  /** {@code POST /webhooks/greenhouse/{endpoint_key}}: verify, record, answer exactly 200. */
  public void receive(Context ctx) {
    String endpointKey = ctx.pathParam("endpoint_key");
    if (!kit.knowsEndpoint(endpointKey)) {
      // answered before the body is read: a stranger's request costs no memory
      throw ProblemException.notFound("no webhook endpoint with this key");
    }
    if (ctx.contentLength() > MAX_WEBHOOK_BYTES) {
      throw tooLarge();
    }
    ReceiveOutcome outcome =
        kit.receive(
            endpointKey,
            readCapped(ctx),
            ctx.header("Signature"),
            Optional.ofNullable(ctx.header("Greenhouse-Event-ID")).filter(id -> !id.isBlank()));
    switch (outcome) {
      case UNKNOWN_ENDPOINT -> throw ProblemException.notFound("no webhook endpoint with this key");
      case BAD_SIGNATURE ->
          throw ProblemException.unauthorized(
              "the Signature header is missing or does not match this endpoint's secret key");
      default -> Json.answer(ctx, 200, Map.of("received", outcome.name().toLowerCase()));
    }
  }

  /**
   * The body, read as a stream and cut off past {@link #MAX_WEBHOOK_BYTES} (a chunked body
   * announces no length: it is counted as it arrives).
   */
  private static byte[] readCapped(Context ctx) {
    try (java.io.InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes((int) MAX_WEBHOOK_BYTES + 1);
      if (body.length > MAX_WEBHOOK_BYTES) {
        throw tooLarge();
      }
      return body;
    } catch (java.io.IOException e) {
      throw ProblemException.badRequest("the body could not be read: " + e.getMessage());
    }
  }

  private static ProblemException tooLarge() {
    return ProblemException.tooLarge(
        "a webhook body may be at most " + MAX_WEBHOOK_BYTES + " bytes");
  }

  /** Called when a tenant is created: its endpoint key and secret. */
  public void initTenant(UUID tenantId) {
    kit.initTenant(tenantId);
  }

  /** Activation warnings (never blockers), e.g. "no ping yet for: Job Deleted, ...". */
  public List<String> warnings(UUID tenantId) {
    return kit.warnings(tenantId);
  }

  private static UUID tenantId(Context ctx) {
    return UUID.fromString(ctx.pathParam("tenant_id"));
  }
}
