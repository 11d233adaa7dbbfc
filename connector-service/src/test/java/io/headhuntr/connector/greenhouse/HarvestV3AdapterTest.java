package io.headhuntr.connector.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.MirrorJson;
import io.headhuntr.connector.mirror.UserRow;
import io.headhuntr.harvest.HarvestApiKey;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.v3.ClientSecret;
import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.TokenSource;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import io.headhuntr.sandbox.oauth.ClientCredentials;
import io.headhuntr.sandbox.oauth.ClientKind;
import io.headhuntr.sandbox.oauth.Scopes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the Harvest v3 adapter answers in the port's terms, against the sandbox, which serves v1 and
 * v3 over one account: its rows are compared with the v1 adapter's for the same records.
 */
class HarvestV3AdapterTest {
  private static final String KEY = "v3-adapter-test-key";

  /**
   * Row fields v3 cannot fill as v1 does: what v3 keeps in other resources (null here), ids where
   * v1 nests named objects ({"id"} here), and hired_at (v1 rows leave it null, v3 has it).
   */
  private static final Set<String> CANDIDATE_FIELDS_V3_CANNOT_MATCH =
      Set.of("recruiter", "coordinator", "educations", "employments", "attachments");

  private static final Set<String> APPLICATION_FIELDS_V3_CANNOT_MATCH =
      Set.of(
          "rejection_reason",
          "rejection_details",
          "prospect_pool",
          "prospect_stage",
          "prospect_owner",
          "source",
          "credited_to",
          "hired_at");

  private static GreenhouseSandbox sandbox;
  private static ClientCredentials custom;
  private static Greenhouse v1;
  private static HarvestV3Adapter v3;
  private static long recruiter;

