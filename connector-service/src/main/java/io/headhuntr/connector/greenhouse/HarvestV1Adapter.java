package io.headhuntr.connector.greenhouse;

import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.JobPostRow;
import io.headhuntr.connector.mirror.JobRow;
import io.headhuntr.connector.mirror.JobStageRow;
import io.headhuntr.connector.mirror.UserRow;
import io.headhuntr.harvest.ApplicationFilter;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.CandidateFilter;
import io.headhuntr.harvest.GreenhouseUserId;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.HarvestException;
import io.headhuntr.harvest.HarvestForbiddenException;
import io.headhuntr.harvest.HarvestNotFoundException;
import io.headhuntr.harvest.JobFilter;
import io.headhuntr.harvest.JobPostFilter;
import io.headhuntr.harvest.JobStageFilter;
import io.headhuntr.harvest.ListPage;
import io.headhuntr.harvest.PageOptions;
import io.headhuntr.harvest.RateLimitStatus;
import io.headhuntr.harvest.User;
import io.headhuntr.harvest.UserFilter;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The port over Harvest v1 ({@link HarvestClient}, API key, On-Behalf-Of). Listings page by number
 * and resume by it (the resume token is the next page number, valid for any later request of the
 * same filter); candidates carry their applications; one record is read with {@code GET
 * /v1/<resource>/{id}}.
 */
public final class HarvestV1Adapter implements Greenhouse {

  /** Up to this many ids, one {@code GET /v1/users/{id}} each costs fewer calls than listing. */
  static final int SINGLE_GET_LIMIT = 3;

  private final HarvestClient client;
  private final HarvestV1Calls calls;

  public HarvestV1Adapter(HarvestClient client) {
    this(client, CallLog.NONE);
  }

  private HarvestV1Adapter(HarvestClient client, CallLog log) {
    this.client = client;
    this.calls = new HarvestV1Calls(log);
  }

  @Override
  public Stream<Page<JobRow>> jobsChangedSince(ListingStart start) {
    JobFilter filter = start.changedSince().map(JobFilter::updatedAfter).orElseGet(JobFilter::all);
    return pages(options -> client.jobs().pages(filter, options), start, HarvestV1Rows::job);
  }

  @Override
  public Stream<Page<CandidateWithApplications>> candidatesChangedSince(ListingStart start) {
    CandidateFilter filter =
        CandidateFilter.builder().updatedAfter(start.changedSince().orElse(null)).build();
    return pages(
        options -> client.candidates().pages(filter, options),
        start,
        HarvestV1Rows::withApplications);
  }

  @Override
  public Stream<Page<ApplicationRow>> applicationsActiveSince(ListingStart start) {
    ApplicationFilter filter =
        ApplicationFilter.builder().lastActivityAfter(start.changedSince().orElse(null)).build();
    return pages(
        options -> client.applications().pages(filter, options),
        start,
        HarvestV1Rows::listedApplication);
  }

  /**
   * A listing from the page its token names; a listing that lists everything counts its first page
   * (the Link header names the last page) and skips the count on the others.
   */
  private static <T, R> Stream<Page<R>> pages(
      Function<PageOptions, Stream<ListPage<T>>> list, ListingStart start, Function<T, R> row) {
    int first = start.resumeAt().map(HarvestV1Adapter::pageNumber).orElse(1);
    PageOptions options = PageOptions.defaults().startingAt(first);
    if (start.countPages()) {
      options = options.countingFirstPage();
    }
    Stream<ListPage<T>> raw;
    try {
      raw = list.apply(options);
    } catch (HarvestException e) {
      throw HarvestV1Calls.translate(e);
    }
    return HarvestV1Calls.translated(raw)
        .map(
            page ->
                new Page<>(
                    page.items().stream().map(row).toList(),
                    Optional.of(new ResumeToken(Integer.toString(page.number() + 1))),
                    page.lastPage()));
  }

