package io.headhuntr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headhuntr.harvest.Application;
import io.headhuntr.harvest.ApplicationFilter;
import io.headhuntr.harvest.ApplicationPatch;
import io.headhuntr.harvest.Attachment;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.CandidateFilter;
import io.headhuntr.harvest.CandidatePatch;
import io.headhuntr.harvest.ContactDetail;
import io.headhuntr.harvest.Education;
import io.headhuntr.harvest.Employment;
import io.headhuntr.harvest.GreenhouseUserId;
import io.headhuntr.harvest.HarvestApiKey;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.HarvestForbiddenException;
import io.headhuntr.harvest.HarvestNotFoundException;
import io.headhuntr.harvest.HarvestUnauthorizedException;
import io.headhuntr.harvest.HarvestValidationException;
import io.headhuntr.harvest.Job;
import io.headhuntr.harvest.JobFilter;
import io.headhuntr.harvest.JobPostFilter;
import io.headhuntr.harvest.JobStage;
import io.headhuntr.harvest.JobStageFilter;
import io.headhuntr.harvest.NewApplication;
import io.headhuntr.harvest.NewAttachment;
import io.headhuntr.harvest.NewCandidate;
import io.headhuntr.harvest.NewEducation;
import io.headhuntr.harvest.NewEmployment;
import io.headhuntr.harvest.NewNote;
import io.headhuntr.harvest.NewProspect;
import io.headhuntr.harvest.Note;
import io.headhuntr.harvest.PageOptions;
import io.headhuntr.harvest.ProspectPool;
import io.headhuntr.harvest.Referrer;
import io.headhuntr.harvest.User;
import io.headhuntr.harvest.UserFilter;
import io.headhuntr.harvest.UserSelector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole harvest-client against the sandbox: every read, paging through thousands of records,
 * every write on behalf of a user, and the refusals (422, 404, 401, 403) as typed exceptions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HarvestClientAgainstSandboxTest {
  private static final int PEOPLE = 2_500;

  private GreenhouseSandbox sandbox;
  private HarvestClient harvest;
  private SandboxHttp raw;
  private User admin;

  @BeforeAll
  void start() {
    sandbox = GreenhouseSandbox.builder().apiKey("KEY").candidates(PEOPLE).rateLimit(0).start();
    harvest = client("KEY");
    raw = new SandboxHttp(sandbox.baseUrl(), "KEY", null);
    admin =
        harvest.users().list(UserFilter.all()).filter(User::siteAdmin).findFirst().orElseThrow();
  }

  private HarvestClient client(String key) {
    return HarvestClient.builder()
        .apiKey(HarvestApiKey.of(key))
        .baseUrl(sandbox.baseUrl())
        .requestTimeout(Duration.ofSeconds(20))
        .build();
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  private HarvestClient.Acting asAdmin() {
    return harvest.onBehalfOf(GreenhouseUserId.of(admin.id()));
  }

  private long rawCount(String path) {
    return raw.get(path).json().size();
  }

  @Test
  void pages_through_every_candidate_and_application_following_link_headers() {
    List<Candidate> all =
        harvest
            .candidates()
            .list(CandidateFilter.all(), PageOptions.defaults().withPerPage(100))
            .toList();
    Set<Long> ids = new HashSet<>();
    all.forEach(c -> ids.add(c.id()));

    assertThat(ids).hasSizeGreaterThanOrEqualTo(PEOPLE);
    assertThat(ids).hasSize(all.size());
    assertThat(ids).allMatch(id -> id > (1L << 31));
    long applications =
        harvest
            .applications()
            .list(ApplicationFilter.all(), PageOptions.defaults().withSkipCount(false))
            .count();
    assertThat(applications).isGreaterThan(PEOPLE);
  }

  @Test
  void reads_users_departments_jobs_posts_stages_sources_pools_and_lookups() {
    List<User> users = harvest.users().list(UserFilter.all()).toList();
    assertThat(users).hasSize((int) rawCount("/v1/users?per_page=500"));
    assertThat(users).anyMatch(User::disabled);
    User someone = users.get(5);
    assertThat(
            harvest
                .users()
                .list(UserFilter.byEmail(someone.primaryEmailAddress().toUpperCase()))
                .toList())
        .extracting(User::id)
        .containsExactly(someone.id());
    assertThat(harvest.users().get(someone.id()).name()).isEqualTo(someone.name());

    assertThat(harvest.departments().list().count()).isEqualTo(8);
    long department = harvest.departments().list().toList().get(1).id();
    assertThat(harvest.departments().get(department).id()).isEqualTo(department);
    assertThat(harvest.departments().listTrees().count())
        .isEqualTo(rawCount("/v1/departments?render_as=tree"));

    List<Job> jobs = harvest.jobs().list(JobFilter.all()).toList();
    assertThat(jobs).hasSize(30);
    assertThat(harvest.jobs().list(JobFilter.all().withStatus("open")).toList())
        .allMatch(j -> j.status().equals("open"))
        .hasSizeLessThan(30);
    Job job = jobs.get(0);
    assertThat(harvest.jobs().get(job.id()).name()).isEqualTo(job.name());

    assertThat(harvest.jobPosts().list(JobPostFilter.all()).count()).isEqualTo(31);
    assertThat(harvest.jobPosts().list(JobPostFilter.all().withLive(true)).toList())
        .isNotEmpty()
        .allMatch(p -> p.live());
    assertThat(harvest.jobPosts().list(JobPostFilter.all().withActive(false)).count())
        .as("active=false lists deleted posts only")
        .isZero();
    assertThat(
            harvest
                .users()
                .list(UserFilter.updatedAfter(Instant.parse("2030-01-01T00:00:00Z")))
                .count())
        .isZero();
    var post = harvest.jobPosts().getForJob(job.id());
    assertThat(harvest.jobPosts().get(post.id()).title()).isEqualTo(post.title());
    assertThat(harvest.jobPosts().listForJob(job.id()).toList())
        .extracting(p -> p.id())
        .contains(post.id());

    List<JobStage> stages = harvest.jobStages().listForJob(job.id()).toList();
    assertThat(stages)
        .extracting(JobStage::name)
        .startsWith("Application Review", "Recruiter Phone Screen");
    assertThat(harvest.jobStages().get(stages.get(2).id()).jobId()).isEqualTo(job.id());
    assertThat(harvest.jobStages().list(JobStageFilter.all()).count()).isEqualTo(30 * 6);

    assertThat(harvest.sources().list().toList()).anyMatch(s -> s.name().equals("Headhuntr.io"));
    List<ProspectPool> pools = harvest.prospectPools().list().toList();
    assertThat(pools).hasSize(3);
    assertThat(harvest.prospectPools().get(pools.get(0).id()).prospectStages()).isNotEmpty();
    assertThat(harvest.degrees().list().count()).isPositive();
    assertThat(harvest.disciplines().list().count()).isPositive();
    assertThat(harvest.schools().list().count()).isPositive();
  }

  @Test
  void filters_candidates_by_email_job_ids_and_time_and_applications_by_status() {
    Candidate someone =
        harvest.candidates().list(CandidateFilter.all()).skip(17).findFirst().orElseThrow();
    String email = someone.emailAddresses().get(0).value();
    assertThat(
            harvest
                .candidates()
                .list(CandidateFilter.builder().email(email.toUpperCase()).build())
                .toList())
        .extracting(Candidate::id)
        .containsExactly(someone.id());

    List<Long> sixty =
        harvest.candidates().list(CandidateFilter.all()).limit(60).map(Candidate::id).toList();
    assertThat(
            harvest
                .candidates()
                .list(CandidateFilter.builder().candidateIds(sixty.subList(0, 50)).build())
                .count())
        .isEqualTo(50);
    // The client refuses more than 50 ids; the sandbox itself answers at most 50 of them.
    String csv = String.join(",", sixty.stream().map(String::valueOf).toList());
    assertThat(raw.get("/v1/candidates?per_page=500&candidate_ids=" + csv).json().size())
        .isEqualTo(50);

    long jobId = harvest.jobs().list(JobFilter.all()).findFirst().orElseThrow().id();
    List<Candidate> onJob =
        harvest.candidates().list(CandidateFilter.builder().jobId(jobId).build()).toList();
    assertThat(onJob).isNotEmpty();
    assertThat(onJob)
        .allMatch(
            c ->
                c.applications().stream()
                    .anyMatch(
                        a -> !a.prospect() && a.jobs().stream().anyMatch(j -> j.id() == jobId)));

    Instant cut = Instant.parse("2025-07-01T00:00:00Z");
    assertThat(
            harvest.candidates().list(CandidateFilter.builder().updatedAfter(cut).build()).toList())
        .isNotEmpty()
        .allMatch(c -> !c.updatedAt().isBefore(cut));

    assertThat(
            harvest
                .applications()
                .list(ApplicationFilter.builder().status("rejected").build())
                .toList())
        .isNotEmpty()
        .allMatch(a -> a.status().equals("rejected") && a.rejectionReason() != null);
    assertThat(
            harvest
                .applications()
                .list(ApplicationFilter.builder().lastActivityAfter(cut).build())
                .toList())
        .allMatch(a -> !a.lastActivityAt().isBefore(cut));
  }

  @Test
  void writes_on_behalf_of_a_user_and_reads_them_back() {
    HarvestClient.Acting asAdmin = asAdmin();
    Job job = harvest.jobs().list(JobFilter.all().withStatus("open")).findFirst().orElseThrow();
    long source =
        harvest
            .sources()
            .list()
            .filter(s -> s.name().equals("Headhuntr.io"))
            .findFirst()
            .orElseThrow()
            .id();
    NewAttachment resume =
        NewAttachment.ofBytes(
            "resume.pdf",
            "resume",
            "%PDF-1.4 cv".getBytes(StandardCharsets.UTF_8),
            "application/pdf");
    NewCandidate alice =
        new NewCandidate(
            "Alice",
            "Árvíztűrő",
            "Initech",
            "Engineer",
            false,
            null,
            null,
            List.of(ContactDetail.of("alice@headhuntr-test.example", "personal")),
            null,
            null,
            null,
            null,
            List.of("Sourced"),
            null,
            UserSelector.id(admin.id()),
            null,
            List.of(new NewNote(admin.id(), "Found on Headhuntr.io", "public")),
            List.of(
                NewApplication.forJob(job.id())
                    .withSource(source)
                    .withReferrer(Referrer.user(admin.id()))
                    .withAttachments(List.of(resume))));

    Candidate created = asAdmin.candidates().create(alice);
    assertThat(created.id()).isGreaterThan(1L << 31);
    Candidate read = harvest.candidates().get(created.id());
    assertThat(read.lastName()).isEqualTo("Árvíztűrő");
    assertThat(read.applications())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.jobs()).extracting(j -> j.id()).containsExactly(job.id());
              assertThat(a.source().id()).isEqualTo(source);
              assertThat(a.creditedTo().id()).isEqualTo(admin.id());
              assertThat(a.attachments())
                  .extracting(Attachment::filename)
                  .containsExactly("resume.pdf");
            });

    Candidate updated =
        asAdmin
            .candidates()
            .update(
                created.id(),
                CandidatePatch.empty().withCompanyAndTitle("Globex", "Staff Engineer"));
    assertThat(updated.company()).isEqualTo("Globex");
    assertThat(updated.updatedAt()).isAfterOrEqualTo(read.updatedAt());

    Note note =
        asAdmin
            .candidates()
            .addNote(created.id(), new NewNote(admin.id(), "Called her", "private"));
    assertThat(note.user().id()).isEqualTo(admin.id());
    assertThat(harvest.candidates().activityFeed(created.id()).notes())
        .extracting(n -> n.body())
        .contains("Called her");

    Attachment cover =
        asAdmin
            .candidates()
            .addAttachment(
                created.id(),
                NewAttachment.ofUrl(
                    "cover.pdf", "cover_letter", "https://files.example/cover.pdf"));
    assertThat(cover.type()).isEqualTo("cover_letter");
    Education education =
        asAdmin
            .candidates()
            .addEducation(
                created.id(),
                new NewEducation(
                    harvest.schools().list().findFirst().orElseThrow().id(),
                    null,
                    null,
                    Instant.parse("2010-09-01T00:00:00Z"),
                    Instant.parse("2014-06-01T00:00:00Z")));
    assertThat(education.schoolName()).isNotBlank();
    Employment employment =
        asAdmin
            .candidates()
            .addEmployment(
                created.id(),
                new NewEmployment(
                    "Initech", "Engineer", Instant.parse("2015-01-01T00:00:00Z"), null));
    assertThat(employment.companyName()).isEqualTo("Initech");

    ProspectPool pool = harvest.prospectPools().list().findFirst().orElseThrow();
    Application prospectApp =
        asAdmin
            .candidates()
            .addApplication(
                created.id(),
                NewApplication.prospect(List.of())
                    .withProspectPool(pool.id(), pool.prospectStages().get(1).id()));
    assertThat(prospectApp.prospect()).isTrue();
    assertThat(prospectApp.prospectDetail().prospectPool().id()).isEqualTo(pool.id());

    Application patched =
        asAdmin
            .applications()
            .update(
                prospectApp.id(),
                ApplicationPatch.empty()
                    .withProspectPool(pool.id(), pool.prospectStages().get(2).id()));
    assertThat(patched.prospectDetail().prospectStage().id())
        .isEqualTo(pool.prospectStages().get(2).id());
    Attachment onApp =
        asAdmin
            .applications()
            .addAttachment(
                prospectApp.id(),
                NewAttachment.ofBytes(
                    "take-home.txt",
                    "take_home_test",
                    "done".getBytes(StandardCharsets.UTF_8),
                    "text/plain"));
    assertThat(onApp.filename()).isEqualTo("take-home.txt");

    Candidate prospect = asAdmin.prospects().create(NewProspect.of("Bob", "Prospect"));
    assertThat(harvest.candidates().get(prospect.id()).applications())
        .singleElement()
        .satisfies(a -> assertThat(a.prospect()).isTrue());

    Candidate twin = asAdmin.candidates().create(alice);
    assertThat(twin.id()).as("Greenhouse does not deduplicate").isNotEqualTo(created.id());
    assertThat(
            harvest
                .candidates()
                .list(CandidateFilter.builder().email("ALICE@headhuntr-test.example").build())
                .count())
        .isEqualTo(2);
  }

  @Test
  void refusals_arrive_as_typed_exceptions() {
    HarvestClient.Acting asAdmin = asAdmin();
    // The client refuses a candidate without applications before sending; the sandbox refuses it
    // too.
    var noApplications =
        raw.actingAs(admin.id())
            .send("POST", "/v1/candidates", "{\"first_name\":\"No\",\"last_name\":\"Jobs\"}");
    assertThat(noApplications.status()).isEqualTo(422);
    assertThat(noApplications.json().at("/errors/0/field").asText()).isEqualTo("applications");
    assertThatThrownBy(
            () ->
                asAdmin
                    .candidates()
                    .create(NewCandidate.of("Bad", "Job", NewApplication.forJob(42))))
        .isInstanceOfSatisfying(
            HarvestValidationException.class,
            e -> assertThat(e.fieldErrors()).extracting(f -> f.field()).contains("job_id"));
    assertThatThrownBy(() -> harvest.candidates().get(1))
        .isInstanceOf(HarvestNotFoundException.class);
    assertThatThrownBy(
            () ->
                harvest
                    .onBehalfOf(GreenhouseUserId.of(999))
                    .prospects()
                    .create(NewProspect.of("X", "Y")))
        .as("an unknown On-Behalf-Of user answers 404, as documented")
        .isInstanceOf(HarvestNotFoundException.class);

    assertThatThrownBy(() -> client("nope").jobs().list(JobFilter.all()).count())
        .isInstanceOf(HarvestUnauthorizedException.class);
    sandbox.addApiKey("READ-ONLY", Set.of(Permissions.LIST_JOBS));
    HarvestClient readOnly = client("READ-ONLY");
    assertThat(readOnly.jobs().list(JobFilter.all()).count()).isEqualTo(30);
    assertThatThrownBy(() -> readOnly.candidates().get(1))
        .isInstanceOf(HarvestForbiddenException.class)
        .hasMessageContaining(Permissions.RETRIEVE_CANDIDATE);
  }
}
