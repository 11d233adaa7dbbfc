package io.headhuntr.sandbox.v3;

import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Activity;
import io.headhuntr.sandbox.store.Application;
import io.headhuntr.sandbox.store.Attachment;
import io.headhuntr.sandbox.store.Candidate;
import io.headhuntr.sandbox.store.Education;
import io.headhuntr.sandbox.store.Employment;
import io.headhuntr.sandbox.store.NoteLink;
import io.headhuntr.sandbox.store.StageVisit;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The v3 lists of people and their records. Candidates, applications, application stages, rejection
 * details and notes page through sorted maps from the cursor's id; {@code ids} and parent filters
 * look their rows up directly; attachments, educations and employments without a parent filter are
 * gathered and sorted per page.
 */
final class PeopleLists {
  private static final Map<String, String> STATUSES =
      Map.of(
          "active", "active", "rejected", "rejected", "hired", "hired", "converted", "converted");

  private final Account account;

  PeopleLists(Account account) {
    this.account = account;
  }

  /** GET /v3/candidates: ids, created_at, updated_at, last_activity_at, email. */
  void candidates(Context ctx) {
    V3Query q = V3Query.of(ctx);
    CommonFilter common = CommonFilter.of(q);
    TimeFilter activity = q.time("last_activity_at");
    String email = q.text("email");
    account.read(
        () -> {
          Iterable<Candidate> source =
              common.ids() == null
                  ? V3Pages.below(account.candidates, q)
                  : lookup(common.ids(), account.candidates);
          V3Pages.answer(
              ctx,
              q,
              source,
              c -> c.id,
              c ->
                  account.visible(c)
                      && common.test(c.id, c.createdAt, c.updatedAt)
                      && activity.test(c.lastActivity)
                      && (email == null || c.hasEmail(email)),
              PeopleRecords::candidate);
          return null;
        });
  }

  /** GET /v3/applications: candidate_ids, job_ids, status, last_activity_at. */
  void applications(Context ctx) {
    V3Query q = V3Query.of(ctx);
    CommonFilter common = CommonFilter.of(q);
    TimeFilter activity = q.time("last_activity_at");
    Set<Long> candidates = OrgLists.set(q.ids("candidate_ids"));
    Set<Long> jobs = OrgLists.set(q.ids("job_ids"));
    String rawStatus = q.text("status");
    String status = rawStatus == null ? null : STATUSES.get(rawStatus);
    if (rawStatus != null && status == null) {
      throw V3Failure.invalid("status", "must be one of active, rejected, hired, converted");
    }
    account.read(
        () -> {
          Iterable<Application> source;
          if (common.ids() != null) {
            source = lookup(common.ids(), account.applications);
          } else if (candidates != null) {
            List<Long> ids = new ArrayList<>();
            for (long id : candidates) {
              Candidate c = account.candidates.get(id);
              if (c != null) {
                ids.addAll(c.applicationIds);
              }
            }
            source = lookup(ids, account.applications);
          } else {
            source = V3Pages.below(account.applications, q);
          }
          V3Pages.answer(
              ctx,
              q,
              source,
              a -> a.id,
              a ->
                  account.visible(a)
                      && common.test(a.id, a.appliedAt, a.lastActivityAt)
                      && activity.test(a.lastActivityAt)
                      && (candidates == null || candidates.contains(a.candidateId))
                      && (jobs == null || a.jobIds.stream().anyMatch(jobs::contains))
                      && (status == null || status.equals(a.status)),
              PeopleRecords::application);
          return null;
        });
  }

  /** GET /v3/application_stages: application_ids. */
  void applicationStages(Context ctx) {
    V3Query q = V3Query.of(ctx);
    CommonFilter common = CommonFilter.of(q);
    List<Long> apps = q.ids("application_ids");
    account.read(
        () -> {
          Iterable<StageVisit> source;
          if (common.ids() != null) {
            source = lookup(common.ids(), account.stageVisits);
          } else if (apps != null) {
            List<Long> ids = new ArrayList<>();
            for (long id : apps) {
              Application a = account.applications.get(id);
              if (a != null) {
                ids.addAll(a.stageVisitIds);
              }
            }
            source = lookup(ids, account.stageVisits);
          } else {
            source = V3Pages.below(account.stageVisits, q);
          }
          V3Pages.answer(
              ctx,
              q,
              source,
              v -> v.id,
              v ->
                  account.visible(account.applications.get(v.applicationId))
                      && common.test(v.id, v.enteredAt, v.updatedAt)
                      && (apps == null || apps.contains(v.applicationId)),
              PeopleRecords::applicationStage);
          return null;
        });
  }

