package io.headhuntr.connector.api;

import io.headhuntr.connector.sync.SyncApi;
import java.util.List;

/** The sync of the tenant's mirror with Greenhouse: where it stands, and a pass on demand. */
public final class SyncRoutes {
  private final SyncApi sync;

  public SyncRoutes(SyncApi sync) {
    this.sync = sync;
  }

  public List<Route> routes() {
    String path = "/api/v1/tenants/{tenant_id}/sync";
    return List.of(
        Route.get(path, Access.TENANT, sync::status)
            .doc("sync", "Per resource: state, records, pages, checkpoint, last error, time left")
            .returns(200, "SyncStatus"),
        Route.post(path, Access.TENANT, sync::start)
            .doc(
                "sync",
                "Start a pass now (lifts a pause, e.g. after saving a working key); ?full=true"
                    + " makes it a full reconciliation that tombstones what Greenhouse deleted")
            .returns(202, "SyncStatus"));
  }
}
