package io.headhuntr.harvest;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the client knows about its credential's rate budget: the last {@code X-RateLimit-Limit} and
 * {@code X-RateLimit-Remaining} seen (empty before the first answer), and when a 429 lets calls go
 * again.
 */
public record RateLimitStatus(
    OptionalInt limit, OptionalInt remaining, Optional<Instant> blockedUntil) {}
