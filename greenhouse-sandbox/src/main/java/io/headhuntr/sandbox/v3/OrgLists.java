package io.headhuntr.sandbox.v3;

import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.JobPost;
import io.headhuntr.sandbox.store.JobStage;
import io.headhuntr.sandbox.store.Lookup;
import io.headhuntr.sandbox.store.NamedRef;
import io.headhuntr.sandbox.store.ProspectPool;
import io.headhuntr.sandbox.store.User;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The v3 lists of the organisation's records (users, user e-mails, departments, offices, sources,
 * jobs, job posts, job interview stages, prospect pools and stages, rejection reasons, custom field
 * options). These collections are small, so each page sorts them.
 */
final class OrgLists {
  private static final long REF = OrgRecords.REFERENCE_TIME;

  private final Account account;
  private final Predicate<User> serviceUser;

  OrgLists(Account account, Predicate<User> serviceUser) {
    this.account = account;
    this.serviceUser = serviceUser;
  }

  /** GET /v3/users: primary_email (case-insensitive), show_service_accounts (default false). */
  void users(Context ctx) {
    V3Query q = V3Query.of(ctx);
    CommonFilter common = CommonFilter.of(q);
    String email = q.text("primary_email");
    boolean showService = Boolean.TRUE.equals(q.bool("show_service_accounts"));
    account.read(
        () -> {
          V3Pages.answer(
              ctx,
              q,
              V3Pages.descending(account.users.values(), u -> u.id),
              u -> u.id,
              u ->
                  common.test(u.id, u.createdAt, u.updatedAt)
                      && (email == null
                          || u.primaryEmail != null && u.primaryEmail.equalsIgnoreCase(email))
                      && (showService || !serviceUser.test(u)),
              u -> OrgRecords.user(u, serviceUser.test(u)));
          return null;
        });
  }

  /** GET /v3/user_emails: one row per address, primary first; user_ids. */
  void userEmails(Context ctx) {
    V3Query q = V3Query.of(ctx);
    CommonFilter common = CommonFilter.of(q);
    Set<Long> users = set(q.ids("user_ids"));
    account.read(
        () -> {
          List<OrgRecords.UserEmail> rows = new ArrayList<>();
          for (User u : account.users.values()) {
            if (users != null && !users.contains(u.id)) {
              continue;
            }
            if (u.primaryEmail != null) {
              rows.add(
                  new OrgRecords.UserEmail(
                      OrgRecords.UserEmail.idOf(u.id, 0), u.id, u.primaryEmail, true));
            }
            for (int i = 0; i < u.otherEmails.size(); i++) {
              rows.add(
                  new OrgRecords.UserEmail(
                      OrgRecords.UserEmail.idOf(u.id, i + 1), u.id, u.otherEmails.get(i), false));
            }
          }
          V3Pages.answer(
              ctx,
              q,
              V3Pages.descending(rows, OrgRecords.UserEmail::id),
              OrgRecords.UserEmail::id,
              e -> {
                User u = account.users.get(e.userId());
                return common.test(e.id(), u.createdAt, u.updatedAt);
              },
              e -> OrgRecords.userEmail(account.users.get(e.userId()), e));
          return null;
        });
  }

  void departments(Context ctx) {
    simple(ctx, account.departments, d -> d.id(), OrgRecords::department);
  }

  void offices(Context ctx) {
    simple(ctx, account.offices, o -> o.id(), OrgRecords::office);
  }

  void sources(Context ctx) {
    simple(ctx, account.sources, s -> s.id(), OrgRecords::source);
  }

  void prospectPools(Context ctx) {
    simple(ctx, account.prospectPools, ProspectPool::id, OrgRecords::prospectPool);
  }

  void rejectionReasons(Context ctx) {
    simple(ctx, account.rejectionReasons, r -> r.id(), OrgRecords::rejectionReason);
  }

  private <T> void simple(
      Context ctx,
      Map<Long, T> rows,
      java.util.function.ToLongFunction<T> id,
      java.util.function.Function<T, com.fasterxml.jackson.databind.JsonNode> render) {
    V3Query q = V3Query.of(ctx);
    CommonFilter common = CommonFilter.of(q);
    account.read(
        () -> {
          V3Pages.answer(
              ctx,
              q,
              V3Pages.descending(rows.values(), id),
              id,
              r -> common.test(id.applyAsLong(r), REF, REF),
              render);
          return null;
        });
  }

