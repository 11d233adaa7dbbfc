package io.headhuntr.harvest.v3;

/**
 * The body of {@code POST /v3/applications/{id}/move}. {@code from_stage_id} is the job interview
 * stage the application is in now (a guard: Greenhouse refuses the move when it is stale). Without
 * {@code to_stage_id} the application advances to the next stage. A move fires the job's stage
 * rules, automated e-mails included.
 */
public record Move(long fromStageId, Long toStageId, Long toJobId, Long emailFromUserId) {
  public Move {
    Checks.id("from_stage_id", fromStageId);
    Checks.optionalId("to_stage_id", toStageId);
    Checks.optionalId("to_job_id", toJobId);
    Checks.optionalId("email_from_user_id", emailFromUserId);
    if (toStageId != null && toStageId == fromStageId && toJobId == null) {
      throw new IllegalArgumentException("to_stage_id equals from_stage_id: nothing to move");
    }
  }

  /** Advances the application from its current stage to the next one. */
  public static Move advanceFrom(long fromStageId) {
    return new Move(fromStageId, null, null, null);
  }

  /** Moves the application from its current stage to another stage of the same job. */
  public static Move between(long fromStageId, long toStageId) {
    return new Move(fromStageId, toStageId, null, null);
  }

  /** Moves the application to a stage of another job. */
  public static Move toJob(long fromStageId, long toJobId, long toStageId) {
    return new Move(fromStageId, toStageId, toJobId, null);
  }

  /** The same move, with any e-mail it triggers sent as this user. */
  public Move withEmailFrom(long userId) {
    return new Move(fromStageId, toStageId, toJobId, userId);
  }
}
