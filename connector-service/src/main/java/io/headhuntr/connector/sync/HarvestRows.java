package io.headhuntr.connector.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.connector.mirror.CandidateRow;
import io.headhuntr.connector.mirror.DepartmentRow;
import io.headhuntr.connector.mirror.JobPostRow;
import io.headhuntr.connector.mirror.JobRow;
import io.headhuntr.connector.mirror.JobStageRow;
import io.headhuntr.connector.mirror.MirrorJson;
import io.headhuntr.connector.mirror.ProspectPoolRow;
import io.headhuntr.connector.mirror.SourceRow;
import io.headhuntr.connector.mirror.UserRow;
import io.headhuntr.harvest.Application;
import io.headhuntr.harvest.Attachment;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.Department;
import io.headhuntr.harvest.Job;
import io.headhuntr.harvest.JobPost;
import io.headhuntr.harvest.JobStage;
import io.headhuntr.harvest.NamedRef;
import io.headhuntr.harvest.ProspectDetail;
import io.headhuntr.harvest.ProspectPool;
import io.headhuntr.harvest.Source;
import io.headhuntr.harvest.User;
import java.time.Instant;

/**
 * Turns Harvest answers into mirror rows, in Greenhouse's JSON shapes (snake_case). The version of
 * a row is Harvest's {@code updated_at} (applications: {@code last_activity_at}); reference data
 * without a time (departments, sources, pools) takes the time of the pass that read it. Attachment
 * URLs are dropped: they expire after 7 days.
 */
final class HarvestRows {
  private HarvestRows() {}

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

  static ApplicationRow application(Application a, long candidateId) {
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
        p.location() == null ? null : p.location().name(),
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

  static UserRow user(User u) {
    return new UserRow(
        u.id(),
        u.name(),
        u.firstName(),
        u.lastName(),
        u.primaryEmailAddress(),
        u.employeeId(),
        u.disabled(),
        u.updatedAt(),
        u.updatedAt(),
        null);
  }

  static DepartmentRow department(Department d, Instant readAt) {
    return new DepartmentRow(d.id(), d.name(), d.parentId(), d.externalId(), readAt, null);
  }

  static SourceRow source(Source s, Instant readAt) {
    return new SourceRow(s.id(), s.name(), json(s.type()), readAt, null);
  }

  static ProspectPoolRow prospectPool(ProspectPool p, Instant readAt) {
    return new ProspectPoolRow(
        p.id(), p.name(), p.active(), json(p.prospectStages()), readAt, null);
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
