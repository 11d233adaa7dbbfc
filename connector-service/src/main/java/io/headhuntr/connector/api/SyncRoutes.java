package io.headhuntr.connector.api;

import io.headhuntr.connector.sync.SyncApi;
import java.util.List;

/**
 * The sync of the tenant's mirror with Greenhouse: where it stands, a pass on demand, and the
 * tenant's own schedule.
 */
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
            .returns(202, "SyncStatus"),
        Route.get(path + "/settings", Access.TENANT, sync::settings)
            .doc(
                "sync",
                "The tenant's schedule: minutes between passes, hours between full"
                    + " reconciliations (null: the service default) and the values in effect")
            .returns(200, "SyncSettings"),
        Route.put(path + "/settings", Access.TENANT, sync::putSettings)
            .doc(
                "sync",
                "Set the tenant's schedule (interval_minutes 1..1440, full_interval_hours"
                    + " 1..720, null: the service default); the next pass moves at once")
            .accepts("SyncSettings")
            .returns(200, "SyncSettings"),
        Route.get(path + "/parked", Access.TENANT, sync::parked)
            .doc(
                "sync",
                "Records the mirror could not store, each with the reason (the pass went on"
                    + " without them); a later pass that stores one removes it")
            .returns(200, "ParkedRecords"));
  }
}
