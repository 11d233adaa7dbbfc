package io.headhuntr.connector.push;

import io.headhuntr.connector.greenhouse.EducationEntry;
import io.headhuntr.connector.greenhouse.EmploymentEntry;
import io.headhuntr.connector.greenhouse.FileEntry;
import io.headhuntr.connector.greenhouse.GreenhouseWrites;
import io.headhuntr.connector.greenhouse.NoteEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * One write of a push after the person exists, a step of its own in {@link PushSteps} so that a
 * retry never repeats one that applied: its step name, the call, and how many writes like it
 * Greenhouse shows since a time ({@code null} when sending it twice is harmless), with {@code
 * earlier} the identical writes this push made before it.
 *
 * <p>Which writes follow ({@link #of}): for a person found and linked, the notes, then the files of
 * a prospect application (and of a candidate application where the API cannot send them with it);
 * for a person the push created, where the API could not carry them in the create ({@link
 * GreenhouseWrites#createsInOneCall} false, Harvest v3), the files, educations, employments and
 * notes, one call each; then a new prospect's pool.
 */
record FollowUp(String name, Runnable call, ToIntFunction<Instant> found, int earlier) {

  /**
   * The push's follow-ups, in the order they are sent, for a person with {@code candidateId} and
   * the push's application {@code applicationId} (0 when not known: files then go onto the person's
   * newest application).
   */
  static List<FollowUp> of(
      PushRequests.Resolved r,
      String result,
      long candidateId,
      long applicationId,
      GreenhouseWrites asUser,
      ReadBack readBack) {
    List<FollowUp> todo = new ArrayList<>();
    boolean separateParts = !asUser.createsInOneCall();
    if ("linked".equals(result)) {
      notes(todo, r, candidateId, asUser, readBack);
      if (!r.isCandidate() || separateParts) {
        files(todo, r, candidateId, applicationId, asUser, readBack);
      }
    } else if ("created".equals(result)) {
      if (separateParts) {
        files(todo, r, candidateId, applicationId, asUser, readBack);
        educations(todo, r, candidateId, asUser, readBack);
        employments(todo, r, candidateId, asUser, readBack);
        notes(todo, r, candidateId, asUser, readBack);
      }
      if (!r.isCandidate() && r.poolId() != null) {
        long pool = r.poolId();
        Optional<Long> stage = Optional.ofNullable(r.poolStageId());
        // setting the same pool and stage twice changes nothing: no read-back
        todo.add(
            new FollowUp(
                "pool", () -> asUser.setProspectPool(applicationId, pool, stage), null, 0));
      }
    }
    return todo;
  }

  private static void notes(
      List<FollowUp> todo,
      PushRequests.Resolved r,
      long id,
      GreenhouseWrites asUser,
      ReadBack readBack) {
    List<NoteEntry> notes = r.notes();
    for (int i = 0; i < notes.size(); i++) {
      NoteEntry note = notes.get(i);
      todo.add(
          new FollowUp(
              "note:" + i,
              () -> asUser.addNote(id, note),
              since -> readBack.notes(id, note, since),
              (int) notes.subList(0, i).stream().filter(note::equals).count()));
    }
  }

  private static void files(
      List<FollowUp> todo,
      PushRequests.Resolved r,
      long id,
      long applicationId,
      GreenhouseWrites asUser,
      ReadBack readBack) {
    List<FileEntry> files = r.attachments();
    for (int i = 0; i < files.size(); i++) {
      FileEntry file = files.get(i);
      todo.add(
          new FollowUp(
              "attachment:" + i,
              () -> asUser.addAttachment(id, applicationId, file),
              since -> readBack.attachments(id, file, since),
              (int) files.subList(0, i).stream().filter(file::sameFileAs).count()));
    }
  }

  private static void educations(
      List<FollowUp> todo,
      PushRequests.Resolved r,
      long id,
      GreenhouseWrites asUser,
      ReadBack readBack) {
    List<EducationEntry> educations = r.educations();
    for (int i = 0; i < educations.size(); i++) {
      EducationEntry education = educations.get(i);
      todo.add(
          new FollowUp(
              "education:" + i,
              () -> asUser.addEducation(id, education),
              since -> readBack.educations(id, education, since),
              (int) educations.subList(0, i).stream().filter(education::equals).count()));
    }
  }

  private static void employments(
      List<FollowUp> todo,
      PushRequests.Resolved r,
      long id,
      GreenhouseWrites asUser,
      ReadBack readBack) {
    List<EmploymentEntry> employments = r.employments();
    for (int i = 0; i < employments.size(); i++) {
      EmploymentEntry employment = employments.get(i);
      todo.add(
          new FollowUp(
              "employment:" + i,
              () -> asUser.addEmployment(id, employment),
              since -> readBack.employments(id, employment, since),
              (int) employments.subList(0, i).stream().filter(employment::equals).count()));
    }
  }
}
