package io.headhuntr.connector.push;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;

/**
 * Forgets what a finished push was asked to send once it is no longer needed: the files of its
 * attachments after the attachment retention (the file name and type stay), the whole request
 * (person, notes, files) after the retention. The push itself (status, Greenhouse ids, outcome,
 * calls) is kept. A push still queued or running keeps everything.
 */
public final class PushRetention {
  private final Jdbi jdbi;

  public PushRetention(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Removes the base64 content of the attachments of pushes finished before {@code before}. */
  public int dropAttachmentFilesBefore(Instant before) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "update pushes set request = jsonb_set(request, '{attachments}', (select"
                        + " coalesce(jsonb_agg(a - 'content' || jsonb_build_object('content_forgotten',"
                        + " true)), '[]') from jsonb_array_elements(request -> 'attachments') a))"
                        + " where status in ('done', 'failed') and finished_at < :before and"
                        + " jsonb_path_exists(request, '$.attachments[*].content')")
                .bind("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                .execute());
  }

  /** Forgets the whole request of pushes finished before {@code before}. */
  public int forgetRequestsBefore(Instant before) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "update pushes set request = jsonb_build_object('forgotten',"
                        + " 'retention period over') where status in ('done', 'failed') and"
                        + " finished_at < :before and request -> 'person' is not null")
                .bind("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                .execute());
  }
}
