package io.headhuntr.sandbox.store;

/**
 * An employment entry; dates are epoch millis, endDate 0 for a current job; createdAt 0 when
 * unknown (seeded entries).
 */
public record Employment(
    long id, String companyName, String title, long startDate, long endDate, long createdAt) {

  public Employment(long id, String companyName, String title, long startDate, long endDate) {
    this(id, companyName, title, startDate, endDate, 0);
  }
}
