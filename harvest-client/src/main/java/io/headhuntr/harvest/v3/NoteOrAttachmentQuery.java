package io.headhuntr.harvest.v3;

import java.util.Collection;
import java.util.Map;

/**
 * Filters for notes and attachments, which belong to a candidate and/or an application. Start with
 * {@link #all()}.
 */
public final class NoteOrAttachmentQuery extends ListQuery<NoteOrAttachmentQuery> {
  private NoteOrAttachmentQuery(Map<String, String> params) {
    super(params);
  }

  /** No filter: every record, {@value ListQuery#DEFAULT_PER_PAGE} per page. */
  public static NoteOrAttachmentQuery all() {
    return new NoteOrAttachmentQuery(Map.of());
  }

  @Override
  NoteOrAttachmentQuery with(Map<String, String> params) {
    return new NoteOrAttachmentQuery(params);
  }

  /** Only the records of these candidates (at most 50). */
  public NoteOrAttachmentQuery candidateIds(Collection<Long> ids) {
    return setIds("candidate_ids", ids);
  }

  /** Only the records of these applications (at most 50). */
  public NoteOrAttachmentQuery applicationIds(Collection<Long> ids) {
    return setIds("application_ids", ids);
  }
}
