package io.headhuntr.connector.api;

import io.headhuntr.connector.mirror.MirrorReadApi;
import java.util.List;

/**
 * Reads over the mirror of the tenant's Greenhouse, by Greenhouse id. Greenhouse users are under
 * {@code /greenhouse/users}: {@code /users} holds the platform's users.
 */
public final class MirrorRoutes {
  private final MirrorReadApi mirror;

  public MirrorRoutes(MirrorReadApi mirror) {
    this.mirror = mirror;
  }

  public List<Route> routes() {
    String tenant = "/api/v1/tenants/{tenant_id}";
    return List.of(
        Route.get(tenant + "/candidates", Access.TENANT, mirror::candidatesByEmail)
            .doc(
                "mirror",
                "Candidates having ?email= among their addresses (ignoring case), from the mirror")
            .returns(200, "CandidateList"),
        Route.get(tenant + "/candidates/{candidate_id}", Access.TENANT, mirror::candidate)
            .doc("mirror", "A candidate with its applications (a tombstone once deleted or merged)")
            .returns(200, "MirrorCandidate"),
        Route.get(tenant + "/applications/{application_id}", Access.TENANT, mirror::application)
            .doc("mirror", "An application: status, current stage, rejection, jobs")
            .returns(200, "MirrorApplication"),
        Route.get(tenant + "/jobs", Access.TENANT, mirror::jobs)
            .doc("mirror", "Jobs ordered by id (?after=<job id>&limit=N, at most 500)")
            .returns(200, "JobPage"),
        Route.get(tenant + "/jobs/{job_id}", Access.TENANT, mirror::job)
            .doc("mirror", "A job with its stages and live posts")
            .returns(200, "MirrorJob"),
        Route.get(tenant + "/job_posts/{job_post_id}", Access.TENANT, mirror::jobPost)
            .doc("mirror", "A job post")
            .returns(200, "MirrorJobPost"),
        Route.get(tenant + "/greenhouse/users", Access.TENANT, mirror::users)
            .doc("mirror", "Greenhouse users ordered by id (?after=<user id>&limit=N)")
            .returns(200, "GreenhouseUserPage"));
  }
}
