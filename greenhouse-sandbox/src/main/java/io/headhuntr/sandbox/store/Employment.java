package io.headhuntr.sandbox.store;

/** An employment entry; dates are epoch millis, endDate 0 for a current job. */
public record Employment(long id, String companyName, String title, long startDate, long endDate) {}
