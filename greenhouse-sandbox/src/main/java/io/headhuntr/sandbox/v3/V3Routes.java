package io.headhuntr.sandbox.v3;

import io.headhuntr.sandbox.Events;
import io.headhuntr.sandbox.SandboxConfig;
import io.headhuntr.sandbox.http.HarvestError;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.oauth.Scopes;
import io.headhuntr.sandbox.oauth.V3Guard;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.webhooks.WebhookHub;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;

/**
 * Every Harvest v3 resource route of the sandbox in one place (contract sections 8-10), each
 * wrapped by the {@link V3Guard} with its scope; refusals of the handlers are written in v3's error
 * shape. Building it gives seeded applications their stage history and rejection rows.
 */
public final class V3Routes {
  /** Resources with a list route; {@code GET /v3/<resource>/{id}} is a 404 for each. */
  private static final List<String> RESOURCES =
      List.of(
          "users",
          "user_emails",
          "departments",
          "offices",
          "sources",
          "jobs",
          "job_posts",
          "job_interview_stages",
          "prospect_pools",
          "prospect_pool_stages",
          "candidates",
          "applications",
          "application_stages",
          "rejection_reasons",
          "rejection_details",
          "notes",
          "attachments",
          "candidate_educations",
          "candidate_employments",
          "custom_field_options",
          "webhooks");

  private final OrgLists org;
  private final PeopleLists people;
  private final CandidateWrites candidates;
  private final ApplicationWrites applications;
  private final RecordWrites records;
  private final PartnerWebhooks webhooks;

  public V3Routes(Account account, Events events, WebhookHub hub, SandboxConfig config) {
    account.write(
        () -> {
          account.completeSeededHistory();
          return null;
        });
    this.org = new OrgLists(account, u -> u.serviceUser);
    this.people = new PeopleLists(account);
    this.candidates = new CandidateWrites(account, events, config.asyncDelay());
    this.applications = new ApplicationWrites(account, events, config.asyncDelay());
    this.records = new RecordWrites(account, events);
    this.webhooks = new PartnerWebhooks(hub, config.clock());
  }

