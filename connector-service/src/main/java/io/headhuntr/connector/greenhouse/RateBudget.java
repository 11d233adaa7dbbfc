package io.headhuntr.connector.greenhouse;

import java.util.OptionalInt;

/** The tenant's Greenhouse rate limit as last seen: requests per window and those left. */
public record RateBudget(OptionalInt limit, OptionalInt remaining) {
  /** Nothing seen yet. */
  public static RateBudget unknown() {
    return new RateBudget(OptionalInt.empty(), OptionalInt.empty());
  }
}
