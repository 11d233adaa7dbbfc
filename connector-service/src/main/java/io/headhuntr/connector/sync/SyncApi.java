package io.headhuntr.connector.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.mirror.MirrorJson;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The sync's HTTP handlers under {@code /api/v1/tenants/{tenant_id}}: {@code GET /sync} (the
 * status) and {@code POST /sync} (start a pass now, lifting a pause; answers 202 with the status;
 * {@code ?full=true} makes it a full reconciliation, which finds what was deleted in Greenhouse),
 * and {@code GET}/{@code PUT /sync/settings} (the tenant's own schedule; {@code null} is the
 * service's default). The e-mail lookup ({@code GET /candidates?email=}) is {@code
 * MirrorReadApi::candidatesByEmail}.
 */
public final class SyncApi {
  /** Fields of the settings answer a client may send back unchanged; they are ignored. */
  private static final Set<String> READ_ONLY =
      Set.of("effective_interval_minutes", "effective_full_interval_hours");

  private final SyncService sync;
  private final Consumer<UUID> start;
  private final Consumer<UUID> settingsChanged;

  /** Starts passes on the service's own threads (no scheduler wired). */
  public SyncApi(SyncService sync) {
    this(sync, sync::startPass, tenant -> {});
  }

  /**
   * Starts passes with {@code start}, e.g. {@code syncScheduler::runNow} (cluster-safe), and tells
   * {@code settingsChanged} (e.g. {@code syncScheduler::onSettingsChanged}) of a saved schedule.
   */
  public SyncApi(SyncService sync, Consumer<UUID> start, Consumer<UUID> settingsChanged) {
    this.sync = sync;
    this.start = start;
    this.settingsChanged = settingsChanged;
  }

  /**
   * The settings answer: what the tenant set ({@code null}: the service's default) and what is in
   * effect.
   */
  record SettingsView(
      Integer intervalMinutes,
      Integer fullIntervalHours,
      long effectiveIntervalMinutes,
      long effectiveFullIntervalHours) {
    static SettingsView of(SyncSettings settings, SyncConfig defaults) {
      return new SettingsView(
          settings.intervalMinutes().orElse(null),
          settings.fullIntervalHours().orElse(null),
          settings.interval(defaults).toMinutes(),
          settings.fullInterval(defaults).toHours());
    }
  }

  /** {@code GET .../sync/settings}. */
  public void settings(Context ctx) {
    write(ctx, 200, SettingsView.of(sync.settings(tenant(ctx)), sync.config()));
  }

  /**
   * {@code PUT .../sync/settings} {@code {"interval_minutes": 1..1440 | null,
   * "full_interval_hours": 1..720 | null}}: replaces the tenant's schedule (an absent field is
   * {@code null}, the service's default). Every field is checked before anything is saved; the next
   * pass moves at once.
   */
  public void putSettings(Context ctx) {
    UUID tenant = tenant(ctx);
    JsonNode body = body(ctx);
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("interval_minutes")
          && !name.equals("full_interval_hours")
          && !READ_ONLY.contains(name)) {
        throw ProblemException.invalid(
            name, name + " is not a sync setting (interval_minutes, full_interval_hours)");
      }
    }
    SyncSettings settings =
        new SyncSettings(
            whole(body, "interval_minutes", SyncSettings.MAX_INTERVAL_MINUTES, "minutes"),
            whole(body, "full_interval_hours", SyncSettings.MAX_FULL_INTERVAL_HOURS, "hours"));
    sync.saveSettings(tenant, settings);
    settingsChanged.accept(tenant);
    write(ctx, 200, SettingsView.of(settings, sync.config()));
  }

  private static Optional<Integer> whole(JsonNode body, String field, int max, String unit) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw ProblemException.invalid(
          field,
          field
              + " must be a whole number of "
              + unit
              + " from 1 to "
              + max
              + ", or null for the"
              + " service's default; got "
              + value);
    }
    int n = value.intValue();
    if (n < 1 || n > max) {
      throw ProblemException.invalid(
          field,
          field
              + " must be from 1 to "
              + max
              + " "
              + unit
              + ", or null for the service's default;"
              + " got "
              + n);
    }
    return Optional.of(n);
  }

  private static JsonNode body(Context ctx) {
    String text = ctx.body();
    if (text.isBlank()) {
      return MirrorJson.MAPPER.createObjectNode();
    }
    try {
      JsonNode node = MirrorJson.MAPPER.readTree(text);
      if (node == null || !node.isObject()) {
        throw ProblemException.badRequest("the body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest("the body is not valid JSON");
    }
  }

  /** {@code GET .../sync/parked}: the records the mirror could not store, newest first. */
  public void parked(Context ctx) {
    write(ctx, 200, java.util.Map.of("parked", sync.parked(tenant(ctx))));
  }

  public void status(Context ctx) {
    write(ctx, 200, sync.status(tenant(ctx)));
  }

  public void start(Context ctx) {
    UUID tenant = tenant(ctx);
    String full = ctx.queryParam("full");
    if (full != null && !full.equals("true") && !full.equals("false")) {
      throw ProblemException.invalid("full", "full is true or false, got " + full);
    }
    if ("true".equals(full)) {
      sync.requestFull(tenant);
    }
    start.accept(tenant);
    write(ctx, 202, sync.status(tenant));
  }

  private static UUID tenant(Context ctx) {
    return UUID.fromString(ctx.pathParam("tenant_id"));
  }

  private static void write(Context ctx, int status, Object body) {
    try {
      ctx.status(status)
          .contentType("application/json")
          .result(MirrorJson.MAPPER.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