  /** Declares every /v3 resource route on {@code r}, guarded by {@code guard}. */
  public void register(RoutesConfig r, V3Guard guard) {
    r.get("/v3/users", guard.list(Scopes.USERS_LIST, v3(org::users)));
    r.get("/v3/user_emails", guard.list(Scopes.USERS_LIST, v3(org::userEmails)));
    r.get("/v3/departments", guard.list(Scopes.DEPARTMENTS_LIST, v3(org::departments)));
    r.get("/v3/offices", guard.list(Scopes.OFFICES_LIST, v3(org::offices)));
    r.get("/v3/sources", guard.list(Scopes.SOURCES_LIST, v3(org::sources)));
    r.get("/v3/jobs", guard.list(Scopes.JOBS_LIST, v3(org::jobs)));
    r.get("/v3/job_posts", guard.list(Scopes.JOB_POSTS_LIST, v3(org::jobPosts)));
    r.get(
        "/v3/job_interview_stages",
        guard.list(Scopes.JOB_INTERVIEW_STAGES_LIST, v3(org::jobStages)));
    r.get("/v3/prospect_pools", guard.list(Scopes.PROSPECT_POOLS_LIST, v3(org::prospectPools)));
    r.get(
        "/v3/prospect_pool_stages",
        guard.list(Scopes.PROSPECT_POOL_STAGES_LIST, v3(org::prospectPoolStages)));
    r.get(
        "/v3/rejection_reasons",
        guard.list(Scopes.REJECTION_REASONS_LIST, v3(org::rejectionReasons)));
    r.get(
        "/v3/custom_field_options",
        guard.list(Scopes.CUSTOM_FIELD_OPTIONS_LIST, v3(org::customFieldOptions)));
    r.get("/v3/candidates", guard.list(Scopes.CANDIDATES_LIST, v3(people::candidates)));
    r.get("/v3/applications", guard.list(Scopes.APPLICATIONS_LIST, v3(people::applications)));
    r.get(
        "/v3/application_stages",
        guard.list(Scopes.APPLICATION_STAGES_LIST, v3(people::applicationStages)));
    r.get(
        "/v3/rejection_details",
        guard.list(Scopes.REJECTION_DETAILS_LIST, v3(people::rejectionDetails)));
    r.get("/v3/notes", guard.list(Scopes.NOTES_LIST, v3(people::notes)));
    r.get("/v3/attachments", guard.list(Scopes.ATTACHMENTS_LIST, v3(people::attachments)));
    r.get(
        "/v3/candidate_educations",
        guard.list(Scopes.CANDIDATE_EDUCATIONS_LIST, v3(people::educations)));
    r.get(
        "/v3/candidate_employments",
        guard.list(Scopes.CANDIDATE_EMPLOYMENTS_LIST, v3(people::employments)));
    // writes
    r.post("/v3/candidates", guard.write(Scopes.CANDIDATES_CREATE, v3(candidates::create)));
    r.patch("/v3/candidates/{id}", guard.write(Scopes.CANDIDATES_UPDATE, v3(candidates::patch)));
    r.post("/v3/applications", guard.write(Scopes.APPLICATIONS_CREATE, v3(applications::create)));
    r.patch(
        "/v3/applications/{id}", guard.write(Scopes.APPLICATIONS_UPDATE, v3(applications::patch)));
    r.delete(
        "/v3/applications/{id}",
        guard.write(Scopes.APPLICATIONS_DESTROY, v3(applications::delete)));
    r.post(
        "/v3/applications/{id}/move",
        guard.write(Scopes.APPLICATIONS_MOVE, v3(applications::move)));
    r.post(
        "/v3/applications/{id}/reject",
        guard.write(Scopes.APPLICATIONS_REJECT, v3(applications::reject)));
    r.post(
        "/v3/applications/{id}/unreject",
        guard.write(Scopes.APPLICATIONS_UNREJECT, v3(applications::unreject)));
    r.post(
        "/v3/applications/{id}/hire",
        guard.write(Scopes.APPLICATIONS_HIRE, v3(applications::hire)));
    r.post(
        "/v3/applications/{id}/convert_to_candidate",
        guard.write(Scopes.APPLICATIONS_CONVERT_TO_CANDIDATE, v3(applications::convert)));
    r.post("/v3/notes", guard.write(Scopes.NOTES_CREATE, v3(records::note)));
    r.post("/v3/attachments", guard.write(Scopes.ATTACHMENTS_CREATE, v3(records::attachment)));
    r.post(
        "/v3/candidate_educations",
        guard.write(Scopes.CANDIDATE_EDUCATIONS_CREATE, v3(records::education)));
    r.post(
        "/v3/candidate_employments",
        guard.write(Scopes.CANDIDATE_EMPLOYMENTS_CREATE, v3(records::employment)));
    // partner webhooks
    r.get("/v3/webhooks", guard.partnerList(Scopes.WEBHOOKS_LIST, v3(webhooks::list)));
    r.post("/v3/webhooks", guard.partnerWrite(Scopes.WEBHOOKS_CREATE, v3(webhooks::create)));
    r.patch("/v3/webhooks/{id}", guard.partnerWrite(Scopes.WEBHOOKS_UPDATE, v3(webhooks::update)));
    r.delete(
        "/v3/webhooks/{id}", guard.partnerWrite(Scopes.WEBHOOKS_DESTROY, v3(webhooks::delete)));
    // no GET-by-id in v3
    for (String resource : RESOURCES) {
      r.get("/v3/" + resource + "/{id}", V3Routes::notFound);
    }
  }

  private static void notFound(Context ctx) {
    Respond.json(ctx, 404, V3Failure.notFound().body());
  }

  /** The handler with its refusals (v3's own and those of shared v1 logic) in v3's shape. */
  static Handler v3(Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (V3Failure e) {
        Respond.json(ctx, e.status(), e.body());
      } catch (HarvestError e) {
        V3Failure failure = V3Failure.from(e);
        Respond.json(ctx, failure.status(), failure.body());
      }
    };
  }
}
