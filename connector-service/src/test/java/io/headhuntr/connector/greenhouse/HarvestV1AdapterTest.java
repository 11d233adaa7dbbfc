package io.headhuntr.connector.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headhuntr.connector.mirror.JobRow;
import io.headhuntr.harvest.HarvestApiKey;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.NewCandidate;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the Harvest v1 adapter answers in the port's terms, against the sandbox. */
class HarvestV1AdapterTest {
  private static GreenhouseSandbox sandbox;
  private static Greenhouse greenhouse;

  private static final String KEY = "adapter-test-key";

  @BeforeAll
  static void start() {
    // its own sandbox: the write tests add people, the listing tests count them
    sandbox =
        GreenhouseSandbox.builder()
            .apiKey(KEY)
            .seed(SandboxSeed.DEMO)
            .candidates(20)
            .rateLimit(0)
            .start();
    greenhouse = new HarvestV1Adapter(client(KEY));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static HarvestClient client(String key) {
    return HarvestClient.builder()
        .apiKey(HarvestApiKey.of(key))
        .baseUrl(sandbox.baseUrl())
        .requestTimeout(Duration.ofSeconds(20))
        .build();
  }

  private static <T> List<Page<T>> all(Stream<Page<T>> pages) {
    try (pages) {
      return pages.toList();
    }
  }

  @Test
  void a_page_resumes_at_the_next_page_number_and_a_listing_continues_from_it() {
    List<Page<CandidateWithApplications>> pages =
        all(greenhouse.candidatesChangedSince(ListingStart.everything()));

    assertThat(pages).hasSize(1);
    assertThat(pages.get(0).items()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(pages.get(0).next()).contains(new ResumeToken("2"));
    List<Page<CandidateWithApplications>> after =
        all(
            greenhouse.candidatesChangedSince(
                new ListingStart(Optional.empty(), pages.get(0).next(), false)));
    assertThat(after.stream().flatMap(p -> p.items().stream())).isEmpty();
  }

  @Test
  void refuses_a_resume_token_that_is_not_one_of_its_page_numbers() {
    ListingStart foreign =
        new ListingStart(
            Optional.empty(),
            Optional.of(new ResumeToken("https://harvest.greenhouse.io/v3/jobs?cursor=abc")),
            false);

    assertThatThrownBy(() -> all(greenhouse.jobsChangedSince(foreign)))
        .isInstanceOf(GreenhouseException.ResumeRefused.class)
        .hasMessageContaining("page number");
  }

  @Test
  void counts_the_pages_of_a_listing_only_when_asked() {
    ListingStart counted = new ListingStart(Optional.empty(), Optional.empty(), true);

    assertThat(all(greenhouse.jobsChangedSince(counted)).get(0).pagesInListing()).hasValue(1);
    assertThat(all(greenhouse.jobsChangedSince(ListingStart.everything())).get(0).pagesInListing())
        .isEmpty();
  }

  @Test
  void lists_candidates_with_their_applications_as_the_mirror_keeps_them() {
    CandidateWithApplications listed =
        all(greenhouse.candidatesChangedSince(ListingStart.everything())).get(0).items().stream()
            .filter(c -> !c.applications().isEmpty())
            .findFirst()
            .orElseThrow();

    assertThat(listed.applications())
        .allSatisfy(a -> assertThat(a.candidateId()).isEqualTo(listed.candidate().id()));
    CandidateWithApplications read = greenhouse.candidate(listed.candidate().id()).orElseThrow();
    assertThat(read.candidate().id()).isEqualTo(listed.candidate().id());
    assertThat(read.applications()).hasSameSizeAs(listed.applications());
    long applicationId = listed.applications().get(0).id();
    assertThat(greenhouse.application(applicationId).orElseThrow().candidateId())
        .isEqualTo(listed.candidate().id());
  }

  @Test
  void answers_empty_for_a_record_greenhouse_does_not_have() {
    assertThat(greenhouse.job(987_654_321L)).isEmpty();
    assertThat(greenhouse.candidate(987_654_321L)).isEmpty();
    assertThat(greenhouse.application(987_654_321L)).isEmpty();
    assertThatThrownBy(() -> greenhouse.person(987_654_321L))
        .isInstanceOfSatisfying(
            GreenhouseException.NotFound.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void reads_one_job_as_the_listing_does() {
    JobRow listed =
        all(greenhouse.jobsChangedSince(ListingStart.everything())).get(0).items().get(0);

    assertThat(greenhouse.job(listed.id())).contains(listed);
  }

  @Test
  void finds_users_by_id_and_leaves_unknown_ids_out() {
    long known = greenhouse.users().get(0).id();

    assertThat(greenhouse.usersById(List.of(known, 987_654_321L))).containsOnlyKeys(known);
  }

  @Test
  void a_refused_key_is_a_refused_error_that_says_unauthorized_even_inside_a_listing() {
    Greenhouse wrongKey = new HarvestV1Adapter(client("not-a-key"));

    assertThatThrownBy(wrongKey::users)
        .isInstanceOfSatisfying(
            GreenhouseException.Refused.class, e -> assertThat(e.unauthorized()).isTrue());
    assertThatThrownBy(() -> all(wrongKey.jobsChangedSince(ListingStart.everything())))
        .isInstanceOfSatisfying(
            GreenhouseException.Refused.class, e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void tells_the_call_log_each_call_once_without_the_email_it_looked_for() {
    List<String> calls = new ArrayList<>();
    Greenhouse logged =
        greenhouse.withCallLog(
            (method, path, status, took) -> calls.add(method + " " + path + " " + status));

    logged.peopleByEmail("nobody@example.com");
    assertThatThrownBy(() -> logged.person(987_654_321L))
        .isInstanceOf(GreenhouseException.NotFound.class);
    logged.schools();

    assertThat(calls)
        .containsExactly(
            "GET /v1/candidates?email=<redacted> 200",
            "GET /v1/candidates/987654321 404",
            "GET /v1/schools 200");
    assertThat(String.join(" ", calls)).doesNotContain("nobody@example.com");
  }

  @Test
  void writes_a_new_person_as_one_v1_candidate_body_leaving_empty_lists_out() {
    NewPerson person =
        new NewPerson(
            "Ada",
            "Lovelace",
            Optional.of("Engines"),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(new Contact("ada@example.com", Optional.of("personal"))),
            List.of(),
            List.of(),
            List.of(
                new EducationEntry(
                    Optional.of(1L),
                    Optional.of(2L),
                    Optional.of(3L),
                    Optional.of(Instant.parse("2019-01-01T00:00:00Z")),
                    Optional.empty())),
            List.of(),
            List.of(),
            List.of(new NoteEntry(7L, "hello", "public")));
    JobApplication application =
        new JobApplication(
            42L,
            Optional.of(5L),
            new Referral.UserEmail("rita@example.com"),
            Optional.empty(),
            List.of(FileEntry.ofContent("cv.pdf", "resume", "QUJD", "application/pdf")));

    NewCandidate body = HarvestV1Bodies.candidate(person, application);

    assertThat(body.company()).isEqualTo("Engines");
    assertThat(body.title()).isNull();
    assertThat(body.phoneNumbers()).isNull();
    assertThat(body.employments()).isNull();
    assertThat(body.emailAddresses().get(0).type()).isEqualTo("personal");
    assertThat(body.educations().get(0).schoolId()).isEqualTo(1L);
    assertThat(body.educations().get(0).degreeId()).isEqualTo(2L);
    assertThat(body.educations().get(0).disciplineId()).isEqualTo(3L);
    assertThat(body.activityFeedNotes().get(0).userId()).isEqualTo(7L);
    assertThat(body.applications())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.jobId()).isEqualTo(42L);
              assertThat(a.sourceId()).isEqualTo(5L);
              assertThat(a.referrer().type()).isEqualTo("email");
              assertThat(a.attachments().get(0).content()).isEqualTo("QUJD");
            });
  }

  @Test
  void a_file_to_attach_never_prints_its_content() {
    FileEntry file =
        FileEntry.ofContent("cv.pdf", "resume", "U0VDUkVUQ09OVEVOVA==", "application/pdf");

    assertThat(file.toString()).contains("cv.pdf").doesNotContain("U0VDUkVUQ09OVEVOVA==");
  }

  @Test
  void creates_a_candidate_and_a_prospect_and_finds_them_by_email() {
    long actor =
        greenhouse.users().stream()
            .filter(u -> !Boolean.TRUE.equals(u.disabled()))
            .findFirst()
            .orElseThrow()
            .id();
    long job =
        all(greenhouse.jobsChangedSince(ListingStart.everything())).get(0).items().get(0).id();
    GreenhouseWrites writes = greenhouse.actingAs(actor);

    Person candidate =
        writes.createCandidate(
            person("cand@adapter.example"),
            new JobApplication(
                job, Optional.empty(), new Referral.User(actor), Optional.empty(), List.of()));
    CreatedProspect prospect =
        writes.createProspect(
            person("prospect@adapter.example"),
            new ProspectApplication(
                List.of(),
                Optional.empty(),
                new Referral.Outside("a friend"),
                Optional.empty(),
                Optional.empty(),
                Optional.of(actor),
                List.of()));

    assertThat(candidate.complete()).isTrue();
    assertThat(candidate.applications())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.onJob(job)).isTrue();
              assertThat(a.prospect()).isFalse();
            });
    assertThat(prospect.ownerNotSet()).hasValueSatisfying(why -> assertThat(why).contains("owner"));
    assertThat(greenhouse.peopleByEmail("prospect@adapter.example"))
        .singleElement()
        .satisfies(p -> assertThat(p.id()).isEqualTo(prospect.person().id()));
    writes.addNote(candidate.id(), new NoteEntry(actor, "read me back", "public"));
    assertThat(greenhouse.notesOf(candidate.id()))
        .anySatisfy(
            n -> {
              assertThat(n.body()).isEqualTo("read me back");
              assertThat(n.authorId()).contains(actor);
            });
  }

  private static NewPerson person(String email) {
    return new NewPerson(
        "Pat",
        "Quinn",
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
}
