package io.headhuntr.harvest.internal;

import java.io.IOException;
import java.util.List;

/**
 * Runs a request through a list of interceptors; the last one must answer without calling {@code
 * proceed}.
 */
final class InterceptorChain implements Interceptor.Chain {
  private final List<Interceptor> interceptors;
  private final int index;
  private final HarvestRequest request;

  InterceptorChain(List<Interceptor> interceptors, int index, HarvestRequest request) {
    this.interceptors = interceptors;
    this.index = index;
    this.request = request;
  }

  @Override
  public HarvestRequest request() {
    return request;
  }

  @Override
  public HarvestResponse proceed(HarvestRequest next) throws IOException {
    if (index >= interceptors.size()) {
      throw new IllegalStateException("the last interceptor must send the request, not proceed");
    }
    if (next.body() != null && !next.isWrite()) {
      throw new IllegalStateException("a GET must not carry a body (Greenhouse answers 403)");
    }
    Interceptor current = interceptors.get(index);
    HarvestResponse response =
        current.intercept(new InterceptorChain(interceptors, index + 1, next));
    if (response == null) {
      throw new IllegalStateException(current.getClass().getSimpleName() + " returned no response");
    }
    return response;
  }
}
