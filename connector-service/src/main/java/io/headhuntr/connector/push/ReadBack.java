package io.headhuntr.connector.push;

import io.headhuntr.connector.greenhouse.FileEntry;
import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.NoteEntry;
import io.headhuntr.connector.greenhouse.Person;
import io.headhuntr.connector.greenhouse.PersonNote;
import java.time.Instant;
import java.util.Optional;

/**
 * After a follow-up write was sent and no answer came: looks in Greenhouse whether it applied, so
 * it is sent again only when it did not. Greenhouse has no idempotency keys; what identifies our
 * write is its content, its author and that it appeared after it was sent ({@code since}, which the
 * caller sets a little before the send to allow for clock skew). Each answer is a count, so a push
 * carrying two identical notes can tell whether its second one applied.
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

  private static boolean same(String stored, String sent) {
    return stored != null && stored.strip().equals(sent.strip());
  }

  /** Greenhouse may leave a time out; without one the match on content decides. */
  private static boolean after(Optional<Instant> at, Instant since) {
    return at.isEmpty() || !at.get().isBefore(since);
  }
}
