package io.headhuntr.connector.credentials;

/**
 * The probe result of one permission.
 *
 * @param status {@code granted}, {@code missing} or {@code unknown}
 * @param tick what to tick in Greenhouse (Manage Permissions), e.g. {@code "Candidates > POST: Add
 *     Candidate"}
 * @param detail how the status was decided (the probe and Greenhouse's answer)
 */
public record PermissionCheck(
    String group,
    String permission,
    String tick,
    boolean required,
    String status,
    String limits,
    String probe,
    String detail) {
  public static final String GRANTED = "granted";
  public static final String MISSING = "missing";
  public static final String UNKNOWN = "unknown";
}
