package io.headhuntr.connector.credentials;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The probe result of one permission.
 *
 * @param status {@code granted}, {@code missing} or {@code unknown}
 * @param tick what to tick in Greenhouse (Manage Permissions), e.g. {@code "Candidates > POST: Add
 *     Candidate"}
 * @param detail how the status was decided (the probe and Greenhouse's answer)
 * @param scope for a Harvest v3 credential, the scope(s) the permission maps to (space separated);
 *     null (left out of the JSON) for a v1 API key
 */
public record PermissionCheck(
    String group,
    String permission,
    String tick,
    boolean required,
    String status,
    String limits,
    String probe,
    String detail,
    @JsonInclude(JsonInclude.Include.NON_NULL) String scope) {
  public static final String GRANTED = "granted";
  public static final String MISSING = "missing";
  public static final String UNKNOWN = "unknown";
}