  /** A rejection_details row: its id and its application. */
  private record Rejection(long id, Application application) {}

  /** GET /v3/rejection_details: application_ids. */
  void rejectionDetails(Context ctx) {
    V3Query q = V3Query.of(ctx);
    CommonFilter common = CommonFilter.of(q);
    List<Long> apps = q.ids("application_ids");
    account.read(
        () -> {
          List<Rejection> rows = new ArrayList<>();
          Iterable<Map.Entry<Long, Long>> entries =
              apps == null
                  ? account.rejections.headMap(q.below(), false).descendingMap().entrySet()
                  : List.of();
          if (apps != null) {
            for (long id : apps) {
              Application a = account.applications.get(id);
              if (a != null && a.rejectionId != 0) {
                rows.add(new Rejection(a.rejectionId, a));
              }
            }
            rows = V3Pages.descending(rows, Rejection::id);
          }
          Iterable<Rejection> source =
              apps != null
                  ? rows
                  : () ->
                      java.util.stream.StreamSupport.stream(entries.spliterator(), false)
                          .map(
                              e ->
                                  new Rejection(e.getKey(), account.applications.get(e.getValue())))
                          .iterator();
          V3Pages.answer(
              ctx,
              q,
              source,
              Rejection::id,
              r ->
                  r.application() != null
                      && account.visible(r.application())
                      && "rejected".equals(r.application().status)
                      && common.test(
                          r.id(), r.application().rejectedAt, r.application().rejectedAt),
              r -> PeopleRecords.rejectionDetail(r.application()));
          return null;
        });
  }

  /** A note with where it belongs. */
  private record Note(Activity activity, NoteLink link) {}

  /** GET /v3/notes: candidate_ids, application_ids. */
  void notes(Context ctx) {
    V3Query q = V3Query.of(ctx);
    CommonFilter common = CommonFilter.of(q);
    Set<Long> candidates = OrgLists.set(q.ids("candidate_ids"));
    Set<Long> apps = OrgLists.set(q.ids("application_ids"));
    account.read(
        () -> {
          Map<Long, NoteLink> links;
          if (candidates != null) {
            links = new HashMap<>();
            for (long c : candidates) {
              for (Activity a : account.activityFeeds.getOrDefault(c, List.of())) {
                NoteLink link = account.notes.get(a.id());
                if (link != null) {
                  links.put(a.id(), link);
                }
              }
            }
          } else {
            links = account.notes.headMap(q.below(), false).descendingMap();
          }
          Iterable<Note> source =
              () ->
                  (candidates == null
                          ? links.entrySet().stream()
                          : links.entrySet().stream()
                              .sorted(Map.Entry.<Long, NoteLink>comparingByKey().reversed()))
                      .map(e -> new Note(find(e.getKey(), e.getValue()), e.getValue()))
                      .iterator();
          V3Pages.answer(
              ctx,
              q,
              source,
              n -> n.activity() == null ? Long.MAX_VALUE : n.activity().id(),
              n ->
                  n.activity() != null
                      && account.visible(account.candidates.get(n.link().candidateId()))
                      && common.test(
                          n.activity().id(), n.activity().createdAt(), n.activity().createdAt())
                      && (candidates == null || candidates.contains(n.link().candidateId()))
                      && (apps == null || apps.contains(n.link().applicationId())),
              n ->
                  PeopleRecords.note(
                      n.activity(), n.link().candidateId(), n.link().applicationId()));
          return null;
        });
  }

  private Activity find(long noteId, NoteLink link) {
    for (Activity a : account.activityFeeds.getOrDefault(link.candidateId(), List.of())) {
      if (a.id() == noteId) {
        return a;
      }
    }
    return null;
  }

  /** A file with its owners. */
  private record File(Attachment attachment, long candidateId, long applicationId) {}