  @BeforeAll
  static void start() {
    // its own sandbox: the write tests add people, the listing tests count them
    sandbox =
        GreenhouseSandbox.builder()
            .apiKey(KEY)
            .seed(SandboxSeed.DEMO)
            .candidates(12)
            .rateLimit(0)
            .v3RateLimit(0)
            .start();
    custom = sandbox.demoCustomClient();
    v1 =
        new HarvestV1Adapter(
            HarvestClient.builder()
                .apiKey(HarvestApiKey.of(KEY))
                .baseUrl(sandbox.baseUrl())
                .requestTimeout(Duration.ofSeconds(20))
                .build());
    v3 = new HarvestV3Adapter(client(custom), 5);
    recruiter =
        v3.users().stream()
            .filter(u -> !Boolean.TRUE.equals(u.disabled()) && u.email() != null)
            .findFirst()
            .orElseThrow()
            .id();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static HarvestV3Client client(ClientCredentials credentials) {
    return HarvestV3Client.builder()
        .tokenSource(
            TokenSource.clientCredentials(
                credentials.clientId(), ClientSecret.of(credentials.secret().value())))
        .harvestUrl(sandbox.baseUrl())
        .authUrl(sandbox.baseUrl())
        .requestTimeout(Duration.ofSeconds(20))
        .build();
  }

  private static <T> List<Page<T>> all(Stream<Page<T>> pages) {
    try (pages) {
      return pages.toList();
    }
  }

  private static List<CandidateWithApplications> everyone(Greenhouse greenhouse) {
    return all(greenhouse.candidatesChangedSince(ListingStart.everything())).stream()
        .flatMap(p -> p.items().stream())
        .toList();
  }

  @Test
  void a_listing_interrupted_after_its_first_page_resumes_from_the_stored_next_url() {
    Page<CandidateWithApplications> first;
    try (Stream<Page<CandidateWithApplications>> pages =
        v3.candidatesChangedSince(ListingStart.everything())) {
      first = pages.findFirst().orElseThrow(); // the sync "crashes" here
    }
    assertThat(first.items()).hasSize(5);
    assertThat(first.next()).isPresent();
    assertThat(first.next().get().value()).contains("/v3/candidates?cursor=");
    assertThat(first.pagesInListing()).as("v3 does not count pages").isEmpty();

    List<Long> rest =
        all(v3.candidatesChangedSince(new ListingStart(Optional.empty(), first.next(), false)))
            .stream()
            .flatMap(p -> p.items().stream())
            .map(c -> c.candidate().id())
            .toList();

    List<Long> seen = new ArrayList<>(first.items().stream().map(c -> c.candidate().id()).toList());
    seen.addAll(rest);
    assertThat(seen).doesNotHaveDuplicates();
    assertThat(new HashSet<>(seen))
        .isEqualTo(everyone(v1).stream().map(c -> c.candidate().id()).collect(Collectors.toSet()));
  }

  @Test
  void a_cursor_greenhouse_refuses_makes_the_sync_restart_from_its_watermark() {
    ResumeToken refused =
        new ResumeToken(sandbox.baseUrl() + "/v3/candidates?cursor=not-a-cursor-of-ours");

    assertThatThrownBy(
            () ->
                all(
                    v3.candidatesChangedSince(
                        new ListingStart(Optional.empty(), Optional.of(refused), false))))
        .isInstanceOfSatisfying(
            GreenhouseException.ResumeRefused.class,
            e -> assertThat(e.getMessage()).contains("cursor"));
  }

  @Test
  void refuses_a_resume_token_that_is_not_a_next_page_url() {
    ListingStart pageNumber =
        new ListingStart(Optional.empty(), Optional.of(new ResumeToken("2")), false);

    assertThatThrownBy(() -> all(v3.jobsChangedSince(pageNumber)))
        .isInstanceOf(GreenhouseException.ResumeRefused.class)
        .hasMessageContaining("next-page URL");
  }

  @Test
  void a_next_url_of_another_listing_is_refused_like_a_bad_cursor() {
    Optional<ResumeToken> candidatesNext;
    try (Stream<Page<CandidateWithApplications>> pages =
        v3.candidatesChangedSince(ListingStart.everything())) {
      candidatesNext = pages.findFirst().orElseThrow().next();
    }

    assertThatThrownBy(
            () ->
                all(
                    v3.applicationsActiveSince(
                        new ListingStart(Optional.empty(), candidatesNext, false))))
        .isInstanceOfSatisfying(
            GreenhouseException.ResumeRefused.class,
            e -> assertThat(e.getMessage()).contains("not a next link of this Harvest v3 listing"));
  }

  @Test
  void a_page_of_candidates_costs_one_call_for_them_and_one_per_join_step() {
    List<String> logged = new ArrayList<>();
    Greenhouse counted = v3.withCallLog((method, path, status, took) -> logged.add(path));
    long before = sandbox.requestCount(custom.clientId());

    Page<CandidateWithApplications> first;
    try (Stream<Page<CandidateWithApplications>> pages =
        counted.candidatesChangedSince(ListingStart.everything())) {
      first = pages.findFirst().orElseThrow();
    }

    assertThat(first.items().stream().flatMap(c -> c.applications().stream()))
        .as("the page has an application in a stage, so every join step runs")
        .anySatisfy(a -> assertThat(a.currentStageName()).isNotBlank());
    assertThat(logged)
        .containsExactly(
            "/v3/applications?candidate_ids",
            "/v3/application_stages?application_ids",
            "/v3/job_interview_stages?ids");
    assertThat(sandbox.requestCount(custom.clientId()) - before)
        .as("the candidates, their applications, the stages, the stage names")
        .isEqualTo(4);
  }

  @Test
  void candidates_and_their_applications_with_current_stage_equal_the_v1_rows() {
    Map<Long, CandidateWithApplications> byV1 =
        everyone(v1).stream()
            .collect(Collectors.toMap(c -> c.candidate().id(), Function.identity()));
    List<CandidateWithApplications> byV3 = everyone(v3);

    assertThat(byV3).hasSameSizeAs(byV1.values());
    assertThat(byV3.stream().flatMap(c -> c.applications().stream()))
        .as("some applications have a current stage to compare")
        .anySatisfy(a -> assertThat(a.currentStageId()).isNotNull());
    for (CandidateWithApplications mine : byV3) {
      CandidateWithApplications theirs = byV1.get(mine.candidate().id());
      assertThat(comparable(mine.candidate(), CANDIDATE_FIELDS_V3_CANNOT_MATCH))
          .as("candidate %s", mine.candidate().id())
          .isEqualTo(comparable(theirs.candidate(), CANDIDATE_FIELDS_V3_CANNOT_MATCH));
      Map<Long, ApplicationRow> theirApps =
          theirs.applications().stream().collect(Collectors.toMap(ApplicationRow::id, a -> a));
      assertThat(mine.applications()).hasSameSizeAs(theirs.applications());
      for (ApplicationRow app : mine.applications()) {
        assertThat(comparable(app, APPLICATION_FIELDS_V3_CANNOT_MATCH))
            .as("application %s", app.id())
            .isEqualTo(comparable(theirApps.get(app.id()), APPLICATION_FIELDS_V3_CANNOT_MATCH));
      }
    }
  }

  @Test
  void reads_one_candidate_and_one_application_as_the_listing_does() {
    CandidateWithApplications listed =
        everyone(v3).stream().filter(c -> !c.applications().isEmpty()).findFirst().orElseThrow();

    assertThat(v3.candidate(listed.candidate().id())).contains(listed);
    ApplicationRow app = listed.applications().get(0);
    assertThat(v3.application(app.id())).contains(app);
    assertThat(v3.candidate(987_654_321L)).isEmpty();
    assertThatThrownBy(() -> v3.person(987_654_321L))
        .isInstanceOf(GreenhouseException.NotFound.class);
  }

  @Test
  void finds_users_by_id_as_v1_does_and_leaves_unknown_ids_out() {
    Map<Long, UserRow> found = v3.usersById(List.of(recruiter, 987_654_321L));

    assertThat(found).containsOnlyKeys(recruiter);
    assertThat(found.get(recruiter)).isEqualTo(v1.usersById(List.of(recruiter)).get(recruiter));
  }

  @Test
  void creates_a_candidate_with_its_application_in_one_call() {
    long job = openJob();
    long before = sandbox.requestCount(custom.clientId());

    Person made =
        v3.actingAs(recruiter)
            .createCandidate(
                person("Grace", "grace.v3@example.com"),
                new JobApplication(
                    job,
                    Optional.empty(),
                    new Referral.User(recruiter),
                    Optional.empty(),
                    List.of()));

    assertThat(sandbox.requestCount(custom.clientId()) - before).isEqualTo(1);
    assertThat(made.applications())
        .singleElement()
        .satisfies(a -> assertThat(a.jobIds()).containsExactly(job));
    assertThat(v1.person(made.id()).applications())
        .singleElement()
        .satisfies(a -> assertThat(a.status()).isEqualTo("active"));
  }

  @Test
  void writes_a_new_persons_employment_and_notes_as_their_own_calls_and_types_a_bare_email() {
    NewPerson withParts =
        new NewPerson(
            "Barbara",
            "Tester",
            Optional.empty(),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(new Contact("barbara.v3@example.com", Optional.empty())),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new EmploymentEntry(
                    "Initech",
                    "Engineer",
                    Optional.of(Instant.parse("2020-01-01T00:00:00Z")),
                    Optional.empty())),
            List.of(),
            List.of(new NoteEntry(recruiter, "Met at a meetup", "private")));
    long before = sandbox.requestCount(custom.clientId());

    Person made = v3.actingAs(recruiter).createCandidate(withParts, onJob(openJob()));

    assertThat(sandbox.requestCount(custom.clientId()) - before)
        .as("the open job, the candidate with its application, the employment, the note")
        .isEqualTo(4);
    assertThat(v1.candidate(made.id()).orElseThrow().candidate().employments().toString())
        .contains("Initech");
    assertThat(v3.notesOf(made.id())).extracting(PersonNote::body).contains("Met at a meetup");
    assertThat(
            v1.candidate(made.id())
                .orElseThrow()
                .candidate()
                .emailAddresses()
                .get(0)
                .get("type")
                .asText())
        .as("v3 requires a type; the push gave none")
        .isEqualTo("other");
  }

