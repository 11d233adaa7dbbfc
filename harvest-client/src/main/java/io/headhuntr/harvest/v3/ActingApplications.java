package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;
import java.util.Map;
import java.util.Objects;

/**
 * Applications, read and write, as one {@link Actor}: create (candidate or prospect), update,
 * delete and the actions (move, reject, unreject, hire, convert). Writes are sent once, never
 * retried; the actions answer nothing, so read the application back to see their effect.
 */
public final class ActingApplications extends Applications {
  private final Actor actor;

  ActingApplications(V3Transport transport, Actor actor) {
    super(transport);
    this.actor = Objects.requireNonNull(actor, "actor");
  }

  /** {@code POST /v3/applications}: puts a candidate on a job. */
  public Application create(NewApplication application) {
    return transport.write(
        "POST", path, Objects.requireNonNull(application, "application"), actor, Application.class);
  }

  /** {@code POST /v3/applications} with {@code prospect: true}: a prospect application. */
  public Application createProspect(NewProspectApplication application) {
    return transport.write(
        "POST", path, Objects.requireNonNull(application, "application"), actor, Application.class);
  }

  /** {@code PATCH /v3/applications/{id}}; returns the application as it now is. */
  public Application update(long id, ApplicationPatch patch) {
    return transport.write(
        "PATCH", at(id), Objects.requireNonNull(patch, "patch"), actor, Application.class);
  }

  /** {@code DELETE /v3/applications/{id}}. */
  public void delete(long id) {
    writeWithoutAnswer("DELETE", at(id), null, actor);
  }

  /**
   * {@code POST /v3/applications/{id}/move}: to another stage, or (without a target) to the next
   * one. Fires the job's stage rules, automated e-mails included.
   */
  public void move(long id, Move move) {
    writeWithoutAnswer("POST", at(id) + "/move", Objects.requireNonNull(move, "move"), actor);
  }

  /** {@code POST /v3/applications/{id}/reject}. */
  public void reject(long id, Rejection rejection) {
    writeWithoutAnswer(
        "POST", at(id) + "/reject", Objects.requireNonNull(rejection, "rejection"), actor);
  }

  /** {@code POST /v3/applications/{id}/unreject}: back to in process, in the stage it left. */
  public void unreject(long id) {
    writeWithoutAnswer("POST", at(id) + "/unreject", Map.of(), actor);
  }

  /** {@code POST /v3/applications/{id}/hire}. */
  public void hire(long id, Hire hire) {
    writeWithoutAnswer("POST", at(id) + "/hire", Objects.requireNonNull(hire, "hire"), actor);
  }

  /**
   * {@code POST /v3/applications/{id}/convert_to_candidate}: turns a prospect application into a
   * candidate application; returns the new application (its id is the one to use from now on).
   */
  public Application convertToCandidate(long id, ConvertToCandidate conversion) {
    return transport.write(
        "POST",
        at(id) + "/convert_to_candidate",
        Objects.requireNonNull(conversion, "conversion"),
        actor,
        Application.class);
  }

  private String at(long id) {
    return path + "/" + Checks.id("id", id);
  }
}
