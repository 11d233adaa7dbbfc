package io.headhuntr.connector.users;

import java.util.List;

/** Greenhouse's user export as read: the usable rows and the rows that could not be used. */
public record UserExport(
    String format, String sheet, List<ExportRow> rows, List<RowError> errors) {}
