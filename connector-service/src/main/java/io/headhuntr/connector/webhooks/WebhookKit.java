package io.headhuntr.connector.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.greenhouse.GreenhouseConnections;
import io.headhuntr.connector.greenhouse.WebhookDefinition;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook setup kit of each tenant: its endpoint and secret, the 14 webhooks with their state,
 * secret rotation, and the minimal receiver that records pings and deliveries. A tenant whose
 * Greenhouse connection may register webhooks itself (a Harvest v3 partner connection) reads {@link
 * WebhookRegistration#AUTOMATIC}: the connector registers the 14 ({@link WebhookRegistrar}) and the
 * kit shows Greenhouse's {@code deactivated} and {@code last_delivered} for each.
 */
public final class WebhookKit {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookKit.class);

  private final WebhookEndpoints endpoints;
  private final WebhookActivity activity;
  private final DeliveryTally tally;
  private final TenantWebhookSettings tenants;
  private final WebhookKitConfig config;
  private final VerifiedDeliveries deliveries;
  private final WebhookRegistrar registrar;

  public WebhookKit(Jdbi jdbi, WebhookKitConfig config) {
    this(jdbi, config, VerifiedDeliveries.NONE);
  }

  /** A kit whose receiver also hands each verified delivery to {@code deliveries} (the inbox). */
  public WebhookKit(Jdbi jdbi, WebhookKitConfig config, VerifiedDeliveries deliveries) {
    this(jdbi, config, deliveries, tenantId -> Optional.empty());
  }

  /** As above, registering the webhooks of tenants whose connection in {@code greenhouse} may. */
  public WebhookKit(
      Jdbi jdbi,
      WebhookKitConfig config,
      VerifiedDeliveries deliveries,
      GreenhouseConnections greenhouse) {
    this.deliveries = deliveries;
    this.registrar =
        new WebhookRegistrar(greenhouse, new WebhookRegistrations(jdbi), config.clock());
    this.endpoints = new WebhookEndpoints(jdbi, new SecretSealing(config.secretCipher()));
    this.activity = new WebhookActivity(jdbi);
    this.tally = new DeliveryTally(activity);
    this.tenants = new TenantWebhookSettings(jdbi, config);
    this.config = config;
  }

  /** Gives the tenant its endpoint key and secret (once; later calls change nothing). */
  public void initTenant(UUID tenantId) {
    endpoints.createIfAbsent(tenantId);
  }

  public WebhookSetup setup(UUID tenantId) {
    return setup(tenantId, false);
  }

  /**
   * The kit; for an automatic tenant Greenhouse's state of its webhooks is read first when the last
   * read is a minute old, or now when {@code refresh}.
   */
  public WebhookSetup setup(UUID tenantId, boolean refresh) {
    WebhookRegistrar.State registration = registrar.state(tenantId, refresh);
    tally.flush(tenantId);
    WebhookEndpoint endpoint = endpoints.createIfAbsent(tenantId);
    TenantWebhookSettings.Settings settings = tenants.of(tenantId);
    String url = endpointUrl(settings, endpoint);
    Map<String, WebhookActivity.Row> seen = activity.byAction(tenantId);
    Instant now = config.clock().instant();
    Map<String, Long> lastHour = activity.deliveriesSince(tenantId, now.minus(Duration.ofHours(1)));
    List<WebhookSetup.Entry> entries = new ArrayList<>();
    List<String> silenceWarnings = new ArrayList<>();
    for (GuideWebhook webhook : GuideWebhook.ALL) {
      Optional<WebhookActivity.Row> row = Optional.ofNullable(seen.get(webhook.action()));
      WebhookStatus status = row.map(WebhookKit::statusOf).orElse(WebhookStatus.WAITING_FOR_PING);
      Optional<WebhookSilence.Silent> silent =
          row.flatMap(
              r ->
                  WebhookSilence.of(
                      r,
                      now,
                      after -> activity.othersActiveHoursAfter(tenantId, r.action(), after)));
      if (silent.isPresent() && status == WebhookStatus.DELIVERING) {
        status = WebhookStatus.SILENT;
        silenceWarnings.add(silenceWarning(webhook, silent.get()));
      }
      Optional<WebhookRegistrations.Row> registered =
          Optional.ofNullable(registration.registered().get(webhook.action()));
      Optional<String> failure = row.flatMap(WebhookActivity.Row::failureMessage);
      if (registered.filter(WebhookRegistrations.Row::deactivated).isPresent()) {
        status = WebhookStatus.FAILING;
        failure = Optional.of(KitRegistration.deactivated(url, tenantId));
      }
      entries.add(
          new WebhookSetup.Entry(
              webhook.name(),
              webhook.when(),
              webhook.action(),
              url,
              settings.errorRecipientEmail(),
              status,
              row.flatMap(WebhookActivity.Row::pingedAt).orElse(null),
              row.flatMap(WebhookActivity.Row::pingName).orElse(null),
              row.flatMap(WebhookActivity.Row::pingWebHookId)
                  .or(() -> registered.map(WebhookRegistrations.Row::greenhouseWebhookId))
                  .orElse(null),
              row.flatMap(WebhookActivity.Row::lastDeliveryAt).orElse(null),
              row.map(WebhookActivity.Row::deliveries).orElse(0L),
              lastHour.getOrDefault(webhook.action(), 0L),
              row.flatMap(WebhookActivity.Row::lastFailureAt).orElse(null),
              failure.orElse(null),
              registered.map(WebhookRegistrations.Row::deactivated).orElse(null),
              registered.flatMap(WebhookRegistrations.Row::lastDelivered).orElse(null)));
    }
    Instant previousValidUntil =
        endpoint.previousSecretExpiresAt().filter(now::isBefore).orElse(null);
    return new WebhookSetup(
        registration.registration(),
        KitRegistration.note(registration.registration(), tenantId),
        url,
        endpoint.secret().value(),
        endpoint.secretRotatedAt().orElse(null),
        previousValidUntil,
        endpoint.lastRejectedAt().orElse(null),
        KitRegistration.lastRun(registration).orElse(null),
        registration.run().flatMap(WebhookRegistrations.Run::readAt).orElse(null),
        entries,
        warnings(url, entries, endpoint, silenceWarnings, registration, tenantId));
  }

  /**
   * For an automatic tenant: registers the 14 webhooks in Greenhouse now ({@code POST
   * .../webhooks/register}); {@link WebhookRegistrar.Refused} when the connection cannot.
   */
  public WebhookSetup register(UUID tenantId) {
    registrar.register(tenantId, definitions(tenantId), "requested");
    return setup(tenantId);
  }

  /**
   * Best effort after a tenant connected Greenhouse: registers its webhooks when the connection
   * may; what happened shows in the kit, nothing is thrown.
   */
  public void connected(UUID tenantId) {
    registerQuietly(tenantId, "connected");
  }

  private void registerQuietly(UUID tenantId, String trigger) {
    try {
      registrar.register(tenantId, definitions(tenantId), trigger);
    } catch (WebhookRegistrar.Refused e) {
      // the customer makes this tenant's webhooks by hand (or it has no connection): nothing to do
    } catch (RuntimeException e) {
      LOG.warn("tenant {}: registering its webhooks in Greenhouse failed", tenantId, e);
    }
  }

  /** The guide's 14 as Greenhouse should hold them for the tenant, with its current secret. */
  private List<WebhookDefinition> definitions(UUID tenantId) {
    WebhookEndpoint endpoint = endpoints.createIfAbsent(tenantId);
    TenantWebhookSettings.Settings settings = tenants.of(tenantId);
    URI url = URI.create(endpointUrl(settings, endpoint));
    return GuideWebhook.ALL.stream()
        .map(
            w ->
                new WebhookDefinition(
                    w.name(),
                    w.action(),
                    url,
                    endpoint.secret().value(),
                    settings.errorRecipientEmail()))
        .toList();
  }

  private static String silenceWarning(GuideWebhook webhook, WebhookSilence.Silent silent) {
    return "webhook '"
        + webhook.when()
        + "' has delivered nothing for "
        + WebhookSilence.words(silent.quietFor())
        + " (since "
        + silent.quietSince()
        + ") while the other webhooks deliver; before, it delivered about every "
        + WebhookSilence.words(silent.usualGap())
        + ". Check in Greenhouse > Configure > Dev Center > Web Hooks that it still exists, is"
        + " active, and uses the endpoint URL and secret key above";
  }

  /** A new secret; the old one keeps working for the configured grace period. */
  public WebhookSetup rotateSecret(UUID tenantId) {
    endpoints.createIfAbsent(tenantId);
    Instant now = config.clock().instant();
    endpoints.rotate(tenantId, WebhookSecret.generate(), now, now.plus(config.secretGracePeriod()));
    LOG.info("webhook secret rotated for tenant {}", tenantId);
    registerQuietly(tenantId, "secret_rotated");
    return setup(tenantId);
  }

  /** Activation warnings: webhooks not pinged yet, failing ones, deliveries with a wrong secret. */
  public List<String> warnings(UUID tenantId) {
    return setup(tenantId).warnings();
  }

  /** Verifies and records one request from Greenhouse; the caller answers its HTTP status. */
  public ReceiveOutcome receive(String endpointKey, byte[] body, String signatureHeader) {
    return receive(endpointKey, body, signatureHeader, Optional.empty());
  }

  /**
   * Verifies one request; when it matches, hands it to the inbox, then records its ping or
   * delivery. Nothing is kept from a request whose signature does not match.
   */
  public ReceiveOutcome receive(
      String endpointKey, byte[] body, String signatureHeader, Optional<String> eventId) {
    Optional<WebhookEndpoint> found = endpoint(endpointKey);
    if (found.isEmpty()) {
      return ReceiveOutcome.UNKNOWN_ENDPOINT;
    }
    WebhookEndpoint endpoint = found.get();
    Instant now = config.clock().instant();
    boolean signed = signed(endpoint, body, signatureHeader, now);
    if (!signed) {
      // another instance may have rotated the secret since this one read it
      Optional<WebhookEndpoint> reloaded = endpoints.reloadIfStale(endpointKey);
      if (reloaded.isPresent()) {
        endpoint = reloaded.get();
        signed = signed(endpoint, body, signatureHeader, now);
      }
    }
    if (!signed) {
      endpoints.recordRejected(endpoint.tenantId(), now);
      LOG.warn(
          "webhook for tenant {} refused: {} signature",
          endpoint.tenantId(),
          signatureHeader == null ? "missing" : "wrong");
      return ReceiveOutcome.BAD_SIGNATURE;
    }
    DeliveryBody sniffed = DeliveryBody.sniff(body);
    if (!deliveries.accept(endpoint.tenantId(), eventId, body, sniffed, now)) {
      return ReceiveOutcome.DUPLICATE;
    }
    if (sniffed.action() == null) {
      LOG.warn(
          "webhook for tenant {}: verified but unusable ({})",
          endpoint.tenantId(),
          sniffed.problem());
      return ReceiveOutcome.UNUSABLE;
    }
    String action = sniffed.action();
    try {
      if (sniffed.isPing()) {
        recordPing(endpoint.tenantId(), Json.MAPPER.readTree(body).path("payload"), now);
        return ReceiveOutcome.PING;
      }
      tally.record(endpoint.tenantId(), action, now);
    } catch (IOException | RuntimeException e) {
      // the delivery itself is kept (inbox); only the kit's status missed it
      LOG.warn("webhook for tenant {}: could not record {}", endpoint.tenantId(), action, e);
    }
    return sniffed.isPing() ? ReceiveOutcome.PING : ReceiveOutcome.DELIVERY;
  }

  /**
   * Whether {@code endpointKey} names an endpoint: asked before a byte of the body is read, so a
   * stranger's request costs no body and, for a key that cannot be one of ours, no query either.
   */
  public boolean knowsEndpoint(String endpointKey) {
    return endpoint(endpointKey).isPresent();
  }

  private Optional<WebhookEndpoint> endpoint(String endpointKey) {
    if (endpointKey == null || !ENDPOINT_KEY.matcher(endpointKey).matches()) {
      return Optional.empty();
    }
    return endpoints.cachedByKey(endpointKey);
  }

  /** The shape of every key this connector issues (18 random bytes, base64url). */
  private static final java.util.regex.Pattern ENDPOINT_KEY =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]{24}");

  private static boolean signed(
      WebhookEndpoint endpoint, byte[] body, String signatureHeader, Instant now) {
    return new GreenhouseSignature(endpoint.acceptedSecrets(now)).matches(body, signatureHeader);
  }

  private void recordPing(UUID tenantId, JsonNode payload, Instant now) {
    String label = payload.path("event").asText("");
    Optional<GuideWebhook> webhook = GuideWebhook.byLabel(label);
    if (webhook.isEmpty()) {
      LOG.info("ping for tenant {} names a webhook outside the guide: '{}'", tenantId, label);
      return;
    }
    JsonNode id = payload.path("web_hook_id");
    activity.recordPing(
        tenantId,
        webhook.get().action(),
        payload.path("name").asText(null),
        id.canConvertToLong() ? id.asLong() : null,
        now);
  }

  private static boolean isLoopback(String host) {
    return host != null
        && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
  }

  private String endpointUrl(TenantWebhookSettings.Settings settings, WebhookEndpoint endpoint) {
    String base = settings.publicBaseUrl().toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + "/webhooks/greenhouse/" + endpoint.endpointKey();
  }

  static WebhookStatus statusOf(WebhookActivity.Row row) {
    Instant lastGood = latest(row.lastDeliveryAt(), row.pingedAt()).orElse(Instant.MIN);
    if (row.lastFailureAt().isPresent() && !row.lastFailureAt().get().isBefore(lastGood)) {
      return WebhookStatus.FAILING;
    }
    if (row.lastDeliveryAt().isPresent()) {
      return WebhookStatus.DELIVERING;
    }
    if (row.pingedAt().isPresent()) {
      return WebhookStatus.PINGED;
    }
    return WebhookStatus.WAITING_FOR_PING;
  }

  private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
  }

  private static List<String> warnings(
      String url,
      List<WebhookSetup.Entry> entries,
      WebhookEndpoint endpoint,
      List<String> silenceWarnings,
      WebhookRegistrar.State registration,
      UUID tenantId) {
    List<String> warnings = new ArrayList<>(KitRegistration.warnings(registration));
    URI endpointUrl = URI.create(url);
    if (!"https".equalsIgnoreCase(endpointUrl.getScheme()) && !isLoopback(endpointUrl.getHost())) {
      warnings.add(
          "Greenhouse accepts only https endpoint URLs: set the connector's public base URL"
              + " (CONNECTOR_PUBLIC_BASE_URL, or the tenant's public_base_url) to its https origin");
    }
    List<String> waiting =
        entries.stream()
            .filter(e -> e.status() == WebhookStatus.WAITING_FOR_PING)
            .map(WebhookSetup.Entry::when)
            .toList();
    if (!waiting.isEmpty()) {
      warnings.add(
          "no ping yet for: "
              + String.join(", ", waiting)
              + KitRegistration.waitingHint(registration.registration(), tenantId));
    }
    entries.stream()
        .filter(e -> e.status() == WebhookStatus.FAILING)
        .forEach(e -> warnings.add("webhook '" + e.when() + "' is failing: " + e.failureMessage()));
    warnings.addAll(silenceWarnings);
    // a refused request still matters only if nothing was accepted after it
    Instant lastAccepted =
        entries.stream()
            .flatMap(e -> java.util.stream.Stream.of(e.pingedAt(), e.lastDeliveryAt()))
            .filter(java.util.Objects::nonNull)
            .max(Instant::compareTo)
            .orElse(Instant.MIN);
    endpoint
        .lastRejectedAt()
        .filter(at -> at.isAfter(lastAccepted))
        .ifPresent(
            at ->
                warnings.add(
                    "a delivery with a wrong or missing signature arrived at "
                        + at
                        + ": check that every webhook in Greenhouse uses the secret key above"));
    return warnings;
  }
}
