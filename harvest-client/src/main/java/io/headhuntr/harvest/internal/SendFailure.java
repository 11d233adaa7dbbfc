package io.headhuntr.harvest.internal;

import java.io.IOException;

/** An I/O failure of one call, telling whether the request may have reached Greenhouse. */
public final class SendFailure extends IOException {
  private final boolean mayHaveBeenSent;

  public SendFailure(String what, boolean mayHaveBeenSent, Throwable cause) {
    super(what, cause);
    this.mayHaveBeenSent = mayHaveBeenSent;
  }

  /** False only when the connection was never made, so nothing can have been applied. */
  public boolean mayHaveBeenSent() {
    return mayHaveBeenSent;
  }
}
