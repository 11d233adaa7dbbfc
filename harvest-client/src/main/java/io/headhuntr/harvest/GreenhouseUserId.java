package io.headhuntr.harvest;

/** The numeric id of a Greenhouse user; it is the value of {@code On-Behalf-Of} on every write. */
public record GreenhouseUserId(long value) {
  public GreenhouseUserId {
    if (value <= 0) {
      throw new IllegalArgumentException("a Greenhouse user id is a positive number, got " + value);
    }
  }

  public static GreenhouseUserId of(long value) {
    return new GreenhouseUserId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
