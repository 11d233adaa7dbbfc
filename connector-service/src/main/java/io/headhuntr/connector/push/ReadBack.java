package io.headhuntr.connector.push;

import io.headhuntr.harvest.Attachment;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.NewAttachment;
import io.headhuntr.harvest.NewNote;
import io.headhuntr.harvest.Note;
import java.time.Instant;

/**
 * After a follow-up write was sent and no answer came: looks in Greenhouse whether it applied, so
 * it is sent again only when it did not. Greenhouse has no idempotency keys; what identifies our
 * write is its content, its author and that it appeared after it was sent ({@code since}, which the
 * caller sets a little before the send to allow for clock skew). Each answer is a count, so a push
 * carrying two identical notes can tell whether its second one applied.
 */
final class ReadBack {
  private final HarvestClient client;
  private final CallRecorder calls;

  ReadBack(HarvestClient client, CallRecorder calls) {
    this.client = client;
    this.calls = calls;
  }

  /** How many notes with the same body by the same author the candidate's feed shows. */
  int notes(long candidateId, NewNote note, Instant since) {
    var feed =
        calls.call(
            "GET",
            "/v1/candidates/" + candidateId + "/activity_feed",
            () -> client.candidates().activityFeed(candidateId));
    int found = 0;
    for (Note n : feed.notes()) {
      boolean sameAuthor = n.user() == null || n.user().id() == note.userId();
      if (sameAuthor && same(n.body(), note.body()) && after(n.createdAt(), since)) {
        found++;
      }
    }
    return found;
  }

  /** How many files with the same name and type the candidate has. */
  int attachments(long candidateId, NewAttachment file, Instant since) {
    var candidate =
        calls.call(
            "GET", "/v1/candidates/" + candidateId, () -> client.candidates().get(candidateId));
    int found = 0;
    for (Attachment a : candidate.attachments()) {
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
  private static boolean after(Instant at, Instant since) {
    return at == null || !at.isBefore(since);
  }
}
