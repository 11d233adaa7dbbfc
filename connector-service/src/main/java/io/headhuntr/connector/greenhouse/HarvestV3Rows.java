package io.headhuntr.connector.greenhouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.CandidateRow;
import io.headhuntr.connector.mirror.JobPostRow;
import io.headhuntr.connector.mirror.JobRow;
import io.headhuntr.connector.mirror.JobStageRow;
import io.headhuntr.connector.mirror.MirrorJson;
import io.headhuntr.connector.mirror.UserRow;
import io.headhuntr.harvest.v3.Application;
import io.headhuntr.harvest.v3.Attachment;
import io.headhuntr.harvest.v3.Candidate;
import io.headhuntr.harvest.v3.CandidateEducation;
import io.headhuntr.harvest.v3.CandidateEmployment;
import io.headhuntr.harvest.v3.ContactDetail;
import io.headhuntr.harvest.v3.Department;
import io.headhuntr.harvest.v3.Job;
import io.headhuntr.harvest.v3.JobInterviewStage;
import io.headhuntr.harvest.v3.JobPost;
import io.headhuntr.harvest.v3.Note;
import io.headhuntr.harvest.v3.ProspectPool;
import io.headhuntr.harvest.v3.ProspectPoolStage;
import io.headhuntr.harvest.v3.Source;
import io.headhuntr.harvest.v3.User;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns Harvest v3 answers into the same port records {@link HarvestV1Rows} makes from v1, so the
 * mirror looks the same whichever API filled it. Where v3 gives only an id for what v1 nests as an
 * object (an application's source, referrer, prospect pool, stage and owner; a job's departments
 * and offices) the row holds {@code {"id": ..}}; what v3 keeps in other resources (a candidate's
 * recruiter, coordinator, educations, employments, attachments; an application's rejection reason
 * and details; a job's hiring team and openings) is null. Status {@code in_process} is written as
 * v1's {@code active}.
 */
final class HarvestV3Rows {
  private HarvestV3Rows() {}

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
        null,
        null,
        contacts(c.emailAddresses()),
        contacts(c.phoneNumbers()),
        contacts(c.addresses()),
        contacts(c.websiteAddresses()),
        contacts(c.socialMediaAddresses()),
        null,
        null,
        null,
        json(c.tags()),
        json(c.customFields()),
        c.createdAt(),
        c.updatedAt(),
        c.lastActivityAt(),
        c.updatedAt(),
        null,
        null,
        null,
        null);
  }

  /** An application; {@code currentStage} is its job interview stage now (empty for prospects). */
  static ApplicationRow application(Application a, Optional<JobInterviewStage> currentStage) {
    return new ApplicationRow(
        a.id(),
        a.candidateId(),
        a.prospect(),
        status(a.status()),
        currentStage.map(JobInterviewStage::id).orElse(null),
        currentStage.map(JobInterviewStage::name).orElse(null),
        a.createdAt(),
        a.rejectedAt(),
        null,
        null,
        ref(a.prospectPoolId()),
        ref(a.prospectPoolStageId()),
        ref(a.prospectOwnerId()),
        ref(a.sourceId()),
        ref(a.referrerId()),
        jobIds(a),
        null,
        json(a.customFields()),
        a.hiredAt(),
        a.lastActivityAt(),
        a.lastActivityAt(),
        null);
  }

  static JobRow job(Job j) {
    ArrayNode offices = MirrorJson.MAPPER.createArrayNode();
    j.officeIds().forEach(id -> offices.addObject().put("id", id));
    ArrayNode departments = MirrorJson.MAPPER.createArrayNode();
    if (j.departmentId() != null) {
      departments.addObject().put("id", j.departmentId());
    }
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
        departments,
        offices,
        null,
        null,
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
        // v3 lists a post's locations at /job_post_locations: not read, so not overwritten
        MissingNode.getInstance(),
        p.content(),
        p.internalContent(),
        p.external(),
        p.internal(),
        p.live(),
        null,
        p.updatedAt(),
        p.updatedAt(),
        null);
  }

  static JobStageRow stage(JobInterviewStage s) {
    return new JobStageRow(
        s.id(),
        s.jobId(),
        s.name(),
        s.active(),
        s.sortOrder(),
        s.createdAt(),
        s.updatedAt(),
        s.updatedAt(),
        null);
  }

  static UserRow user(User u) {
    return new UserRow(
        u.id(),
        u.name(),
        u.firstName(),
        u.lastName(),
        u.primaryEmail(),
        u.employeeId(),
        u.deactivated(),
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

  /** A pool with its stages (v3 lists them apart), in their sort order. */
  static ReferenceRecord.ProspectPool prospectPool(ProspectPool p, List<ProspectPoolStage> stages) {
    ArrayNode array = MirrorJson.MAPPER.createArrayNode();
    stages.stream()
        .filter(s -> s.prospectPoolId() != null && s.prospectPoolId() == p.id())
        .sorted(
            Comparator.comparing(
                (ProspectPoolStage s) -> s.sortOrder() == null ? Integer.MAX_VALUE : s.sortOrder()))
        .forEach(s -> array.addObject().put("id", s.id()).put("name", s.name()));
    return new ReferenceRecord.ProspectPool(p.id(), p.name(), p.active(), array);
  }

  /** A person with their applications and files (v3 reads them apart). */
  static Person person(Candidate c, List<Application> applications, List<Attachment> files) {
    return new Person(
        c.id(),
        c.firstName() != null,
        Optional.ofNullable(c.createdAt()),
        applications.stream().map(HarvestV3Rows::personApplication).toList(),
        applications.stream().map(Application::id).toList(),
        files.stream()
            .map(a -> new Person.File(a.filename(), a.type(), Optional.ofNullable(a.createdAt())))
            .toList());
  }

  static Person.Application personApplication(Application a) {
    return new Person.Application(
        a.id(), a.prospect(), status(a.status()), jobIds(a), Optional.ofNullable(a.createdAt()));
  }

  static PersonEducation education(CandidateEducation e) {
    return new PersonEducation(
        Optional.ofNullable(e.schoolId()),
        Optional.ofNullable(e.degreeId()),
        Optional.ofNullable(e.disciplineId()),
        Optional.ofNullable(e.startOn()),
        Optional.ofNullable(e.endOn()),
        Optional.ofNullable(e.createdAt()));
  }

  static PersonEmployment employment(CandidateEmployment e) {
    return new PersonEmployment(
        e.companyName(),
        e.title(),
        Optional.ofNullable(e.startOn()),
        Optional.ofNullable(e.endOn()),
        Optional.ofNullable(e.createdAt()));
  }

  static PersonNote note(Note n) {
    return new PersonNote(
        Optional.ofNullable(n.userId()), n.body(), Optional.ofNullable(n.createdAt()));
  }

  /** v1's status words: v3 says {@code in_process} where v1 says {@code active}. */
  static String status(String v3Status) {
    return "in_process".equals(v3Status) ? "active" : v3Status;
  }

  private static List<Long> jobIds(Application a) {
    return a.jobId() != null ? List.of(a.jobId()) : a.prospectiveJobIds();
  }

  /** Contacts as v1 rows hold them: {@code {"value","type"}}, type null when absent. */
  private static JsonNode contacts(List<ContactDetail> details) {
    ArrayNode array = MirrorJson.MAPPER.createArrayNode();
    for (ContactDetail d : details) {
      ObjectNode o = array.addObject().put("value", d.value());
      o.put("type", d.type());
    }
    return array;
  }

  private static JsonNode ref(Long id) {
    return id == null ? null : MirrorJson.MAPPER.createObjectNode().put("id", id);
  }

  private static JsonNode json(Object value) {
    return value == null ? null : MirrorJson.MAPPER.valueToTree(value);
  }
}
