package io.headhuntr.connector.webhooks;

import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.GreenhouseConnections;
import io.headhuntr.connector.greenhouse.GreenhouseException;
import io.headhuntr.connector.greenhouse.RegisteredWebhook;
import io.headhuntr.connector.greenhouse.WebhookDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the guide's webhooks in Greenhouse for a connection that may do so itself (a Harvest v3
 * partner connection), and watches them.
 *
 * <p>Registering is idempotent: a webhook Greenhouse already holds for the action with the right
 * endpoint URL, the current secret and active is kept; a wrong URL, a secret from before a
 * rotation, a secret the connector never saved, or a deactivated webhook is saved again (PATCH,
 * which makes Greenhouse ping it); a 422 because the action got a webhook meanwhile is resolved by
 * saving that one. Watching reads Greenhouse's {@code deactivated} and {@code last_delivered} at
 * most once per {@link #READ_EVERY} per tenant, across instances.
 */
final class WebhookRegistrar {
  /** How often the kit reads the webhooks' state from Greenhouse, at most. */
  static final Duration READ_EVERY = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistrar.class);

  /** The tenant's connection cannot register webhooks, or none is saved; the message says why. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  private final GreenhouseConnections connections;
  private final WebhookRegistrations store;
  private final Clock clock;

  WebhookRegistrar(GreenhouseConnections connections, WebhookRegistrations store, Clock clock) {
    this.connections = connections;
    this.store = store;
    this.clock = clock;
  }

  /**
   * How the tenant's webhooks get into Greenhouse, and for a connection that registers them itself
   * the registered webhooks and the last run, read from Greenhouse first when due (or when {@code
   * refresh}).
   */
  State state(UUID tenantId, boolean refresh) {
    Optional<Greenhouse> connection;
    try {
      connection = connections.forTenant(tenantId);
    } catch (IllegalStateException e) {
      // e.g. a partner connection while the operator's partner client is no longer configured
      return new State(
          WebhookRegistration.MANUAL,
          Map.of(),
          Optional.empty(),
          Optional.of("the tenant's Greenhouse connection cannot be opened: " + e.getMessage()));
    }
    if (connection.isEmpty() || !connection.get().managesWebhooks()) {
      return new State(WebhookRegistration.MANUAL, Map.of(), Optional.empty(), Optional.empty());
    }
    watch(tenantId, connection.get(), refresh);
    return new State(
        WebhookRegistration.AUTOMATIC,
        store.byAction(tenantId),
        store.run(tenantId),
        Optional.empty());
  }

  /** What {@link #state} found; {@code problem} when the connection could not be opened. */
  record State(
      WebhookRegistration registration,
      Map<String, WebhookRegistrations.Row> registered,
      Optional<WebhookRegistrations.Run> run,
      Optional<String> problem) {}

  /**
   * Reads the webhooks' state from Greenhouse when the last read is older than {@link #READ_EVERY}
   * (or {@code now} when {@code force}) and no other caller claimed it first; a failure is recorded
   * as the read's problem.
   */
  void watch(UUID tenantId, Greenhouse greenhouse, boolean force) {
    Instant now = clock.instant();
    if (!store.claimRead(tenantId, now, force ? now.plusNanos(1) : now.minus(READ_EVERY))) {
      return;
    }
    try {
      store.read(tenantId, guideOnly(greenhouse.webhooks()), now);
      store.readOutcome(tenantId, now, Optional.empty());
    } catch (GreenhouseException e) {
      LOG.info("tenant {}: reading its webhooks from Greenhouse failed: {}", tenantId, plain(e));
      store.readOutcome(tenantId, now, Optional.of(plain(e)));
    }
  }

  /**
   * Makes Greenhouse hold {@code definitions}, as described above, and records what the run did and
   * what it could not do. {@link Refused} when the connection cannot register webhooks.
   */
  void register(UUID tenantId, List<WebhookDefinition> definitions, String trigger) {
    Greenhouse greenhouse;
    try {
      greenhouse =
          connections
              .forTenant(tenantId)
              .orElseThrow(
                  () ->
                      new Refused(
                          "no Greenhouse connection is saved for this tenant: connect Greenhouse"
                              + " first (GET /api/v1/tenants/{tenant_id}/greenhouse/oauth/start)"));
    } catch (IllegalStateException e) {
      throw new Refused("the tenant's Greenhouse connection cannot be opened: " + e.getMessage());
    }
    Instant now = clock.instant();
    List<RegisteredWebhook> listed;
    try {
      listed = guideOnly(greenhouse.webhooks());
    } catch (GreenhouseException.Unsupported e) {
      throw new Refused(e.getMessage());
    } catch (GreenhouseException e) {
      store.recordRun(
          tenantId,
          trigger,
          now,
          0,
          0,
          0,
          Optional.of("Greenhouse did not list the webhooks: " + plain(e)));
      return;
    }
    store.read(tenantId, listed, now);
    store.readOutcome(tenantId, now, Optional.empty());
    Map<String, WebhookRegistrations.Row> rows = store.byAction(tenantId);
    Map<String, RegisteredWebhook> byAction =
        listed.stream().collect(Collectors.toMap(RegisteredWebhook::action, w -> w, (a, b) -> a));
    int created = 0;
    int updated = 0;
    int kept = 0;
    List<String> problems = new ArrayList<>();
    List<String> deactivated = new ArrayList<>();
    for (WebhookDefinition webhook : definitions) {
      String sha = sha256(webhook.secretKey());
      RegisteredWebhook found = byAction.get(webhook.action());
      try {
        RegisteredWebhook saved;
        if (found == null) {
          Saved made = create(greenhouse, webhook);
          saved = made.webhook();
          created += made.created() ? 1 : 0;
          updated += made.created() ? 0 : 1;
        } else if (needsSaving(found, rows.get(webhook.action()), webhook, sha)) {
          saved = greenhouse.updateWebhook(found.id(), webhook);
          updated++;
        } else {
          kept++;
          continue;
        }
        store.saved(tenantId, saved, sha, clock.instant());
        if (saved.deactivated()) {
          deactivated.add("'" + webhook.name() + "'");
        }
      } catch (GreenhouseException.RateLimited
          | GreenhouseException.Refused
          | GreenhouseException.Unreachable
          | GreenhouseException.ServerError e) {
        // the rest would fail the same way: stop, and say where
        problems.add("stopped at '" + webhook.name() + "': " + plain(e));
        break;
      } catch (GreenhouseException e) {
        problems.add("'" + webhook.name() + "': " + plain(e));
      }
    }
    if (!deactivated.isEmpty()) {
      problems.add(
          "Greenhouse could not reach "
              + definitions.get(0).endpointUrl()
              + " when it pinged "
              + String.join(", ", deactivated)
              + ", so it left them deactivated: make sure that URL answers Greenhouse with HTTP"
              + " 200 (the connector's public base URL must be reachable from the internet), then"
              + " register again");
    }
    Optional<String> problem =
        problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    store.recordRun(tenantId, trigger, now, created, updated, kept, problem);
    LOG.info(
        "tenant {}: webhooks registered in Greenhouse ({}): {} created, {} saved again, {} kept{}",
        tenantId,
        trigger,
        created,
        updated,
        kept,
        problem.map(p -> "; " + p).orElse(""));
  }

  private record Saved(RegisteredWebhook webhook, boolean created) {}

  /** POST; when Greenhouse answers that the action already has a webhook, saves that one. */
  private static Saved create(Greenhouse greenhouse, WebhookDefinition webhook) {
    try {
      return new Saved(greenhouse.registerWebhook(webhook), true);
    } catch (GreenhouseException.Invalid e) {
      boolean duplicate =
          e.problems().stream()
              .anyMatch(p -> p.field().filter("event_action_type"::equals).isPresent());
      if (!duplicate) {
        throw e;
      }
      RegisteredWebhook existing =
          greenhouse.webhooks().stream()
              .filter(w -> w.action().equals(webhook.action()))
              .findFirst()
              .orElseThrow(() -> e);
      return new Saved(greenhouse.updateWebhook(existing.id(), webhook), false);
    }
  }

  private static boolean needsSaving(
      RegisteredWebhook found,
      WebhookRegistrations.Row row,
      WebhookDefinition webhook,
      String sha) {
    boolean secretKnown =
        row != null
            && row.greenhouseWebhookId() == found.id()
            && row.secretSha256().filter(sha::equals).isPresent();
    return found.deactivated()
        || !found.endpointUrl().equals(webhook.endpointUrl().toString())
        || !secretKnown;
  }

  /** The listed webhooks of the guide's actions (a partner may hold others). */
  private static List<RegisteredWebhook> guideOnly(List<RegisteredWebhook> listed) {
    return listed.stream()
        .filter(w -> GuideWebhook.byAction(w.action()).isPresent())
        .collect(
            Collectors.collectingAndThen(
                Collectors.toMap(
                    RegisteredWebhook::action,
                    Function.identity(),
                    (a, b) -> a,
                    java.util.LinkedHashMap::new),
                m -> List.copyOf(m.values())));
  }

  /** What went wrong, in words an admin can act on (Greenhouse's message never holds a secret). */
  static String plain(GreenhouseException e) {
    if (e instanceof GreenhouseException.RateLimited limited) {
      return "Greenhouse's rate limit is spent; register again in "
          + Math.max(1, limited.retryAfter().toSeconds())
          + " s";
    }
    if (e instanceof GreenhouseException.Refused refused) {
      return refused.unauthorized()
          ? "Greenhouse refused the connection's authorization: connect Greenhouse again (GET"
              + " /api/v1/tenants/{tenant_id}/greenhouse/oauth/start)"
          : "the connection may not manage webhooks (it needs the scopes"
              + " harvest:webhooks:list, harvest:webhooks:create and harvest:webhooks:update):"
              + " connect Greenhouse again and grant them ("
              + e.getMessage()
              + ")";
    }
    if (e instanceof GreenhouseException.Unreachable) {
      return "Greenhouse did not answer (" + e.getMessage() + "); try again later";
    }
    return e.getMessage();
  }

  /** The hex SHA-256 of a secret key: tells a saved key from a rotated one, never shown. */
  static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
