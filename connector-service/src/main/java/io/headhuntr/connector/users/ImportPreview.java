package io.headhuntr.connector.users;

import java.util.List;

/**
 * What an uploaded user export would map, for an admin to review; nothing is saved until the
 * reviewed {@link #mappings} are sent to {@code PUT .../user-mappings}. Users the export marks as
 * disabled are matched but not proposed (Greenhouse refuses writes on their behalf).
 */
public record ImportPreview(
    String format,
    String sheet,
    int rowsRead,
    List<Match> matched,
    List<PlatformUser> unmatched,
    List<Ambiguity> ambiguous,
    List<RowError> errors,
    List<String> warnings,
    List<ProposedMapping> mappings) {

  /** A platform user found in the export by email. */
  public record Match(
      String platformUserId,
      String email,
      String name,
      long greenhouseUserId,
      String greenhouseName,
      String matchedBy,
      int row,
      boolean disabledInExport) {}

  /**
   * An email that leads to more than one row of the export; the platform user (when one has this
   * email) is left for the admin to map by hand.
   */
  public record Ambiguity(
      String email,
      String platformUserId,
      List<Long> greenhouseUserIds,
      List<Integer> rows,
      String message) {}

  /** A row of the body {@code PUT .../user-mappings} takes. */
  public record ProposedMapping(String platformUserId, long greenhouseUserId) {}
}
