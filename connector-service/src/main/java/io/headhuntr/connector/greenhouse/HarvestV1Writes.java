package io.headhuntr.connector.greenhouse;

import io.headhuntr.harvest.ApplicationPatch;
import io.headhuntr.harvest.HarvestClient;
import java.util.Optional;

/**
 * The port's writes over Harvest v1, sent On-Behalf-Of the acting user. A new person is one call
 * carrying their application, files, educations, employments and notes.
 */
final class HarvestV1Writes implements GreenhouseWrites {
  private final HarvestClient.Acting asUser;
  private final HarvestV1Calls calls;

  HarvestV1Writes(HarvestClient.Acting asUser, HarvestV1Calls calls) {
    this.asUser = asUser;
    this.calls = calls;
  }

  @Override
  public boolean createsInOneCall() {
    return true;
  }

  /** Harvest v1 makes a person only with an application ({@code POST /v1/candidates}, C7). */
  @Override
  public Person createPerson(NewPerson person) {
    throw new GreenhouseException.Unsupported(
        "POST",
        "/v1/candidates",
        "Harvest v1 creates a person together with an application: use createCandidate or"
            + " createProspect");
  }

  @Override
  public Person createCandidate(NewPerson person, JobApplication application) {
    var body = HarvestV1Bodies.candidate(person, application);
    return HarvestV1Rows.person(
        calls.call("POST", "/v1/candidates", () -> asUser.candidates().create(body)));
  }

  @Override
  public CreatedProspect createProspect(NewPerson person, ProspectApplication application) {
    var body = HarvestV1Bodies.prospect(person, application);
    Person made =
        HarvestV1Rows.person(
            calls.call("POST", "/v1/prospects", () -> asUser.prospects().create(body)));
    return new CreatedProspect(
        made,
        application.ownerId().isPresent()
            ? Optional.of("Harvest v1 cannot set the owner of a new prospect; not set")
            : Optional.empty());
  }

  @Override
  public long addApplication(long candidateId, JobApplication application) {
    var body = HarvestV1Bodies.application(application);
    return calls
        .call(
            "POST",
            "/v1/candidates/" + candidateId + "/applications",
            () -> asUser.candidates().addApplication(candidateId, body))
        .id();
  }

  @Override
  public long addProspectApplication(long candidateId, ProspectApplication application) {
    var body = HarvestV1Bodies.prospectApplication(application);
    return calls
        .call(
            "POST",
            "/v1/candidates/" + candidateId + "/applications",
            () -> asUser.candidates().addApplication(candidateId, body))
        .id();
  }

  @Override
  public void addNote(long candidateId, NoteEntry note) {
    var body = HarvestV1Bodies.note(note);
    calls.call(
        "POST",
        "/v1/candidates/" + candidateId + "/activity_feed/notes",
        () -> asUser.candidates().addNote(candidateId, body));
  }

  /** v1 attaches files to the person; the application is not named. */
  @Override
  public void addAttachment(long candidateId, long applicationId, FileEntry file) {
    var body = HarvestV1Bodies.file(file);
    calls.call(
        "POST",
        "/v1/candidates/" + candidateId + "/attachments",
        () -> asUser.candidates().addAttachment(candidateId, body));
  }

  @Override
  public void addEducation(long candidateId, EducationEntry education) {
    var body = HarvestV1Bodies.education(education);
    calls.call(
        "POST",
        "/v1/candidates/" + candidateId + "/educations",
        () -> asUser.candidates().addEducation(candidateId, body));
  }

  @Override
  public void addEmployment(long candidateId, EmploymentEntry employment) {
    var body = HarvestV1Bodies.employment(employment);
    calls.call(
        "POST",
        "/v1/candidates/" + candidateId + "/employments",
        () -> asUser.candidates().addEmployment(candidateId, body));
  }

  @Override
  public void setProspectPool(long applicationId, long poolId, Optional<Long> stageId) {
    ApplicationPatch patch =
        new ApplicationPatch(null, null, null, null, null, poolId, stageId.orElse(null), null);
    calls.call(
        "PATCH",
        "/v1/applications/" + applicationId,
        () -> asUser.applications().update(applicationId, patch));
  }
}
