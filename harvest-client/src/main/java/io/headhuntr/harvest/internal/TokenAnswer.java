package io.headhuntr.harvest.internal;

import io.headhuntr.harvest.v3.AccessToken;
import io.headhuntr.harvest.v3.RefreshToken;
import java.time.Instant;
import java.util.Optional;

/**
 * One successful token answer: the access token, the refresh token of the partner grants, and when
 * it arrived (to decide when to refresh).
 */
record TokenAnswer(
    AccessToken accessToken, Optional<RefreshToken> refreshToken, Instant receivedAt) {}
