package io.headhuntr.harvest.v3;

import java.util.Objects;

/** The access and refresh token one partner token answer gave; both print redacted. */
public record TokenPair(AccessToken accessToken, RefreshToken refreshToken) {
  public TokenPair {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(refreshToken, "refreshToken");
  }
}
