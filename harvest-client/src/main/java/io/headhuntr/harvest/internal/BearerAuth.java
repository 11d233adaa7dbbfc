package io.headhuntr.harvest.internal;

import io.headhuntr.harvest.v3.AccessToken;
import io.headhuntr.harvest.v3.Actor;
import java.io.IOException;

/**
 * Adds {@code Authorization: Bearer <token>} for the request's actor (its {@code actingUser} as
 * {@code sub}, else the credential's own token). On a 401 it renews the token once and sends the
 * request once more: a 401 means Greenhouse applied nothing, so even a write may go again.
 */
final class BearerAuth implements Interceptor {
  private final BearerTokens tokens;

  BearerAuth(BearerTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public HarvestResponse intercept(Chain chain) throws IOException {
    HarvestRequest request = chain.request();
    Actor actor =
        request.actingUser() == null ? Actor.credential() : Actor.user(request.actingUser());
    AccessToken token = tokens.token(actor);
    HarvestResponse response =
        chain.proceed(request.withHeader("Authorization", token.bearerAuthorization()));
    if (response.status() != 401) {
      return response;
    }
    AccessToken renewed = tokens.renew(actor, token);
    return chain.proceed(request.withHeader("Authorization", renewed.bearerAuthorization()));
  }
}