  void jobs(Context ctx) {
    V3Query q = V3Query.of(ctx);
    CommonFilter common = CommonFilter.of(q);
    account.read(
        () -> {
          V3Pages.answer(
              ctx,
              q,
              V3Pages.descending(account.jobs.values(), j -> j.id),
              j -> j.id,
              j -> common.test(j.id, j.createdAt, j.updatedAt),
              OrgRecords::job);
          return null;
        });
  }

  /** GET /v3/job_posts: job_ids; deleted posts are not listed. */
  void jobPosts(Context ctx) {
    V3Query q = V3Query.of(ctx);
    CommonFilter common = CommonFilter.of(q);
    Set<Long> jobs = set(q.ids("job_ids"));
    account.read(
        () -> {
          V3Pages.answer(
              ctx,
              q,
              V3Pages.descending(account.jobPosts.values(), p -> p.id),
              p -> p.id,
              (JobPost p) ->
                  p.active
                      && common.test(p.id, p.createdAt, p.updatedAt)
                      && (jobs == null || jobs.contains(p.jobId)),
              OrgRecords::jobPost);
          return null;
        });
  }

  /** GET /v3/job_interview_stages: job_ids. */
  void jobStages(Context ctx) {
    V3Query q = V3Query.of(ctx);
    CommonFilter common = CommonFilter.of(q);
    Set<Long> jobs = set(q.ids("job_ids"));
    account.read(
        () -> {
          V3Pages.answer(
              ctx,
              q,
              V3Pages.descending(account.stages.values(), s -> s.id),
              s -> s.id,
              (JobStage s) ->
                  common.test(s.id, s.createdAt, s.updatedAt)
                      && (jobs == null || jobs.contains(s.jobId)),
              OrgRecords::jobStage);
          return null;
        });
  }

  /** A stage of a prospect pool with its position. */
  private record PoolStage(ProspectPool pool, NamedRef stage, int sortOrder) {}

  /** GET /v3/prospect_pool_stages: prospect_pool_ids. */
  void prospectPoolStages(Context ctx) {
    V3Query q = V3Query.of(ctx);
    CommonFilter common = CommonFilter.of(q);
    Set<Long> pools = set(q.ids("prospect_pool_ids"));
    account.read(
        () -> {
          List<PoolStage> rows = new ArrayList<>();
          for (ProspectPool p : account.prospectPools.values()) {
            for (int i = 0; i < p.stages().size(); i++) {
              rows.add(new PoolStage(p, p.stages().get(i), i));
            }
          }
          V3Pages.answer(
              ctx,
              q,
              V3Pages.descending(rows, r -> r.stage().id()),
              r -> r.stage().id(),
              r ->
                  common.test(r.stage().id(), REF, REF)
                      && (pools == null || pools.contains(r.pool().id())),
              r -> OrgRecords.prospectPoolStage(r.pool(), r.stage(), r.sortOrder()));
          return null;
        });
  }

  /** An option of a custom field with its key. */
  private record Option(String key, Lookup lookup) {}

  /** GET /v3/custom_field_options: custom_field_key school, degree or discipline. */
  void customFieldOptions(Context ctx) {
    V3Query q = V3Query.of(ctx);
    CommonFilter common = CommonFilter.of(q);
    String key = q.text("custom_field_key");
    if (key != null && !List.of("school", "degree", "discipline").contains(key)) {
      throw V3Failure.invalid("custom_field_key", "must be one of school, degree, discipline");
    }
    account.read(
        () -> {
          List<Option> rows = new ArrayList<>();
          account.schools.values().forEach(l -> rows.add(new Option("school", l)));
          account.degrees.values().forEach(l -> rows.add(new Option("degree", l)));
          account.disciplines.values().forEach(l -> rows.add(new Option("discipline", l)));
          V3Pages.answer(
              ctx,
              q,
              V3Pages.descending(rows, o -> o.lookup().id()),
              o -> o.lookup().id(),
              o ->
                  common.test(o.lookup().id(), REF, REF)
                      && (key == null || key.equals(o.key().toLowerCase(Locale.ROOT))),
              o -> OrgRecords.customFieldOption(o.key(), o.lookup()));
          return null;
        });
  }

  static Set<Long> set(List<Long> ids) {
    return ids == null ? null : new HashSet<>(ids);
  }
}
