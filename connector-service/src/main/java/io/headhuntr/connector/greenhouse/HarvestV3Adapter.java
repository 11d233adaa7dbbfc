package io.headhuntr.connector.greenhouse;

import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.JobPostRow;
import io.headhuntr.connector.mirror.JobRow;
import io.headhuntr.connector.mirror.JobStageRow;
import io.headhuntr.connector.mirror.UserRow;
import io.headhuntr.harvest.GreenhouseUserId;
import io.headhuntr.harvest.HarvestException;
import io.headhuntr.harvest.RateLimitStatus;
import io.headhuntr.harvest.v3.Application;
import io.headhuntr.harvest.v3.ApplicationQuery;
import io.headhuntr.harvest.v3.Candidate;
import io.headhuntr.harvest.v3.CandidatePartQuery;
import io.headhuntr.harvest.v3.CandidateQuery;
import io.headhuntr.harvest.v3.CommonQuery;
import io.headhuntr.harvest.v3.CursorPage;
import io.headhuntr.harvest.v3.CustomFieldOptionQuery;
import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.JobPartQuery;
import io.headhuntr.harvest.v3.NoteOrAttachmentQuery;
import io.headhuntr.harvest.v3.ProspectPoolStage;
import io.headhuntr.harvest.v3.ProspectPoolStageQuery;
import io.headhuntr.harvest.v3.TimeFilter;
import io.headhuntr.harvest.v3.UserQuery;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The port over Harvest v3 ({@link HarvestV3Client}, OAuth 2.0, cursor pages). A resume token is
 * the page's {@code next} URL; one Greenhouse refuses (422) is {@link
 * GreenhouseException.ResumeRefused}, so the sync restarts that listing from its watermark. Page
 * counts are unknown in v3 (always empty). "Changed since" is {@code updated_at=gte|t}
 * (applications: {@code last_activity_at}).
 *
 * <p>Candidates carry their applications by a join ({@link HarvestV3ApplicationJoin}): a page of up
 * to {@value #CANDIDATES_PER_PAGE} candidates costs 1 call for the candidates, 2 for their
 * applications (50 candidate ids each), 1 per 50 non-prospect applications for their stages and 1
 * per 50 distinct current stages for the stage names: about 5 calls for a page of 100 people with
 * one application each. One record by id is {@code ?ids=<id>} (v3 has no {@code GET /{id}}).
 *
 * <p>Over 400 lines because it is the whole port for one Harvest version; each method is a short
 * delegation, and the larger parts live beside it ({@link HarvestV3Calls}, {@link
 * HarvestV3ApplicationJoin}, {@link HarvestV3Writes}, {@link HarvestV3Webhooks}).
 */
public final class HarvestV3Adapter implements Greenhouse {
  /** Candidates per page: two batches of 50 ids for the application join. */
  static final int CANDIDATES_PER_PAGE = 100;

  private final HarvestV3Client client;
  private final HarvestV3Calls calls;
  private final HarvestV3ApplicationJoin join;
  private final int candidatesPerPage;
  private final boolean writesAsAuthorizedUser;

  public HarvestV3Adapter(HarvestV3Client client) {
    this(client, CallLog.NONE, CANDIDATES_PER_PAGE, false);
  }

  /** With smaller candidate pages (tests that need several pages of a small account). */
  HarvestV3Adapter(HarvestV3Client client, int candidatesPerPage) {
    this(client, CallLog.NONE, candidatesPerPage, false);
  }

  /**
   * Over a partner client, which has no {@code sub}: every write is sent as whoever authorized it
   * ({@code actingAsAuthorizedUser()}); {@link #actingAs}'s user stays only where a body names one.
   */
  public static HarvestV3Adapter writingAsAuthorizedUser(HarvestV3Client client) {
    return new HarvestV3Adapter(client, CallLog.NONE, CANDIDATES_PER_PAGE, true);
  }

  private HarvestV3Adapter(
      HarvestV3Client client, CallLog log, int candidatesPerPage, boolean writesAsAuthorizedUser) {
    this.writesAsAuthorizedUser = writesAsAuthorizedUser;
    this.client = client;
    this.calls = new HarvestV3Calls(log);
    this.join = new HarvestV3ApplicationJoin(client, calls);
    this.candidatesPerPage = candidatesPerPage;
  }

  @Override
  public Stream<Page<JobRow>> jobsChangedSince(ListingStart start) {
    CommonQuery query = CommonQuery.all();
    if (start.changedSince().isPresent()) {
      query = query.updatedAt(TimeFilter.gte(start.changedSince().get()));
    }
    CommonQuery first = query;
    return pages(
        start,
        () -> client.jobs().pages(first),
        next -> client.jobs().resume(next),
        items -> items.stream().map(HarvestV3Rows::job).toList());
  }

  @Override
  public Stream<Page<CandidateWithApplications>> candidatesChangedSince(ListingStart start) {
    CandidateQuery query = CandidateQuery.all().perPage(candidatesPerPage);
    if (start.changedSince().isPresent()) {
      query = query.updatedAt(TimeFilter.gte(start.changedSince().get()));
    }
    CandidateQuery first = query;
    return pages(
        start,
        () -> client.candidates().pages(first),
        next -> client.candidates().resume(next),
        this::withApplications);
  }

  @Override
  public Stream<Page<ApplicationRow>> applicationsActiveSince(ListingStart start) {
    ApplicationQuery query = ApplicationQuery.all();
    if (start.changedSince().isPresent()) {
      query = query.lastActivityAt(TimeFilter.gte(start.changedSince().get()));
    }
    ApplicationQuery first = query;
    return pages(
        start,
        () -> client.applications().pages(first),
        next -> client.applications().resume(next),
        join::rows);
  }

  private List<CandidateWithApplications> withApplications(List<Candidate> candidates) {
    Map<Long, List<ApplicationRow>> applications =
        join.byCandidate(candidates.stream().map(Candidate::id).toList());
    return candidates.stream()
        .map(
            c ->
                new CandidateWithApplications(
                    HarvestV3Rows.candidate(c), applications.getOrDefault(c.id(), List.of())))
        .toList();
  }

  /** A listing from its first page, or from the {@code next} URL its token holds. */
  private static <T, R> Stream<Page<R>> pages(
      ListingStart start,
      Supplier<Stream<CursorPage<T>>> first,
      Function<URI, Stream<CursorPage<T>>> resume,
      Function<List<T>, List<R>> rows) {
    Stream<CursorPage<T>> raw;
    try {
      raw = start.resumeAt().isPresent() ? resumed(resume, start.resumeAt().get()) : first.get();
    } catch (HarvestException e) {
      throw HarvestV3Calls.translate(e);
    }
    return HarvestV3Calls.translated(raw, start.resumeAt().isPresent())
        .map(
            page ->
                new Page<>(
                    rows.apply(page.items()),
                    page.next().map(u -> new ResumeToken(u.toString())),
                    OptionalInt.empty()));
  }

  /** The listing from a next link; a link of another listing is refused like a bad cursor. */
  private static <T> Stream<CursorPage<T>> resumed(
      Function<URI, Stream<CursorPage<T>>> resume, ResumeToken token) {
    try {
      return resume.apply(nextUrl(token));
    } catch (IllegalArgumentException e) {
      throw new GreenhouseException.ResumeRefused(
          "GET", "", "not a next link of this Harvest v3 listing: " + e.getMessage(), e);
    }
  }

  private static URI nextUrl(ResumeToken token) {
    try {
      URI uri = URI.create(token.value());
      if (uri.isAbsolute() && uri.getRawQuery() != null && uri.getRawQuery().contains("cursor=")) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // not a URL: refused below
    }
    throw new GreenhouseException.ResumeRefused(
        "GET",
        "",
        "a Harvest v3 listing resumes at a next-page URL with a cursor, not '"
            + token.value()
            + "'",
        null);
  }

  @Override
  public List<UserRow> users() {
    return all("/v3/users", () -> client.users().list(UserQuery.all()), HarvestV3Rows::user);
  }

  @Override
  public List<ReferenceRecord.Department> departments() {
    return all(
        "/v3/departments",
        () -> client.departments().list(CommonQuery.all()),
        HarvestV3Rows::department);
  }

  @Override
  public List<ReferenceRecord.Source> sources() {
    return all(
        "/v3/sources", () -> client.sources().list(CommonQuery.all()), HarvestV3Rows::source);
  }

  /** Two calls: the pools, then every pool stage. */
  @Override
  public List<ReferenceRecord.ProspectPool> prospectPools() {
    List<ProspectPoolStage> stages =
        all(
            "/v3/prospect_pool_stages",
            () -> client.prospectPoolStages().list(ProspectPoolStageQuery.all()),
            Function.identity());
    return all(
        "/v3/prospect_pools",
        () -> client.prospectPools().list(CommonQuery.all()),
        p -> HarvestV3Rows.prospectPool(p, stages));
  }

  @Override
  public List<JobStageRow> jobStages() {
    return all(
        "/v3/job_interview_stages",
        () -> client.jobInterviewStages().list(JobPartQuery.all()),
        HarvestV3Rows::stage);
  }

  @Override
  public List<JobPostRow> jobPosts() {
    return all(
        "/v3/job_posts", () -> client.jobPosts().list(JobPartQuery.all()), HarvestV3Rows::jobPost);
  }

  @Override
  public Optional<JobRow> job(long id) {
    return get("/v3/jobs?ids=" + id, () -> client.jobs().get(id)).map(HarvestV3Rows::job);
  }

  @Override
  public Optional<CandidateWithApplications> candidate(long id) {
    return get("/v3/candidates?ids=" + id, () -> client.candidates().get(id))
        .map(c -> withApplications(List.of(c)).get(0));
  }

  @Override
  public Optional<ApplicationRow> application(long id) {
    return get("/v3/applications?ids=" + id, () -> client.applications().get(id))
        .map(a -> join.rows(List.of(a)).get(0));
  }

  /** One {@code GET /v3/users?ids=} per 50 ids. */
  @Override
  public Map<Long, UserRow> usersById(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return all("/v3/users?ids", () -> client.users().getAll(ids), HarvestV3Rows::user).stream()
        .collect(Collectors.toMap(UserRow::id, Function.identity()));
  }

  /** Three calls: the candidate, their applications, their attachments. */
  @Override
  public Person person(long id) {
    Candidate c =
        get("/v3/candidates?ids=" + id, () -> client.candidates().get(id))
            .orElseThrow(
                () ->
                    new GreenhouseException.NotFound(
                        "GET", "/v3/candidates", "Greenhouse has no candidate " + id, null));
    return person(c);
  }

  private Person person(Candidate c) {
    List<Application> applications = join.applicationsOf(List.of(c.id()));
    return HarvestV3Rows.person(
        c,
        applications,
        all(
            "/v3/attachments?candidate_ids",
            () ->
                client
                    .attachments()
                    .list(NoteOrAttachmentQuery.all().candidateIds(List.of(c.id()))),
            Function.identity()));
  }

  @Override
  public List<Person> peopleByEmail(String email) {
    List<Candidate> found =
        all(
            "/v3/candidates?email=<redacted>",
            () -> client.candidates().list(CandidateQuery.all().email(email)),
            Function.identity());
    return found.stream().map(this::person).toList();
  }

  @Override
  public List<PersonNote> notesOf(long candidateId) {
    return all(
        "/v3/notes?candidate_ids",
        () -> client.notes().list(NoteOrAttachmentQuery.all().candidateIds(List.of(candidateId))),
        HarvestV3Rows::note);
  }

  @Override
  public List<PersonEducation> educationsOf(long candidateId) {
    return all(
        "/v3/candidate_educations?candidate_ids",
        () ->
            client
                .candidateEducations()
                .list(CandidatePartQuery.all().candidateIds(List.of(candidateId))),
        HarvestV3Rows::education);
  }

  @Override
  public List<PersonEmployment> employmentsOf(long candidateId) {
    return all(
        "/v3/candidate_employments?candidate_ids",
        () ->
            client
                .candidateEmployments()
                .list(CandidatePartQuery.all().candidateIds(List.of(candidateId))),
        HarvestV3Rows::employment);
  }

  @Override
  public List<NamedId> schools() {
    return options("school");
  }

  @Override
  public List<NamedId> degrees() {
    return options("degree");
  }

  @Override
  public List<NamedId> disciplines() {
    return options("discipline");
  }

  private List<NamedId> options(String key) {
    return all(
        "/v3/custom_field_options?custom_field_key=" + key,
        () -> client.customFieldOptions().list(CustomFieldOptionQuery.all().customFieldKey(key)),
        o -> new NamedId(o.id(), o.name()));
  }

  @Override
  public List<NamedId> sourceNames() {
    return all(
        "/v3/sources",
        () -> client.sources().list(CommonQuery.all()),
        s -> new NamedId(s.id(), s.name()));
  }

  @Override
  public GreenhouseWrites actingAs(long userId) {
    return new HarvestV3Writes(
        client,
        writesAsAuthorizedUser
            ? client.actingAsAuthorizedUser()
            : client.actingAs(GreenhouseUserId.of(userId)),
        userId,
        calls,
        join);
  }

  /** A partner connection registers its own webhooks ({@link HarvestV3Webhooks}). */
  @Override
  public boolean managesWebhooks() {
    return webhookCalls().managed();
  }

  @Override
  public List<RegisteredWebhook> webhooks() {
    return webhookCalls().list();
  }

  @Override
  public RegisteredWebhook registerWebhook(WebhookDefinition webhook) {
    return webhookCalls().register(webhook);
  }

  @Override
  public RegisteredWebhook updateWebhook(long id, WebhookDefinition webhook) {
    return webhookCalls().update(id, webhook);
  }

  private HarvestV3Webhooks webhookCalls() {
    return new HarvestV3Webhooks(client, calls, writesAsAuthorizedUser);
  }

  @Override
  public Greenhouse withReadReserve(int reserve) {
    return new HarvestV3Adapter(
        client.withReadReserve(reserve), calls.log(), candidatesPerPage, writesAsAuthorizedUser);
  }

  @Override
  public Greenhouse withCallLog(CallLog log) {
    return new HarvestV3Adapter(client, log, candidatesPerPage, writesAsAuthorizedUser);
  }

  @Override
  public RateBudget rateBudget() {
    RateLimitStatus status = client.rateLimit();
    return new RateBudget(status.limit(), status.remaining());
  }

  @Override
  public String toString() {
    return "HarvestV3Adapter[" + client + "]";
  }

  private <T> Optional<T> get(String path, Supplier<Optional<T>> call) {
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
}
