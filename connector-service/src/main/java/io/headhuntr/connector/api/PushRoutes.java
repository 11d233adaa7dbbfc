package io.headhuntr.connector.api;

import io.headhuntr.connector.push.PushApi;
import java.util.List;

/** Pushes: sourced people into the tenant's Greenhouse, once, on behalf of a mapped user. */
public final class PushRoutes {
  private final PushApi pushes;

  public PushRoutes(PushApi pushes) {
    this.pushes = pushes;
  }

  public List<Route> routes() {
    String base = "/api/v1/tenants/{tenant_id}/pushes";
    String settings = "/api/v1/tenants/{tenant_id}/push-settings";
    return List.of(
        Route.post(base, Access.TENANT, pushes::create)
            .doc(
                "pushes",
                "Push a person (Idempotency-Key header required; the same key answers the same"
                    + " push). A draft tenant gets 409 listing what setup lacks; a paused"
                    + " tenant's pushes stay queued until it resumes")
            .accepts("PushRequest")
            .returns(202, "Push"),
        Route.post(base + "/batch", Access.TENANT, pushes::batch)
            .doc(
                "pushes",
                "Up to 1,000 pushes, each with its idempotency_key; per-item results (409 for a"
                    + " draft tenant, as for one push)")
            .accepts("PushBatchRequest")
            .returns(202, "PushBatchResult"),
        Route.get(base + "/batches/{batch_id}", Access.TENANT, pushes::batchStatus)
            .doc("pushes", "A batch's progress: pushes per status")
            .returns(200, "PushBatchProgress"),
        Route.get(base + "/{push_id}", Access.TENANT, pushes::get)
            .doc("pushes", "A push: status, Greenhouse ids, calls made and current outcome")
            .returns(200, "Push"),
        Route.get(base, Access.TENANT, pushes::list)
            .doc("pushes", "Pushes, newest first (?status=&batch_id=&before=&limit=)")
            .returns(200, "PushList"),
        Route.post(base + "/resume", Access.TENANT, pushes::resume)
            .doc("pushes", "Lift a pause (401/403) and queue again every push needing attention")
            .returns(200, "PushResume"),
        Route.get(settings, Access.TENANT, pushes::settings)
            .doc("pushes", "Duplicate policy, default source, and the pause reason if paused")
            .returns(200, "PushSettings"),
        Route.put(settings, Access.TENANT, pushes::putSettings)
            .doc("pushes", "Set the duplicate policy (link, always_create) and default source")
            .accepts("PushSettings")
            .returns(200, "PushSettings"));
  }
}