  @Test
  void creates_a_prospect_with_its_owner_and_puts_it_into_its_pool_afterwards() {
    ReferenceRecord.ProspectPool pool = v3.prospectPools().get(0);
    GreenhouseWrites writes = v3.actingAs(recruiter);

    CreatedProspect made =
        writes.createProspect(
            person("Ada", "ada.v3@example.com"),
            new ProspectApplication(
                List.of(),
                Optional.empty(),
                new Referral.Outside("a friend"),
                Optional.of(pool.id()),
                Optional.empty(),
                Optional.of(recruiter),
                List.of()));

    assertThat(made.ownerNotSet()).isEmpty();
    long application = made.person().applicationIds().get(0);
    ApplicationRow created = v3.application(application).orElseThrow();
    assertThat(created.prospect()).isTrue();
    assertThat(created.prospectOwner().get("id").asLong()).isEqualTo(recruiter);
    // the pool is set afterwards, as over v1, so a refused pool leaves a prospect, not a failure
    assertThat(created.prospectPool()).isNull();

    writes.setProspectPool(application, pool.id(), Optional.empty());

    ApplicationRow row = v3.application(application).orElseThrow();
    assertThat(row.prospectPool().get("id").asLong()).isEqualTo(pool.id());
    assertThat(row.prospectOwner().get("id").asLong()).isEqualTo(recruiter);
  }