  private static int pageNumber(ResumeToken token) {
    try {
      int page = Integer.parseInt(token.value());
      if (page >= 1) {
        return page;
      }
    } catch (NumberFormatException e) {
      // not one of ours: refused below
    }
    throw new GreenhouseException.ResumeRefused(
        "GET",
        "",
        "a Harvest v1 listing resumes at a page number, not '" + token.value() + "'",
        null);
  }

  @Override
  public List<UserRow> users() {
    return all("/v1/users", () -> client.users().list(UserFilter.all()), HarvestV1Rows::user);
  }

  @Override
  public List<ReferenceRecord.Department> departments() {
    return all("/v1/departments", () -> client.departments().list(), HarvestV1Rows::department);
  }

  @Override
  public List<ReferenceRecord.Source> sources() {
    return all("/v1/sources", () -> client.sources().list(), HarvestV1Rows::source);
  }

  @Override
  public List<ReferenceRecord.ProspectPool> prospectPools() {
    return all(
        "/v1/prospect_pools", () -> client.prospectPools().list(), HarvestV1Rows::prospectPool);
  }

  @Override
  public List<JobStageRow> jobStages() {
    return all(
        "/v1/job_stages",
        () -> client.jobStages().list(JobStageFilter.all()),
        HarvestV1Rows::stage);
  }

  @Override
  public List<JobPostRow> jobPosts() {
    return all(
        "/v1/job_posts",
        () -> client.jobPosts().list(JobPostFilter.all().withFullContent(true)),
        HarvestV1Rows::jobPost);
  }

  @Override
  public Optional<JobRow> job(long id) {
    return found(() -> HarvestV1Rows.job(get("/v1/jobs/" + id, () -> client.jobs().get(id))));
  }

  @Override
  public Optional<CandidateWithApplications> candidate(long id) {
    return found(
        () ->
            HarvestV1Rows.withApplications(
                get("/v1/candidates/" + id, () -> client.candidates().get(id))));
  }

  @Override
  public Optional<ApplicationRow> application(long id) {
    return found(
        () ->
            HarvestV1Rows.listedApplication(
                get("/v1/applications/" + id, () -> client.applications().get(id))));
  }

  /**
   * One {@code GET /v1/users/{id}} per id for a few ids; one pass over {@code GET /v1/users} for
   * many, or when the key lacks "GET: Retrieve User" (the setup guide asks only for "GET: List
   * Users").
   */
  @Override
  public Map<Long, UserRow> usersById(Collection<Long> ids) {
    Set<Long> wanted = new HashSet<>(ids);
    if (wanted.size() <= SINGLE_GET_LIMIT) {
      try {
        return getEachUser(wanted);
      } catch (HarvestForbiddenException e) {
        // the key holds "GET: List Users" but not "GET: Retrieve User": list instead
      }
    }
    Map<Long, UserRow> found = new HashMap<>();
    calls.call(
        "GET",
        "/v1/users",
        () -> {
          try (Stream<User> users = client.users().list(UserFilter.all())) {
            users
                .filter(u -> wanted.contains(u.id()))
                .forEach(u -> found.put(u.id(), HarvestV1Rows.user(u)));
          }
          return null;
        });
    return found;
  }

  /** Throws the raw 403 (not logged, not translated) so the caller can fall back to listing. */
  private Map<Long, UserRow> getEachUser(Set<Long> wanted) {
    Map<Long, UserRow> found = new HashMap<>();
    for (long id : wanted) {
      try {
        found.put(id, HarvestV1Rows.user(client.users().get(id)));
      } catch (HarvestNotFoundException e) {
        // no such user: left out of the answer
      } catch (HarvestForbiddenException e) {
        throw e;
      } catch (HarvestException e) {
        throw HarvestV1Calls.translate(e);
      }
    }
    return found;
  }

  /** The person; {@link GreenhouseException.NotFound} when Greenhouse has no such candidate. */
  @Override
  public Person person(long id) {
    return HarvestV1Rows.person(get("/v1/candidates/" + id, () -> client.candidates().get(id)));
  }

  @Override
  public List<Person> peopleByEmail(String email) {
    return calls.call(
        "GET",
        "/v1/candidates?email=<redacted>",
        () -> {
          try (Stream<Candidate> s =
              client.candidates().list(CandidateFilter.builder().email(email).build())) {
            return s.map(HarvestV1Rows::person).toList();
          }
        });
  }

