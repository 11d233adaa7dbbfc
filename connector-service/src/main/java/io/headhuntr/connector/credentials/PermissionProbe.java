package io.headhuntr.connector.credentials;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Probes each permission of the guide with one call that changes nothing: reads with a cheap GET,
 * writes against id 0 or with an invalid body. Granted answers 2xx, 404 or 422 (Greenhouse checks
 * the permission before the record and the body); missing answers 403 or 401.
 */
final class PermissionProbe {
  static final int PARALLEL = 4;
  private final HarvestProbe probe;

  PermissionProbe(HarvestProbe probe) {
    this.probe = probe;
  }

  /**
   * Probes every permission, {@value #PARALLEL} at a time (about 28 calls: within one rate window).
   */
  List<PermissionCheck> probe(StoredCredential credential, Optional<Long> actingUserId) {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    try {
      List<CompletableFuture<PermissionCheck>> running = new ArrayList<>();
      for (GuidePermission permission : GuidePermissions.all()) {
        running.add(
            CompletableFuture.supplyAsync(() -> check(credential, actingUserId, permission), pool));
      }
      return running.stream().map(CompletableFuture::join).toList();
    } finally {
      pool.shutdownNow();
    }
  }

  private PermissionCheck check(
      StoredCredential credential, Optional<Long> actingUserId, GuidePermission permission) {
    String call = permission.method() + " " + permission.path();
    if (permission.isWrite() && actingUserId.isEmpty()) {
      return result(
          permission,
          PermissionCheck.UNKNOWN,
          call,
          "not probed: a write needs the id of a Greenhouse user (On-Behalf-Of), and the users"
              + " list is not readable; grant \"Users > GET: List Users\" first");
    }
    try {
      HarvestAnswer answer =
          probe.send(
              credential.baseUrl(),
              credential.apiKey(),
              permission.method(),
              permission.path(),
              permission.isWrite() ? actingUserId : Optional.empty(),
              permission.body());
      int status = answer.status();
      if (answer.isSuccess() || status == 404 || status == 422 || status == 400) {
        return result(permission, PermissionCheck.GRANTED, call, "Greenhouse answered " + status);
      }
      if (status == 403 || status == 401) {
        return result(
            permission,
            PermissionCheck.MISSING,
            call,
            "Greenhouse answered " + status + ": tick \"" + permission.tick() + "\"");
      }
      return result(
          permission,
          PermissionCheck.UNKNOWN,
          call,
          "Greenhouse answered " + status + "; try the check again later");
    } catch (IOException e) {
      return result(
          permission,
          PermissionCheck.UNKNOWN,
          call,
          "Greenhouse did not answer (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static PermissionCheck result(
      GuidePermission permission, String status, String call, String detail) {
    return new PermissionCheck(
        permission.group(),
        permission.name(),
        permission.tick(),
        permission.required(),
        status,
        permission.limits(),
        call,
        detail,
        null);
  }
}