  @Test
  void a_note_is_authored_by_the_acting_user() {
    long candidate = everyone(v3).get(0).candidate().id();

    v3.actingAs(recruiter)
        .addNote(candidate, new NoteEntry(recruiter, "Spoke on the phone", "public"));

    assertThat(v3.notesOf(candidate))
        .anySatisfy(
            n -> {
              assertThat(n.body()).isEqualTo("Spoke on the phone");
              assertThat(n.authorId()).contains(recruiter);
            });
  }

  @Test
  void an_attachment_without_an_application_id_goes_onto_the_newest_application() {
    CandidateWithApplications someone =
        everyone(v3).stream().filter(c -> !c.applications().isEmpty()).findFirst().orElseThrow();
    long id = someone.candidate().id();

    v3.actingAs(recruiter)
        .addAttachment(
            id, 0, FileEntry.ofContent("cv-v3.pdf", "resume", "JVBERi0xLjQK", "application/pdf"));

    assertThat(v3.person(id).files())
        .anySatisfy(f -> assertThat(f.filename()).isEqualTo("cv-v3.pdf"));
    assertThat(v1.person(id).files())
        .as("the same account seen through v1")
        .anySatisfy(f -> assertThat(f.filename()).isEqualTo("cv-v3.pdf"));
  }

  @Test
  void finds_people_by_any_of_their_email_addresses_ignoring_case() {
    Person made =
        v3.actingAs(recruiter)
            .createCandidate(
                person("Lin", "lin.v3@example.com"),
                new JobApplication(
                    openJob(),
                    Optional.empty(),
                    new Referral.User(recruiter),
                    Optional.empty(),
                    List.of()));

    assertThat(v3.peopleByEmail("LIN.V3@example.com"))
        .extracting(Person::id)
        .containsExactly(made.id());
    assertThat(v3.peopleByEmail("nobody.v3@example.com")).isEmpty();
  }

  @Test
  void a_credential_without_a_scope_is_refused_naming_the_scope() {
    sandbox.addOAuthClient(
        "v3-reader",
        "v3-reader-secret-0001",
        ClientKind.CUSTOM,
        Set.of(Scopes.CANDIDATES_LIST, Scopes.USERS_LIST, Scopes.JOBS_LIST),
        null);
    Greenhouse reader =
        new HarvestV3Adapter(client(new ClientCredentials("v3-reader", "v3-reader-secret-0001")));

    assertThatThrownBy(
            () ->
                reader
                    .actingAs(recruiter)
                    .createCandidate(
                        person("No", "no.v3@example.com"),
                        new JobApplication(
                            openJob(),
                            Optional.empty(),
                            new Referral.User(recruiter),
                            Optional.empty(),
                            List.of())))
        .isInstanceOfSatisfying(
            GreenhouseException.Refused.class,
            e -> {
              assertThat(e.unauthorized()).isFalse();
              assertThat(e.getMessage()).contains("harvest:candidates:create");
            });
  }

  private static JobApplication onJob(long job) {
    return new JobApplication(
        job, Optional.empty(), new Referral.User(recruiter), Optional.empty(), List.of());
  }

  private static long openJob() {
    return all(v3.jobsChangedSince(ListingStart.everything())).stream()
        .flatMap(p -> p.items().stream())
        .filter(j -> "open".equals(j.status()))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private static NewPerson person(String first, String email) {
    return new NewPerson(
        first,
        "Tester",
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(new Contact(email, Optional.of("personal"))),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /** A row as JSON (snake_case), without the fields named. */
  private static ObjectNode comparable(Object row, Set<String> leftOut) {
    ObjectNode json = MirrorJson.MAPPER.valueToTree(row);
    json.remove(leftOut);
    return json;
  }
}
