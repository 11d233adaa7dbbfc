package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/** Notes, read side ({@code GET /v3/notes}). Writes are on {@link ActingNotes}. */
public class Notes extends ResourceReads<Note, NoteOrAttachmentQuery> {
  Notes(V3Transport transport) {
    super(transport, "/v3/notes", Note.class, Note::id);
  }
}
