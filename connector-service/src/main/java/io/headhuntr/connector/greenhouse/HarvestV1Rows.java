package io.headhuntr.connector.greenhouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.CandidateRow;
import io.headhuntr.connector.mirror.JobPostRow;
import io.headhuntr.connector.mirror.JobRow;
import io.headhuntr.connector.mirror.JobStageRow;
import io.headhuntr.connector.mirror.MirrorJson;
import io.headhuntr.connector.mirror.UserRow;
import io.headhuntr.harvest.Application;
import io.headhuntr.harvest.Attachment;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.Department;
import io.headhuntr.harvest.Education;
import io.headhuntr.harvest.Employment;
import io.headhuntr.harvest.Job;
import io.headhuntr.harvest.JobPost;
import io.headhuntr.harvest.JobStage;
import io.headhuntr.harvest.NamedRef;
import io.headhuntr.harvest.Note;
import io.headhuntr.harvest.ProspectDetail;
import io.headhuntr.harvest.ProspectPool;
import io.headhuntr.harvest.Source;
import io.headhuntr.harvest.User;
import io.headhuntr.harvest.UserRef;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns Harvest v1 answers into the port's records: mirror rows in Greenhouse's JSON shapes
 * (snake_case), and the people a push reads. The version of a row is Harvest's {@code updated_at}
 * (applications: {@code last_activity_at}); reference data without a time (departments, sources,
 * pools) is versioned by the sync with the time of the pass that read it. Attachment URLs are
 * dropped: they expire after 7 days.
 */
final class HarvestV1Rows {
  private HarvestV1Rows() {}

  static CandidateRow candidate(Candidate c) {
    return new CandidateRow(
        c.id(),
        c.firstName(),
        c.lastName(),
        c.company(),
        c.title(),
        c.isPrivate(),
        c.canEmail(),
        null,
        json(c.recruiter()),
        json(c.coordinator()),
        json(c.emailAddresses()),
        json(c.phoneNumbers()),
        json(c.addresses()),
        json(c.websiteAddresses()),
        json(c.socialMediaAddresses()),
        json(c.educations()),
        json(c.employments()),
        attachments(c),
        json(c.tags()),
        json(c.customFields()),
        c.createdAt(),
        c.updatedAt(),
        c.lastActivity(),
        c.updatedAt(),
        null,
        null,
        null,
        null);
  }

  static ApplicationRow application(Application a, Long candidateId) {
    ProspectDetail detail = a.prospectDetail();
    return new ApplicationRow(
        a.id(),
        a.candidateId() != null ? a.candidateId() : candidateId,
        a.prospect(),
        a.status(),
        a.currentStage() == null ? null : a.currentStage().id(),
        a.currentStage() == null ? null : a.currentStage().name(),
        a.appliedAt(),
        a.rejectedAt(),
        json(a.rejectionReason()),
        json(a.rejectionDetails()),
        detail == null ? null : json(detail.prospectPool()),
        detail == null ? null : json(detail.prospectStage()),
        detail == null ? null : json(detail.prospectOwner()),
        json(a.source()),
        json(a.creditedTo()),
        a.jobs().stream().map(NamedRef::id).toList(),
        null,
        json(a.customFields()),
        null,
        a.lastActivityAt(),
        a.lastActivityAt(),
        null);
  }

  static JobRow job(Job j) {
    return new JobRow(
        j.id(),
        j.name(),
        j.requisitionId(),
        j.notes(),
        j.confidential(),
        j.status(),
        null,
        null,
        j.createdAt(),
        j.openedAt(),
        j.closedAt(),
        json(j.departments()),
        json(j.offices()),
        json(j.hiringTeam()),
        json(j.openings()),
        json(j.customFields()),
        null,
        j.updatedAt(),
        j.updatedAt(),
        null);
  }

  static JobPostRow jobPost(JobPost p) {
    return new JobPostRow(
        p.id(),
        p.jobId(),
        p.title(),
        p.location() == null ? NullNode.getInstance() : json(p.location()),
        p.content(),
        p.internalContent(),
        p.external(),
        p.internal(),
        p.live(),
        json(p.questions()),
        p.updatedAt(),
        p.updatedAt(),
        null);
  }

