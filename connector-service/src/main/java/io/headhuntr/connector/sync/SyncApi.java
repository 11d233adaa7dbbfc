package io.headhuntr.connector.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.mirror.MirrorJson;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The sync's HTTP handlers under {@code /api/v1/tenants/{tenant_id}}: {@code GET /sync} (the
 * status) and {@code POST /sync} (start a pass now, lifting a pause; answers 202 with the status;
 * {@code ?full=true} makes it a full reconciliation, which finds what was deleted in Greenhouse).
 * The e-mail lookup ({@code GET /candidates?email=}) is {@code MirrorReadApi::candidatesByEmail}.
 */
public final class SyncApi {
  private final SyncService sync;
  private final Consumer<UUID> start;

  /** Starts passes on the service's own threads (no scheduler wired). */
  public SyncApi(SyncService sync) {
    this(sync, sync::startPass);
  }

  /** Starts passes with {@code start}, e.g. {@code syncScheduler::runNow} (cluster-safe). */
  public SyncApi(SyncService sync, Consumer<UUID> start) {
    this.sync = sync;
    this.start = start;
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
