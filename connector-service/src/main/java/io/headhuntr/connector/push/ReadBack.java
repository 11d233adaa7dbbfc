package io.headhuntr.connector.push;

import io.headhuntr.connector.greenhouse.EducationEntry;
import io.headhuntr.connector.greenhouse.EmploymentEntry;
import io.headhuntr.connector.greenhouse.FileEntry;
import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.NoteEntry;
import io.headhuntr.connector.greenhouse.Person;
import io.headhuntr.connector.greenhouse.PersonEducation;
import io.headhuntr.connector.greenhouse.PersonEmployment;
import io.headhuntr.connector.greenhouse.PersonNote;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * After a follow-up write was sent and no answer came: looks in Greenhouse whether it applied, so
 * it is sent again only when it did not. Greenhouse has no idempotency keys; what identifies our
 * write is its content, its author and that it appeared after it was sent ({@code since}, which the
 * caller sets a little before the send to allow for clock skew; a record without a time is matched
 * on content alone). Each answer is a count, so a push carrying two identical notes can tell
 * whether its second one applied.
 */
final class ReadBack {
  private final Greenhouse greenhouse;

  ReadBack(Greenhouse greenhouse) {
    this.greenhouse = greenhouse;
  }

  /** How many notes with the same body by the same author the person's record shows. */
  int notes(long candidateId, NoteEntry note, Instant since) {
    int found = 0;
    for (PersonNote n : greenhouse.notesOf(candidateId)) {
      boolean sameAuthor = n.authorId().isEmpty() || n.authorId().get() == note.authorId();
      if (sameAuthor && same(n.body(), note.body()) && after(n.createdAt(), since)) {
        found++;
      }
    }
    return found;
  }

  /** How many files with the same name and type the person has. */
  int attachments(long candidateId, FileEntry file, Instant since) {
    int found = 0;
    for (Person.File a : greenhouse.person(candidateId).files()) {
      if (file.filename().equals(a.filename())
          && file.type().equals(a.type())
          && after(a.createdAt(), since)) {
        found++;
      }
    }
    return found;
  }

  /**
   * How many educations with the same school, degree, discipline and dates the person has; an id
   * the read does not give (Harvest v1 names them instead) is not compared.
   */
  int educations(long candidateId, EducationEntry education, Instant since) {
    int found = 0;
    for (PersonEducation e : greenhouse.educationsOf(candidateId)) {
      if (sameId(e.schoolId(), education.schoolId())
          && sameId(e.degreeId(), education.degreeId())
          && sameId(e.disciplineId(), education.disciplineId())
          && e.start().equals(education.start().map(ReadBack::day))
          && e.end().equals(education.end().map(ReadBack::day))
          && after(e.createdAt(), since)) {
        found++;
      }
    }
    return found;
  }

  /** How many employments with the same company, title and dates the person has. */
  int employments(long candidateId, EmploymentEntry employment, Instant since) {
    int found = 0;
    for (PersonEmployment e : greenhouse.employmentsOf(candidateId)) {
      if (same(e.companyName(), employment.companyName())
          && same(e.title(), employment.title())
          && e.start().equals(employment.start().map(ReadBack::day))
          && e.end().equals(employment.end().map(ReadBack::day))
          && after(e.createdAt(), since)) {
        found++;
      }
    }
    return found;
  }

  private static boolean sameId(Optional<Long> read, Optional<Long> sent) {
    return read.isEmpty() || read.equals(sent);
  }

  /** Greenhouse keeps dates as days; the push sent the UTC day of its time. */
  private static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  private static boolean same(String stored, String sent) {
    return stored != null && stored.strip().equals(sent.strip());
  }

  /** Greenhouse may leave a time out; without one the match on content decides. */
  private static boolean after(Optional<Instant> at, Instant since) {
    return at.isEmpty() || !at.get().isBefore(since);
  }
}
