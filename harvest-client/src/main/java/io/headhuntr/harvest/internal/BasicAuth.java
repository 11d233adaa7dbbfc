package io.headhuntr.harvest.internal;

import io.headhuntr.harvest.HarvestApiKey;
import java.io.IOException;

/** Adds {@code Authorization: Basic base64(key + ":")}: the key as user name, an empty password. */
public final class BasicAuth implements Interceptor {
  private final HarvestApiKey key;

  public BasicAuth(HarvestApiKey key) {
    this.key = key;
  }

  @Override
  public HarvestResponse intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().withHeader("Authorization", key.basicAuthorization()));
  }
}
