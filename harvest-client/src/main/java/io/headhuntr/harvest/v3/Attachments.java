package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/**
 * Attachments, read side ({@code GET /v3/attachments}). Writes are on {@link ActingAttachments}.
 */
public class Attachments extends ResourceReads<Attachment, NoteOrAttachmentQuery> {
  Attachments(V3Transport transport) {
    super(transport, "/v3/attachments", Attachment.class, Attachment::id);
  }
}
