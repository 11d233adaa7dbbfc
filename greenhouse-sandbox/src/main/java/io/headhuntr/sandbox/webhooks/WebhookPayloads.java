package io.headhuntr.sandbox.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalLong;

/**
 * Builds webhook payloads (WEBHOOKS.md sections 7-9) from objects in Harvest v1 response shape (HARVEST-V1.md
 * section 6); each method returns the {@code payload} object of one action.
 */
public final class WebhookPayloads {

  private final SandboxLookups lookups;

  public WebhookPayloads(SandboxLookups lookups) {
    this.lookups = lookups;
  }

  /**
   * {@code {"application": {...}}} for hire_candidate, candidate_stage_change, reject_candidate,
   * unreject_candidate, new_prospect_application, new_candidate_application, application_updated and
   * unhire_candidate; a hired application also carries {@code offer}, {@code opening} and the deprecated
   * {@code job}.
   */
  public ObjectNode application(ObjectNode harvestApplication) {
    throw new UnsupportedOperationException("not yet");
  }

  /** {@code {"candidate": {...}}} for update_candidate. */
  public ObjectNode candidate(ObjectNode harvestCandidate) {
    throw new UnsupportedOperationException("not yet");
  }

  /** {@code {"person": {...}}} for delete_candidate. */
  public ObjectNode deletedPerson(ObjectNode harvestCandidate, List<Long> deletedApplicationIds) {
    throw new UnsupportedOperationException("not yet");
  }

  /** {@code {"person": {..., "new_candidate_id"}}} for merge_candidate; the person is the losing candidate. */
  public ObjectNode mergedPerson(ObjectNode losingHarvestCandidate, long newCandidateId) {
    throw new UnsupportedOperationException("not yet");
  }

  /** {@code {"job": {...}}} for job_created and job_updated. */
  public ObjectNode job(ObjectNode harvestJob) {
    throw new UnsupportedOperationException("not yet");
  }

  /** {@code {"job": {"id", "name"}}} for job_deleted. */
  public ObjectNode deletedJob(ObjectNode harvestJob) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The post itself (no wrapper) for job_post_created and job_post_updated. */
  public ObjectNode jobPost(ObjectNode harvestJobPost) {
    throw new UnsupportedOperationException("not yet");
  }

  /** {@code {"job_post": {...}}} for job_post_deleted. */
  public ObjectNode deletedJobPost(ObjectNode harvestJobPost) {
    throw new UnsupportedOperationException("not yet");
  }

  /** {@code {"application": {flat ids}}} for delete_application. */
  public ObjectNode deletedApplication(ObjectNode harvestApplication, OptionalLong rejectedByUserId) {
    throw new UnsupportedOperationException("not yet");
  }

  /** {@code {"candidate_id", "anonymized_fields"}} for candidate_anonymized. */
  public ObjectNode anonymized(long candidateId, List<String> fields) {
    throw new UnsupportedOperationException("not yet");
  }

  /** {@code {"approval_flow": {"approval_flow_type"}, "job": {...}}} for job_approved. */
  public ObjectNode jobApproved(ObjectNode harvestJob, String approvalFlowType) {
    throw new UnsupportedOperationException("not yet");
  }

  /** {@code {"job_interview_stage": {...}}} for job_interview_stage_deleted. */
  public ObjectNode jobStageDeleted(ObjectNode harvestJobStage) {
    throw new UnsupportedOperationException("not yet");
  }
}
