package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.store.Database;
import io.headhuntr.connector.tenant.Activation;
import io.headhuntr.connector.tenant.Tenant;
import io.headhuntr.connector.tenant.TenantState;
import io.headhuntr.connector.tenant.Tenants;
import io.headhuntr.connector.users.MappingStatus;
import io.headhuntr.connector.users.UserMappingRow;
import io.headhuntr.connector.users.UserMappings;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The push routes (handlers for the App's route table): {@code POST .../pushes} (one push, with a
 * required {@code Idempotency-Key}), {@code POST .../pushes/batch} (up to 1,000, each with its
 * {@code idempotency_key}), {@code GET .../pushes/{push_id}}, {@code GET .../pushes?status=},
 * {@code GET .../pushes/batches/{batch_id}}, {@code POST .../pushes/resume} and the tenant's push
 * settings. Every accepted push is committed before the 202. A tenant still in {@code draft} takes
 * no push (409 listing what setup lacks); a paused tenant's pushes are accepted and wait, queued,
 * until it resumes.
 */
public final class PushApi {
  static final int MAX_BATCH = 1000;
  private static final Set<String> STATUSES =
      Set.of("queued", "running", "done", "failed", "needs_attention");

  private final PushStore store;
  private final Tenants tenants;
  private final UserMappings mappings;
  private final PushValidator validator;
  private final Activation.Check setupProblems;
  private final PushSteps steps;

  /**
   * @param setupProblems what still blocks a tenant's activation (the activation checks), named in
   *     the 409 a draft tenant's push gets
   */
  public PushApi(Database database, PushConfig config, Activation.Check setupProblems) {
    this.setupProblems = setupProblems;
    this.store = new PushStore(database.jdbi());
    this.steps = new PushSteps(database.jdbi());
    this.tenants = new Tenants(database.jdbi());
    this.mappings = new UserMappings(database.jdbi());
    this.validator = new PushValidator(new AttachmentRules(config.attachmentMaxBytes()));
  }

  /**
   * {@code POST /api/v1/tenants/{tenant_id}/pushes}: 202 with the push (the same one for a key).
   */
  public void create(Context ctx) {
    UUID tenant = acceptingTenant(ctx);
    String key = PushHttp.idempotencyKey(ctx.header("Idempotency-Key"), "Idempotency-Key");
    Accepted accepted = accept(tenant, key, PushHttp.readBody(ctx.body()), null);
    if (!accepted.created()) {
      ctx.header("Idempotent-Replayed", "true");
    }
    PushHttp.answer(ctx, 202, PushJson.push(accepted.row(), true));
  }

