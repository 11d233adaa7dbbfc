package io.headhuntr.harvest;

/**
 * No usable answer came (connect failure, timeout, dropped connection). When {@link
 * #mayHaveApplied()} is true a write was sent and may have taken effect: look the record up (e.g.
 * the candidate by e-mail) before creating again.
 */
public final class HarvestTransportException extends HarvestException {
  private final boolean mayHaveApplied;

  public HarvestTransportException(
      String method, String path, boolean mayHaveApplied, String what, Throwable cause) {
    super(
        method,
        path,
        0,
        describe(
            method,
            path,
            0,
            null,
            what
                + (mayHaveApplied
                    ? " AMBIGUOUS: the request was sent and may have been applied; look it up before sending it"
                        + " again."
                    : " The request was not applied; it is safe to try again.")),
        cause);
    this.mayHaveApplied = mayHaveApplied;
  }

  /** True when a write was sent and no answer came: Greenhouse may have applied it. */
  public boolean mayHaveApplied() {
    return mayHaveApplied;
  }
}
