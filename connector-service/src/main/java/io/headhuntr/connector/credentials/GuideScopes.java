package io.headhuntr.connector.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The setup guide's permissions as Harvest v3 scopes (contract section 5), and the scope report of
 * a client-credentials token: each permission is granted when the token carries every scope it maps
 * to, missing otherwise (nothing is probed: introspection states the scopes).
 */
final class GuideScopes {
  private static final String APPLICATION_READS =
      "harvest:applications:list harvest:application_stages:list"
          + " harvest:rejection_details:list";
  private static final String PROSPECT_POOLS =
      "harvest:prospect_pools:list harvest:prospect_pool_stages:list";

  /** Scopes (space separated, as OAuth writes them) by the guide's tick. */
  private static final Map<String, String> SCOPES =
      Map.ofEntries(
          Map.entry("Applications > GET: Retrieve Application", APPLICATION_READS),
          Map.entry("Applications > PATCH: Update Application", "harvest:applications:update"),
          Map.entry("Candidates > GET: Retrieve Candidate", "harvest:candidates:list"),
          Map.entry("Candidates > GET: List Candidates", "harvest:candidates:list"),
          Map.entry("Candidates > PATCH: Edit Candidate", "harvest:candidates:update"),
          Map.entry("Candidates > POST: Add Note", "harvest:notes:create"),
          Map.entry("Candidates > POST: Add Attachment", "harvest:attachments:create"),
          Map.entry("Candidates > POST: Add Application", "harvest:applications:create"),
          Map.entry("Candidates > POST: Add Candidate", "harvest:candidates:create"),
          Map.entry("Candidates > POST: Add Education", "harvest:candidate_educations:create"),
          Map.entry("Candidates > POST: Add Employment", "harvest:candidate_employments:create"),
          Map.entry(
              "Candidates > POST: Add Prospect",
              "harvest:candidates:create harvest:applications:create"),
          Map.entry("Users > GET: List Users", "harvest:users:list"),
          Map.entry("Departments > GET: List Departments", "harvest:departments:list"),
          Map.entry("Departments > GET: Retrieve Department", "harvest:departments:list"),
          Map.entry("Jobs > GET: List Jobs", "harvest:jobs:list"),
          Map.entry("Jobs > GET: Retrieve Job", "harvest:jobs:list"),
          Map.entry("Job Posts > GET: List Job Posts", "harvest:job_posts:list"),
          Map.entry("Job Posts > GET: Retrieve Job Post", "harvest:job_posts:list"),
          Map.entry("Job Posts > GET: List Job Posts for Job", "harvest:job_posts:list"),
          Map.entry("Job Posts > GET: Retrieve Job Post for Job", "harvest:job_posts:list"),
          Map.entry("Job Stages > GET: List Job Stages", "harvest:job_interview_stages:list"),
          Map.entry(
              "Job Stages > GET: List Job Stages for Job", "harvest:job_interview_stages:list"),
          Map.entry("Job Stages > GET: Retrieve Job Stage", "harvest:job_interview_stages:list"),
          Map.entry("Sources > GET: List Sources", "harvest:sources:list"),
          Map.entry("Prospect Pools > GET: List Prospect Pools", PROSPECT_POOLS),
          Map.entry("Prospect Pools > GET: Retrieve Prospect Pool", PROSPECT_POOLS));

  private GuideScopes() {}

  /** The scopes a guide permission maps to, space separated. */
  static String scopeOf(GuidePermission permission) {
    String scope = SCOPES.get(permission.tick());
    if (scope == null) {
      throw new IllegalStateException("no v3 scope for " + permission.tick());
    }
    return scope;
  }

  /** Every permission of the guide, in its order, judged by the token's {@code granted} scopes. */
  static List<PermissionCheck> checks(Set<String> granted) {
    List<PermissionCheck> checks = new ArrayList<>();
    for (GuidePermission permission : GuidePermissions.all()) {
      String scope = scopeOf(permission);
      List<String> missing =
          List.of(scope.split(" ")).stream().filter(s -> !granted.contains(s)).toList();
      boolean ok = missing.isEmpty();
      checks.add(
          new PermissionCheck(
              permission.group(),
              permission.name(),
              permission.tick(),
              permission.required(),
              ok ? PermissionCheck.GRANTED : PermissionCheck.MISSING,
              permission.limits(),
              "introspection of a client-credentials token",
              ok
                  ? "the token carries " + scope
                  : "the token lacks "
                      + String.join(" ", missing)
                      + ": add it to the client's scopes in Greenhouse's Dev Center",
              scope));
    }
    return checks;
  }
}