  /**
   * {@code POST .../pushes/batch} {@code {"items": [{idempotency_key, ...push}]}}: per-item
   * results.
   */
  public void batch(Context ctx) {
    UUID tenant = acceptingTenant(ctx);
    JsonNode body = PushHttp.readBody(ctx.body());
    JsonNode items = body.get("items");
    if (items == null || !items.isArray() || items.isEmpty()) {
      throw ProblemException.invalid("items", "items must be a non-empty array of pushes");
    }
    if (items.size() > MAX_BATCH) {
      throw ProblemException.invalid(
          "items", "at most " + MAX_BATCH + " pushes per batch, got " + items.size());
    }
    UUID batchId = UUID.randomUUID();
    ArrayNode results = Json.mapper().createArrayNode();
    record Valid(int index, String key, ObjectNode request, String hash, long gh) {}
    List<Valid> valid = new java.util.ArrayList<>();
    List<UserMappingRow> users = mappings.list(tenant);
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      int index = i;
      ObjectNode result = results.addObject().put("index", i);
      try {
        if (!item.isObject()) {
          throw ProblemException.invalid("", "each item must be a push object");
        }
        ObjectNode copy = ((ObjectNode) item).deepCopy();
        JsonNode keyNode = copy.remove("idempotency_key");
        String key =
            PushHttp.idempotencyKey(
                keyNode == null || !keyNode.isTextual() ? null : keyNode.asText(),
                "idempotency_key");
        result.put("idempotency_key", key);
        ObjectNode request = validator.validate(copy);
        String hash = PushHttp.hash(request);
        long gh = resolve(users, request);
        valid.add(new Valid(i, key, request, hash, gh));
      } catch (ProblemException e) {
        ObjectNode error =
            result.putObject("error").put("status", e.status()).put("detail", e.detail());
        e.field()
            .ifPresent(
                f -> error.put("field", "items[" + index + "]" + (f.isEmpty() ? "" : "." + f)));
      }
    }
    int accepted =
        store
            .jdbi()
            .inTransaction(
                h -> {
                  int n = 0;
                  if (!valid.isEmpty()) {
                    store.insertBatch(h, tenant, batchId, valid.size());
                  }
                  for (Valid v : valid) {
                    PushStore.Inserted in =
                        store.insert(
                            h, tenant, newPush(v.key(), v.hash(), batchId, v.request(), v.gh()));
                    ObjectNode result = (ObjectNode) results.get(v.index());
                    if (!in.row().requestHash().equals(v.hash())) {
                      result
                          .putObject("error")
                          .put("status", 409)
                          .put("field", "items[" + v.index() + "].idempotency_key")
                          .put(
                              "detail",
                              "this idempotency_key was already used with a different push");
                      continue;
                    }
                    n++;
                    result
                        .put("id", in.row().pushId().toString())
                        .put("status", in.row().status())
                        .put("replayed", !in.created());
                  }
                  return n;
                });
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("batch_id", valid.isEmpty() ? null : batchId.toString());
    out.put("accepted", accepted).put("rejected", items.size() - accepted);
    out.set("items", results);
    PushHttp.answer(ctx, 202, out);
  }

  /** {@code GET .../pushes/batches/{batch_id}}: counts per status while the batch runs. */
  public void batchStatus(Context ctx) {
    UUID tenant = tenant(ctx);
    UUID batchId = PushHttp.uuid(ctx.pathParam("batch_id"), "batch_id");
    Map<String, Integer> counts =
        store
            .batchProgress(tenant, batchId)
            .orElseThrow(
                () -> ProblemException.notFound("no batch " + batchId + " in this tenant"));
    ObjectNode out = Json.mapper().createObjectNode().put("batch_id", batchId.toString());
    ObjectNode progress = out.putObject("progress");
    int total = 0;
    int finished = 0;
    for (String s : List.of("queued", "running", "done", "failed", "needs_attention")) {
      int n = counts.getOrDefault(s, 0);
      progress.put(s, n);
      total += n;
      finished += s.equals("done") || s.equals("failed") ? n : 0;
    }
    out.put("total", total).put("finished", finished).put("complete", finished == total);
    PushHttp.answer(ctx, 200, out);
  }

  /** {@code GET .../pushes/{push_id}}: status, result, outcome, calls made, each write's step. */
  public void get(Context ctx) {
    UUID tenant = tenant(ctx);
    UUID id = PushHttp.uuid(ctx.pathParam("push_id"), "push_id");
    PushRow row =
        store
            .find(tenant, id)
            .orElseThrow(() -> ProblemException.notFound("no push " + id + " in this tenant"));
    ObjectNode out = PushJson.push(row, true);
    out.set("steps", PushJson.steps(steps.load(row).values()));
    PushHttp.answer(ctx, 200, out);
  }

  /** {@code GET .../pushes?status=&batch_id=&limit=&cursor=}: newest first; follow next_cursor. */
  public void list(Context ctx) {
    UUID tenant = tenant(ctx);
    Optional<String> status =
        Optional.ofNullable(ctx.queryParam("status")).filter(s -> !s.isBlank());
    if (status.isPresent() && !STATUSES.contains(status.get())) {
      throw ProblemException.invalid(
          "status", "status must be one of queued, running, done, failed, needs_attention");
    }
    Optional<UUID> batch =
        Optional.ofNullable(ctx.queryParam("batch_id")).map(b -> PushHttp.uuid(b, "batch_id"));
    int limit = PushHttp.limit(ctx.queryParam("limit"));
    Optional<PushCursor> after =
        Optional.ofNullable(ctx.queryParam("cursor")).map(PushCursor::parse);
    List<PushRow> rows = store.list(tenant, status, batch, after, limit);
    ObjectNode out = Json.mapper().createObjectNode();
    ArrayNode pushes = out.putArray("pushes");
    rows.forEach(r -> pushes.add(PushJson.push(r, false)));
    if (rows.size() == limit) {
      PushRow last = rows.get(rows.size() - 1);
      out.put("next_cursor", new PushCursor(last.createdAt(), last.pushId()).toString());
    }
    PushHttp.answer(ctx, 200, out);
  }

  /**
   * {@code POST .../pushes/resume}: lifts a pause and queues again every push needing attention.
   */
  public void resume(Context ctx) {
    UUID tenant = tenant(ctx);
    int requeued = store.controls().resume(tenant);
    PushHttp.answer(ctx, 200, Json.mapper().createObjectNode().put("requeued", requeued));
  }

  /** {@code GET .../push-settings}. */
  public void settings(Context ctx) {
    PushHttp.answer(
        ctx,
        200,
        PushJson.settings(
            store.controls().settings(tenant(ctx)), store.controls().pauseReason(tenant(ctx))));
  }

  /**
   * {@code PUT .../push-settings} {@code {"duplicate_policy": "link"|"always_create",
   * "default_source_id"}}.
   */
  public void putSettings(Context ctx) {
    UUID tenant = tenant(ctx);
    JsonNode body = PushHttp.readBody(ctx.body());
    String policy =
        Optional.ofNullable(
                PushValidator.optionalText(body, "duplicate_policy", "duplicate_policy"))
            .orElse("link");
    if (!policy.equals("link") && !policy.equals("always_create")) {
      throw ProblemException.invalid(
          "duplicate_policy", "duplicate_policy must be link or always_create");
    }
    Optional<Long> source =
        body.hasNonNull("default_source_id")
            ? Optional.of(
                PushValidator.positiveId(body.get("default_source_id"), "default_source_id"))
            : Optional.empty();
    PushSettings settings = new PushSettings(policy, source);
    store.controls().saveSettings(tenant, settings);
    PushHttp.answer(ctx, 200, PushJson.settings(settings, store.controls().pauseReason(tenant)));
  }

  private record Accepted(PushRow row, boolean created) {}

  private Accepted accept(UUID tenant, String key, JsonNode body, UUID batchId) {
    ObjectNode request = validator.validate(body);
    String hash = PushHttp.hash(request);
    Optional<PushRow> known = store.findByKey(tenant, key);
    if (known.isPresent() && known.get().requestHash().equals(hash)) {
      return new Accepted(
          known.get(), false); // a retry: answered even if the mapping changed since
    }
    long gh = resolve(mappings.list(tenant), request);
    PushStore.Inserted in =
        store
            .jdbi()
            .inTransaction(h -> store.insert(h, tenant, newPush(key, hash, batchId, request, gh)));
    if (!in.row().requestHash().equals(hash)) {
      throw ProblemException.conflict(
          "this Idempotency-Key was already used with a different push (" + in.row().pushId() + ")",
          List.of());
    }
    return new Accepted(in.row(), in.created());
  }

  private static PushStore.NewPush newPush(
      String key, String hash, UUID batch, ObjectNode request, long gh) {
    return new PushStore.NewPush(
        key,
        hash,
        batch,
        request.get("acting_user_id").asText(),
        gh,
        request.get("target").get("type").asText(),
        request);
  }

  /** The acting user's verified Greenhouse id; a prospect owner is resolved the same way. */
  private static long resolve(List<UserMappingRow> rows, ObjectNode request) {
    long gh = greenhouseId(rows, request.get("acting_user_id").asText(), "acting_user_id");
    ObjectNode target = (ObjectNode) request.get("target");
    if (target.hasNonNull("prospect_owner_user_id")) {
      target.put(
          "prospect_owner_id",
          greenhouseId(
              rows,
              target.get("prospect_owner_user_id").asText(),
              "target.prospect_owner_user_id"));
    }
    return gh;
  }

  private static long greenhouseId(List<UserMappingRow> rows, String user, String field) {
    UserMappingRow row =
        rows.stream()
            .filter(r -> r.platformUserId().equals(user))
            .findFirst()
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        field,
                        "platform user '"
                            + user
                            + "' is not known"
                            + " in this tenant (PUT .../users, then map them)"));
    if (row.greenhouseUserId() == null || row.status() != MappingStatus.VERIFIED) {
      throw ProblemException.invalid(
          field,
          "platform user '"
              + user
              + "' is not mapped to a verified"
              + " Greenhouse user (status "
              + row.status().wireName()
              + "); pushes run on their behalf");
    }
    return row.greenhouseUserId();
  }

  private UUID tenant(Context ctx) {
    return existing(ctx).tenantId();
  }

  private Tenant existing(Context ctx) {
    UUID tenant = PushHttp.uuid(ctx.pathParam("tenant_id"), "tenant_id");
    return tenants.find(tenant).orElseThrow(() -> ProblemException.notFound("no tenant " + tenant));
  }

  /**
   * The tenant, if it takes pushes: an active or paused one (a paused tenant's pushes wait in the
   * queue). A draft is refused before anything is stored, listing what setup still lacks.
   */
  private UUID acceptingTenant(Context ctx) {
    Tenant tenant = existing(ctx);
    if (tenant.state() != TenantState.DRAFT) {
      return tenant.tenantId();
    }
    List<String> missing = new java.util.ArrayList<>(setupProblems.problems(tenant.tenantId()));
    missing.add("activate the tenant (POST /api/v1/tenants/" + tenant.tenantId() + "/activate)");
    throw ProblemException.conflict(
        "setup is not finished: tenant "
            + tenant.tenantId()
            + " is still a draft, so it takes no pushes; nothing was stored. Finish the "
            + missing.size()
            + " step(s) listed in problems, then push again",
        missing);
  }
}
