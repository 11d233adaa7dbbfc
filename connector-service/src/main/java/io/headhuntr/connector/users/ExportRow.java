package io.headhuntr.connector.users;

import java.util.List;

/**
 * One usable row of Greenhouse's user export.
 *
 * @param row the row number as the spreadsheet shows it
 * @param disabled true when the export says the user is deactivated (when it has such a column)
 */
public record ExportRow(
    int row,
    long greenhouseUserId,
    String email,
    List<String> secondaryEmails,
    String name,
    boolean disabled) {}
