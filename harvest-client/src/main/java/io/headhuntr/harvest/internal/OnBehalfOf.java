package io.headhuntr.harvest.internal;

import java.io.IOException;

/**
 * Adds {@code On-Behalf-Of: <user id>} to every write and to nothing else; refuses, before sending,
 * a write that has no acting user.
 */
public final class OnBehalfOf implements Interceptor {
  public static final String HEADER = "On-Behalf-Of";

  @Override
  public HarvestResponse intercept(Chain chain) throws IOException {
    HarvestRequest request = chain.request();
    if (!request.isWrite()) {
      return chain.proceed(request.withoutHeader(HEADER));
    }
    if (request.actingUser() == null) {
      throw new IllegalStateException(
          request.method()
              + " "
              + request.path()
              + " needs an acting Greenhouse user: use harvest.onBehalfOf(userId)");
    }
    return chain.proceed(request.withHeader(HEADER, Long.toString(request.actingUser().value())));
  }
}
