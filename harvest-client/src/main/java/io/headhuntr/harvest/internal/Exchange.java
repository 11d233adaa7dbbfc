package io.headhuntr.harvest.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.harvest.HarvestTransportException;
import java.io.IOException;
import java.util.List;

/**
 * One call through an interceptor chain and the reading of its answer, shared by the v1 and v3
 * transports: no answer becomes {@link HarvestTransportException} (saying whether a write may have
 * applied), a non-2xx answer becomes the typed exception, a 2xx body that is not the expected JSON
 * is a transport failure (applied, for a write).
 */
final class Exchange {
  private Exchange() {}

  static HarvestResponse execute(
      List<Interceptor> interceptors, HarvestRequest request, RateLimitPacer pacer) {
    HarvestResponse response;
    try {
      response = new InterceptorChain(interceptors, 0, request).proceed(request);
    } catch (IOException e) {
      boolean mayHaveApplied =
          request.isWrite() && (!(e instanceof SendFailure failure) || failure.mayHaveBeenSent());
      String what =
          e instanceof SendFailure
              ? e.getMessage()
              : "I/O failure (" + e.getClass().getSimpleName() + ").";
      throw new HarvestTransportException(
          request.method(), request.path(), mayHaveApplied, what, e);
    }
    if (!response.isSuccessful()) {
      throw ErrorMapper.toException(request, response, pacer.retryAfter(response));
    }
    return response;
  }

  static <T> T read(
      ObjectMapper json, HarvestResponse response, JavaType type, HarvestRequest request) {
    try {
      return response.body().length == 0 ? null : json.readValue(response.body(), type);
    } catch (IOException e) {
      throw new HarvestTransportException(
          request.method(),
          request.path(),
          // A write that got a 2xx was applied, even if its answer cannot be read.
          request.isWrite(),
          "Greenhouse answered "
              + response.status()
              + " with a body that is not the expected JSON ("
              + e.getClass().getSimpleName()
              + ").",
          null);
    }
  }
}
