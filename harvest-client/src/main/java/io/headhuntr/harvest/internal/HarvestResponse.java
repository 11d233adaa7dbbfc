package io.headhuntr.harvest.internal;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP answer, any status: a non-2xx answer is data until the resource layer turns it into an
 * exception.
 */
public record HarvestResponse(int status, HttpHeaders headers, byte[] body) {

  public HarvestResponse {
    body = body == null ? new byte[0] : body;
  }

  /**
   * A response built in code (tests, interceptors); header names are matched case-insensitively.
   */
  public static HarvestResponse of(int status, Map<String, List<String>> headers, byte[] body) {
    return new HarvestResponse(status, HttpHeaders.of(headers, (name, value) -> true), body);
  }

  /** The first value of a header, whatever the case of its name on the wire. */
  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  @Override
  public String toString() {
    return "HarvestResponse[" + status + ", " + body.length + " bytes]";
  }
}