  /** GET /v3/attachments: candidate_ids, application_ids. */
  void attachments(Context ctx) {
    V3Query q = V3Query.of(ctx);
    CommonFilter common = CommonFilter.of(q);
    Set<Long> candidates = OrgLists.set(q.ids("candidate_ids"));
    Set<Long> apps = OrgLists.set(q.ids("application_ids"));
    account.read(
        () -> {
          List<File> rows = new ArrayList<>();
          for (Candidate c : people(candidates, apps)) {
            if (!account.visible(c)) {
              continue;
            }
            c.attachments.forEach(f -> rows.add(new File(f, c.id, 0)));
            for (long appId : c.applicationIds) {
              Application a = account.applications.get(appId);
              if (a != null) {
                a.attachments.forEach(f -> rows.add(new File(f, c.id, a.id)));
              }
            }
          }
          V3Pages.answer(
              ctx,
              q,
              V3Pages.descending(rows, f -> f.attachment().id()),
              f -> f.attachment().id(),
              f ->
                  common.test(
                          f.attachment().id(),
                          f.attachment().createdAt(),
                          f.attachment().createdAt())
                      && (candidates == null || candidates.contains(f.candidateId()))
                      && (apps == null || apps.contains(f.applicationId())),
              f -> PeopleRecords.attachment(f.attachment(), f.candidateId(), f.applicationId()));
          return null;
        });
  }

  /** The people a parent filter names, or everyone. */
  private Iterable<Candidate> people(Set<Long> candidates, Set<Long> apps) {
    if (candidates == null && apps == null) {
      return account.candidates.values();
    }
    List<Candidate> chosen = new ArrayList<>();
    if (candidates != null) {
      candidates.forEach(id -> add(chosen, account.candidates.get(id)));
    } else {
      for (long id : apps) {
        Application a = account.applications.get(id);
        if (a != null) {
          add(chosen, account.candidates.get(a.candidateId));
        }
      }
    }
    return chosen;
  }

  private static void add(List<Candidate> chosen, Candidate c) {
    if (c != null && !chosen.contains(c)) {
      chosen.add(c);
    }
  }

  /** An education or employment with its person. */
  private record Entry<T>(T entry, long id, Candidate candidate, long createdAt) {}

  /** GET /v3/candidate_educations: candidate_ids. */
  void educations(Context ctx) {
    background(
        ctx,
        c -> c.educations,
        Education::id,
        e -> e.createdAt(),
        (e, c) -> PeopleRecords.education(e, c));
  }

  /** GET /v3/candidate_employments: candidate_ids. */
  void employments(Context ctx) {
    background(
        ctx,
        c -> c.employments,
        Employment::id,
        e -> e.createdAt(),
        (e, c) -> PeopleRecords.employment(e, c));
  }

  private <T> void background(
      Context ctx,
      java.util.function.Function<Candidate, List<T>> entries,
      java.util.function.ToLongFunction<T> id,
      java.util.function.ToLongFunction<T> created,
      java.util.function.BiFunction<T, Candidate, com.fasterxml.jackson.databind.JsonNode> render) {
    V3Query q = V3Query.of(ctx);
    CommonFilter common = CommonFilter.of(q);
    Set<Long> candidates = OrgLists.set(q.ids("candidate_ids"));
    account.read(
        () -> {
          List<Entry<T>> rows = new ArrayList<>();
          for (Candidate c : people(candidates, null)) {
            if (account.visible(c)) {
              for (T e : entries.apply(c)) {
                long at = created.applyAsLong(e);
                rows.add(new Entry<>(e, id.applyAsLong(e), c, at == 0 ? c.createdAt : at));
              }
            }
          }
          V3Pages.answer(
              ctx,
              q,
              V3Pages.descending(rows, Entry::id),
              Entry::id,
              r -> common.test(r.id(), r.createdAt(), r.createdAt()),
              r -> render.apply(r.entry(), r.candidate()));
          return null;
        });
  }

  /** The rows of these ids that exist, highest id first. */
  private static <T> List<T> lookup(java.util.Collection<Long> ids, Map<Long, T> rows) {
    List<Long> sorted = new ArrayList<>(new java.util.TreeSet<>(ids).descendingSet());
    List<T> found = new ArrayList<>();
    for (long id : sorted) {
      T row = rows.get(id);
      if (row != null) {
        found.add(row);
      }
    }
    return found;
  }
}