  static JobStageRow stage(JobStage s) {
    return new JobStageRow(
        s.id(),
        s.jobId(),
        s.name(),
        s.active(),
        s.priority(),
        s.createdAt(),
        s.updatedAt(),
        s.updatedAt(),
        null);
  }

  /**
   * A user as the mirror keeps them; a user without a primary address gets the first of their
   * {@code emails}, so they can still be found and matched by email.
   */
  static UserRow user(User u) {
    String email = u.primaryEmailAddress();
    if (email == null || email.isBlank()) {
      email = u.emails().stream().filter(e -> e != null && !e.isBlank()).findFirst().orElse(null);
    }
    return new UserRow(
        u.id(),
        u.name(),
        u.firstName(),
        u.lastName(),
        email,
        u.employeeId(),
        u.disabled(),
        u.updatedAt(),
        u.updatedAt(),
        null);
  }

  static ReferenceRecord.Department department(Department d) {
    return new ReferenceRecord.Department(
        d.id(), d.name(), Optional.ofNullable(d.parentId()), Optional.ofNullable(d.externalId()));
  }

  static ReferenceRecord.Source source(Source s) {
    return new ReferenceRecord.Source(s.id(), s.name(), json(s.type()));
  }

  static ReferenceRecord.ProspectPool prospectPool(ProspectPool p) {
    return new ReferenceRecord.ProspectPool(p.id(), p.name(), p.active(), json(p.prospectStages()));
  }

  static CandidateWithApplications withApplications(Candidate c) {
    List<ApplicationRow> applications = new ArrayList<>(c.applications().size());
    for (Application a : c.applications()) {
      applications.add(application(a, c.id()));
    }
    return new CandidateWithApplications(candidate(c), applications);
  }

  /** An application listed on its own: its candidate id may be missing (null). */
  static ApplicationRow listedApplication(Application a) {
    return application(a, null);
  }

  static Person person(Candidate c) {
    return new Person(
        c.id(),
        c.firstName() != null, // a truncated answer: Greenhouse is still creating the person
        Optional.ofNullable(c.createdAt()),
        c.applications().stream().map(HarvestV1Rows::personApplication).toList(),
        c.applicationIds() == null ? List.of() : c.applicationIds(),
        c.attachments().stream()
            .map(a -> new Person.File(a.filename(), a.type(), Optional.ofNullable(a.createdAt())))
            .toList());
  }

  private static Person.Application personApplication(Application a) {
    return new Person.Application(
        a.id(),
        a.prospect(),
        a.status(),
        a.jobs().stream().map(NamedRef::id).toList(),
        Optional.ofNullable(a.appliedAt()));
  }

  /** v1 names school, degree and discipline (their ids stay empty) and gives no time added. */
  static PersonEducation education(Education e) {
    return new PersonEducation(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        day(e.startDate()),
        day(e.endDate()),
        Optional.empty());
  }

  /** v1 gives no time added. */
  static PersonEmployment employment(Employment e) {
    return new PersonEmployment(
        e.companyName(), e.title(), day(e.startDate()), day(e.endDate()), Optional.empty());
  }

  private static Optional<LocalDate> day(Instant t) {
    return Optional.ofNullable(t).map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC));
  }

  static PersonNote note(Note n) {
    return new PersonNote(
        Optional.ofNullable(n.user()).map(UserRef::id),
        n.body(),
        Optional.ofNullable(n.createdAt()));
  }

  private static JsonNode attachments(Candidate c) {
    ArrayNode array = MirrorJson.MAPPER.createArrayNode();
    for (Attachment a : c.attachments()) {
      array
          .addObject()
          .put("filename", a.filename())
          .put("type", a.type())
          .put("content_type", a.contentType())
          .put("created_at", a.createdAt() == null ? null : a.createdAt().toString());
    }
    return array;
  }

  private static JsonNode json(Object value) {
    return value == null ? null : MirrorJson.MAPPER.valueToTree(value);
  }
}
