package io.headhuntr.sandbox.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * What payload building needs to look up, answered by the sandbox's store with objects in Harvest
 * v1 response shape (HARVEST-V1.md section 6). The default methods may be left alone: payloads then
 * fall back as their docs say.
 */
public interface SandboxLookups {

  /** A Harvest user (has {@code primary_email_address}, {@code name}, {@code employee_id}). */
  Optional<ObjectNode> user(long id);

  /**
   * A Harvest candidate (with {@code educations}, {@code employments}, {@code
   * keyed_custom_fields}).
   */
  Optional<ObjectNode> candidate(long id);

  /**
   * A Harvest job (with {@code departments}, {@code offices}, {@code hiring_team}, {@code
   * openings}).
   */
  Optional<ObjectNode> job(long id);

  /**
   * A Harvest job stage with its {@code interviews[]}; without it, {@code current_stage.interviews}
   * is empty.
   */
  default Optional<ObjectNode> jobStage(long id) {
    return Optional.empty();
  }

  /**
   * The application's current offer in Harvest shape ({@code id, version, created_at, sent_at,
   * resolved_at, starts_at, keyed_custom_fields}); without it, {@code hire_candidate} carries an
   * offer derived from the application.
   */
  default Optional<ObjectNode> currentOffer(long applicationId) {
    return Optional.empty();
  }

  /**
   * The id of the job's first job post, for {@code job_post_id}; without it, the job's own field or
   * null.
   */
  default Optional<Long> jobPostId(long jobId) {
    return Optional.empty();
  }
}