  @Override
  public List<PersonNote> notesOf(long candidateId) {
    return get(
            "/v1/candidates/" + candidateId + "/activity_feed",
            () -> client.candidates().activityFeed(candidateId))
        .notes()
        .stream()
        .map(HarvestV1Rows::note)
        .toList();
  }

  /** From the person ({@code GET /v1/candidates/{id}}): v1 names school, degree and discipline. */
  @Override
  public List<PersonEducation> educationsOf(long candidateId) {
    return get("/v1/candidates/" + candidateId, () -> client.candidates().get(candidateId))
        .educations()
        .stream()
        .map(HarvestV1Rows::education)
        .toList();
  }

  /** From the person ({@code GET /v1/candidates/{id}}). */
  @Override
  public List<PersonEmployment> employmentsOf(long candidateId) {
    return get("/v1/candidates/" + candidateId, () -> client.candidates().get(candidateId))
        .employments()
        .stream()
        .map(HarvestV1Rows::employment)
        .toList();
  }

  @Override
  public List<NamedId> schools() {
    return all("/v1/schools", () -> client.schools().list(), s -> new NamedId(s.id(), s.name()));
  }

  @Override
  public List<NamedId> degrees() {
    return all("/v1/degrees", () -> client.degrees().list(), s -> new NamedId(s.id(), s.name()));
  }

  @Override
  public List<NamedId> disciplines() {
    return all(
        "/v1/disciplines", () -> client.disciplines().list(), s -> new NamedId(s.id(), s.name()));
  }

  @Override
  public List<NamedId> sourceNames() {
    return all("/v1/sources", () -> client.sources().list(), s -> new NamedId(s.id(), s.name()));
  }

  @Override
  public GreenhouseWrites actingAs(long userId) {
    return new HarvestV1Writes(client.onBehalfOf(GreenhouseUserId.of(userId)), calls);
  }

  /** Harvest v1 has no webhook API: the customer creates them in Dev Center, as the guide says. */
  @Override
  public boolean managesWebhooks() {
    return false;
  }

  @Override
  public List<RegisteredWebhook> webhooks() {
    throw noWebhookApi("GET");
  }

  @Override
  public RegisteredWebhook registerWebhook(WebhookDefinition webhook) {
    throw noWebhookApi("POST");
  }

  @Override
  public RegisteredWebhook updateWebhook(long id, WebhookDefinition webhook) {
    throw noWebhookApi("PATCH");
  }

  private static GreenhouseException noWebhookApi(String method) {
    return new GreenhouseException.Unsupported(
        method,
        "/v1/web_hooks",
        "Harvest v1 cannot manage webhooks: create them in Greenhouse > Configure > Dev Center >"
            + " Web Hooks as the webhook kit lists them");
  }

  @Override
  public Greenhouse withReadReserve(int reserve) {
    return new HarvestV1Adapter(client.withReadReserve(reserve), calls.log());
  }

  @Override
  public Greenhouse withCallLog(CallLog log) {
    return new HarvestV1Adapter(client, log);
  }

  @Override
  public RateBudget rateBudget() {
    RateLimitStatus status = client.rateLimit();
    return new RateBudget(status.limit(), status.remaining());
  }

  @Override
  public String toString() {
    return "HarvestV1Adapter[" + client + "]";
  }

  private <T> T get(String path, Supplier<T> call) {
    return calls.call("GET", path, call);
  }

  /** A whole list, read in one logged call (its pages counted once). */
  private <T, R> List<R> all(String path, Supplier<Stream<T>> list, Function<T, R> row) {
    return calls.call(
        "GET",
        path,
        () -> {
          try (Stream<T> items = list.get()) {
            return items.map(row).toList();
          }
        });
  }

  private static <T> Optional<T> found(Supplier<T> read) {
    try {
      return Optional.of(read.get());
    } catch (GreenhouseException.NotFound gone) {
      return Optional.empty();
    }
  }
}
