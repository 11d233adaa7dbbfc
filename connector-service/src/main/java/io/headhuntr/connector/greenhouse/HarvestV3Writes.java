package io.headhuntr.connector.greenhouse;

import io.headhuntr.harvest.v3.Application;
import io.headhuntr.harvest.v3.ApplicationPatch;
import io.headhuntr.harvest.v3.Attachment;
import io.headhuntr.harvest.v3.ContactDetail;
import io.headhuntr.harvest.v3.CreatedCandidate;
import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.NewApplication;
import io.headhuntr.harvest.v3.NewAttachment;
import io.headhuntr.harvest.v3.NewCandidate;
import io.headhuntr.harvest.v3.NewEducation;
import io.headhuntr.harvest.v3.NewEmployment;
import io.headhuntr.harvest.v3.NewNote;
import io.headhuntr.harvest.v3.NewProspectApplication;
import io.headhuntr.harvest.v3.User;
import io.headhuntr.harvest.v3.UserQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The port's writes over Harvest v3, with a token whose {@code sub} is the acting user. v3 writes
 * one thing per call ({@link #createsInOneCall} is false): a new candidate is one {@code POST
 * /v3/candidates} carrying its one application, then one call per file (onto that application),
 * education, employment and note; a new prospect is the person, then their prospect application. A
 * note's author ({@code user_id}) is the acting user. A referral by a user's e-mail costs one
 * {@code GET /v3/users?primary_email=}; a referral by someone outside Greenhouse cannot be said in
 * v3 (no free-text referrer) and is left out. Contacts without a type are sent as {@code other} (v3
 * requires one).
 */
final class HarvestV3Writes implements GreenhouseWrites {
  private final HarvestV3Client reads;
  private final HarvestV3Client.Acting asUser;
  private final long userId;
  private final HarvestV3Calls calls;
  private final HarvestV3ApplicationJoin join;

  HarvestV3Writes(
      HarvestV3Client reads,
      HarvestV3Client.Acting asUser,
      long userId,
      HarvestV3Calls calls,
      HarvestV3ApplicationJoin join) {
    this.reads = reads;
    this.asUser = asUser;
    this.userId = userId;
    this.calls = calls;
    this.join = join;
  }

  @Override
  public boolean createsInOneCall() {
    return false;
  }

  @Override
  public Person createCandidate(NewPerson person, JobApplication application) {
    NewCandidate.Application app = NewCandidate.Application.forJob(application.jobId());
    if (application.sourceId().isPresent()) {
      app = app.withSource(application.sourceId().get());
    }
    Optional<Long> referrer = referrer(application.referral());
    if (referrer.isPresent()) {
      app = app.withReferrer(referrer.get());
    }
    if (application.initialStageId().isPresent()) {
      app = app.withInitialStage(application.initialStageId().get());
    }
    NewCandidate body = candidate(person).application(app).build();
    CreatedCandidate created =
        calls.call("POST", "/v3/candidates", () -> asUser.candidates().create(body));
    List<Application> applications = created.application().stream().toList();
    List<Attachment> files = new ArrayList<>();
    for (Application a : applications) {
      for (FileEntry file : application.files()) {
        files.add(attach(a.id(), file));
      }
    }
    addParts(created.candidate().id(), person);
    return HarvestV3Rows.person(created.candidate(), applications, files);
  }

  /**
   * The person, then their prospect application without pool or stage: the pool is set by {@link
   * #setProspectPool} afterwards (as over v1), so a pool or stage Greenhouse refuses is a refused
   * follow-up of a prospect that exists, not a failed push that left a person behind.
   */
  @Override
  public CreatedProspect createProspect(NewPerson person, ProspectApplication application) {
    NewCandidate body = candidate(person).build();
    CreatedCandidate created =
        calls.call("POST", "/v3/candidates", () -> asUser.candidates().create(body));
    long candidateId = created.candidate().id();
    Application app = prospectApplication(candidateId, application, false);
    List<Attachment> files = new ArrayList<>();
    for (FileEntry file : application.files()) {
      files.add(attach(app.id(), file));
    }
    addParts(candidateId, person);
    return new CreatedProspect(
        HarvestV3Rows.person(created.candidate(), List.of(app), files), Optional.empty());
  }

  /** One {@code POST /v3/candidates} without an application. */
  @Override
  public Person createPerson(NewPerson person) {
    if (!person.educations().isEmpty()
        || !person.employments().isEmpty()
        || !person.notes().isEmpty()) {
      throw new IllegalArgumentException(
          "createPerson makes the person alone: add educations, employments and notes afterwards");
    }
    NewCandidate body = candidate(person).build();
    CreatedCandidate created =
        calls.call("POST", "/v3/candidates", () -> asUser.candidates().create(body));
    return HarvestV3Rows.person(created.candidate(), List.of(), List.of());
  }

  @Override
  public long addApplication(long candidateId, JobApplication application) {
    NewApplication.Builder body = NewApplication.builder(candidateId, application.jobId());
    application.sourceId().ifPresent(body::source);
    referrer(application.referral()).ifPresent(body::referrer);
    application.initialStageId().ifPresent(body::initialStage);
    NewApplication built = body.build();
    Application made =
        calls.call("POST", "/v3/applications", () -> asUser.applications().create(built));
    for (FileEntry file : application.files()) {
      attach(made.id(), file);
    }
    return made.id();
  }

  @Override
  public long addProspectApplication(long candidateId, ProspectApplication application) {
    Application made = prospectApplication(candidateId, application, true);
    for (FileEntry file : application.files()) {
      attach(made.id(), file);
    }
    return made.id();
  }

  /** The prospect application with its owner (and, when {@code withPool}, pool and stage). */
  private Application prospectApplication(
      long candidateId, ProspectApplication application, boolean withPool) {
    NewProspectApplication.Builder body =
        NewProspectApplication.builder(candidateId).jobs(application.jobIds());
    application.sourceId().ifPresent(body::source);
    referrer(application.referral()).ifPresent(body::referrer);
    if (withPool) {
      application.poolId().ifPresent(p -> body.pool(p, application.poolStageId().orElse(null)));
    }
    application.ownerId().ifPresent(body::owner);
    NewProspectApplication built = body.build();
    return calls.call(
        "POST", "/v3/applications", () -> asUser.applications().createProspect(built));
  }

  /** A note on the person, authored by the acting user (v3's {@code user_id}). */
  @Override
  public void addNote(long candidateId, NoteEntry note) {
    NewNote body = NewNote.onCandidate(candidateId, userId, note.body(), note.visibility());
    calls.call("POST", "/v3/notes", () -> asUser.notes().create(body));
  }

  /**
   * v3 attaches files to an application: this one, or when {@code applicationId} is 0 (the push
   * names none) the person's newest application (one more read).
   */
  @Override
  public void addAttachment(long candidateId, long applicationId, FileEntry file) {
    long target = applicationId > 0 ? applicationId : newestApplication(candidateId);
    attach(target, file);
  }

  @Override
  public void setProspectPool(long applicationId, long poolId, Optional<Long> stageId) {
    ApplicationPatch patch =
        ApplicationPatch.builder().prospectPool(poolId, stageId.orElse(null)).build();
    calls.call(
        "PATCH",
        "/v3/applications/" + applicationId,
        () -> asUser.applications().update(applicationId, patch));
  }

  private long newestApplication(long candidateId) {
    return join.applicationsOf(List.of(candidateId)).stream()
        .max(
            Comparator.comparing(
                    (Application a) -> a.createdAt() == null ? Instant.MIN : a.createdAt())
                .thenComparingLong(Application::id))
        .map(Application::id)
        .orElseThrow(
            () ->
                new GreenhouseException.NotFound(
                    "POST",
                    "/v3/attachments",
                    "Harvest v3 attaches files to an application, and candidate "
                        + candidateId
                        + " has none",
                    null));
  }

  private Attachment attach(long applicationId, FileEntry file) {
    NewAttachment body =
        file.url().isPresent()
            ? NewAttachment.ofUrl(applicationId, file.filename(), file.type(), file.url().get())
            : new NewAttachment(
                applicationId,
                file.filename(),
                file.type(),
                file.content().orElse(null),
                null,
                file.contentType().orElse(null),
                null);
    return calls.call("POST", "/v3/attachments", () -> asUser.attachments().create(body));
  }

  @Override
  public void addEducation(long candidateId, EducationEntry e) {
    NewEducation body =
        new NewEducation(
            candidateId,
            e.schoolId().orElse(null),
            e.degreeId().orElse(null),
            e.disciplineId().orElse(null),
            e.start().map(HarvestV3Writes::date).orElse(null),
            e.end().map(HarvestV3Writes::date).orElse(null));
    calls.call("POST", "/v3/candidate_educations", () -> asUser.candidateEducations().create(body));
  }

  @Override
  public void addEmployment(long candidateId, EmploymentEntry e) {
    NewEmployment body =
        new NewEmployment(
            candidateId,
            e.companyName(),
            e.title(),
            e.start().map(HarvestV3Writes::date).orElse(null),
            e.end().map(HarvestV3Writes::date).orElse(null));
    calls.call(
        "POST", "/v3/candidate_employments", () -> asUser.candidateEmployments().create(body));
  }

  /** Educations, employments and notes: one call each, after the person exists. */
  private void addParts(long candidateId, NewPerson person) {
    person.educations().forEach(e -> addEducation(candidateId, e));
    person.employments().forEach(e -> addEmployment(candidateId, e));
    person.notes().forEach(n -> addNote(candidateId, n));
  }

  private static NewCandidate.Builder candidate(NewPerson p) {
    return NewCandidate.builder(p.firstName(), p.lastName())
        .company(p.company().orElse(null))
        .title(p.title().orElse(null))
        .emailAddresses(typed(p.emailAddresses()))
        .phoneNumbers(typed(p.phoneNumbers()))
        .addresses(typed(p.addresses()))
        .websiteAddresses(typed(p.websiteAddresses()))
        .socialMediaAddresses(untyped(p.socialMediaAddresses()))
        .tags(p.tags().isEmpty() ? null : p.tags());
  }

  /** The referrer's user id: given, or looked up by primary e-mail; outsiders are left out. */
  private Optional<Long> referrer(Referral referral) {
    if (referral instanceof Referral.User u) {
      return Optional.of(u.userId());
    }
    if (referral instanceof Referral.UserEmail e) {
      return calls.call(
          "GET",
          "/v3/users?primary_email=<redacted>",
          () -> {
            try (var users = reads.users().list(UserQuery.all().primaryEmail(e.email()))) {
              return users.findFirst().map(User::id);
            }
          });
    }
    return Optional.empty();
  }

  /**
   * E-mails, phones, addresses and websites: v3 requires a type, so one the push did not give is
   * {@code other} (valid for each of them).
   */
  private static List<ContactDetail> typed(List<Contact> contacts) {
    return contacts.isEmpty()
        ? null
        : contacts.stream()
            .map(c -> new ContactDetail(c.value(), c.type().orElse("other")))
            .toList();
  }

  /** Social-media addresses: v3 takes the value only. */
  private static List<ContactDetail> untyped(List<Contact> contacts) {
    return contacts.isEmpty()
        ? null
        : contacts.stream().map(c -> ContactDetail.of(c.value())).toList();
  }

  private static LocalDate date(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }
}
