package io.headhuntr.harvest;

/** HTTP 5xx: Greenhouse failed; reads were already retried, so try later (status.greenhouse.io). */
public final class HarvestServerException extends HarvestException {
  public HarvestServerException(String method, String path, int status, String greenhouseMessage) {
    super(
        method,
        path,
        status,
        describe(
            method,
            path,
            status,
            greenhouseMessage,
            "Greenhouse failed; try again later (status.greenhouse.io). For large lists, use skip_count=true and"
                + " narrower filters."),
        null);
  }
}
