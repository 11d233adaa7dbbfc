package io.headhuntr.connector.users;

import io.headhuntr.connector.api.ProblemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the columns of Greenhouse's user export by their header names (case, spaces and punctuation
 * ignored; extra columns ignored) and turns its rows into {@link ExportRow}s.
 *
 * <p>Greenhouse's export is documented only as "a spreadsheet with a User ID column", so the header
 * names accepted are deliberately lenient: {@code User ID} or {@code Id}; {@code Email}, {@code
 * Primary Email} or {@code Email Address}; {@code Secondary Emails}; {@code Name} or {@code First
 * Name} + {@code Last Name}; {@code Status} or {@code Disabled}.
 */
public final class UserExportParser {

  static final List<String> ID_HEADERS =
      List.of("userid", "greenhouseuserid", "atsid", "greenhouseid", "id");
  static final List<String> EMAIL_HEADERS =
      List.of("email", "primaryemail", "primaryemailaddress", "emailaddress", "workemail");
  static final List<String> SECONDARY_HEADERS =
      List.of(
          "secondaryemails",
          "secondaryemail",
          "otheremails",
          "additionalemails",
          "alternateemails",
          "secondaryemailaddresses");
  static final List<String> NAME_HEADERS = List.of("name", "fullname", "username");
  static final List<String> STATUS_HEADERS = List.of("status", "userstatus", "disabled");

  private static final int HEADER_SEARCH_ROWS = 20;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
  private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");

  private UserExportParser() {}

  /** Reads the first sheet that has a User ID and an Email column; neither anywhere is a 422. */
  public static UserExport parse(List<SpreadsheetTable> tables) {
    boolean sawEmailOnly = false;
    boolean sawIdOnly = false;
    for (SpreadsheetTable table : tables) {
      List<SpreadsheetTable.Row> rows = table.rows();
      for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, rows.size()); i++) {
        Map<String, Integer> header = headerIndex(rows.get(i));
        Optional<Integer> id = find(header, ID_HEADERS);
        Optional<Integer> email = find(header, EMAIL_HEADERS);
        if (id.isPresent() && email.isPresent()) {
          return readRows(table, i, rows.get(i), header, id.get(), email.get());
        }
        sawEmailOnly |= email.isPresent();
        sawIdOnly |= id.isPresent();
      }
    }
    if (sawEmailOnly) {
      throw ProblemException.invalid(
          "file",
          "the spreadsheet has no User ID column: export the users again from Greenhouse"
              + " (Configure > Users > Export to Excel), or add a column headed 'User ID' with each"
              + " user's Greenhouse id");
    }
    if (sawIdOnly) {
      throw ProblemException.invalid(
          "file",
          "the spreadsheet has no Email column: users are matched by email, so keep the export's"
              + " 'Email' column");
    }
    throw ProblemException.invalid(
        "file",
        "no header row with 'User ID' and 'Email' columns found in the first "
            + HEADER_SEARCH_ROWS
            + " rows: is this Greenhouse's user export (Configure > Users > Export to Excel)?");
  }

  private static UserExport readRows(
      SpreadsheetTable table,
      int headerAt,
      SpreadsheetTable.Row headerRow,
      Map<String, Integer> header,
      int idColumn,
      int emailColumn) {
    Optional<Integer> secondary = find(header, SECONDARY_HEADERS);
    Optional<Integer> name = find(header, NAME_HEADERS);
    Optional<Integer> first = find(header, List.of("firstname", "givenname"));
    Optional<Integer> last = find(header, List.of("lastname", "surname", "familyname"));
    Optional<Integer> status = find(header, STATUS_HEADERS);
    String idLabel = headerRow.cell(idColumn);
    String emailLabel = headerRow.cell(emailColumn);
    List<ExportRow> good = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    for (SpreadsheetTable.Row row : table.rows().subList(headerAt + 1, table.rows().size())) {
      String idText = row.cell(idColumn);
      String email = row.cell(emailColumn);
      int before = errors.size();
      long id = 0;
      if (idText.isEmpty()) {
        errors.add(
            new RowError(
                row.number(), idLabel, "User ID is empty: fill in the user's Greenhouse id"));
      } else {
        try {
          id = Long.parseLong(idText);
          if (id <= 0) {
            throw new NumberFormatException();
          }
        } catch (NumberFormatException e) {
          errors.add(
              new RowError(
                  row.number(),
                  idLabel,
                  "User ID '" + idText + "' is not a Greenhouse id (a positive whole number)"));
        }
      }
      if (email.isEmpty()) {
        errors.add(
            new RowError(row.number(), emailLabel, "Email is empty: users are matched by email"));
      } else if (!EMAIL.matcher(email).matches()) {
        errors.add(
            new RowError(row.number(), emailLabel, "'" + email + "' is not an email address"));
      }
      if (errors.size() > before) {
        continue;
      }
      List<String> others =
          secondary
              .map(c -> Arrays.stream(SEPARATORS.split(row.cell(c))))
              .orElseGet(java.util.stream.Stream::empty)
              .filter(e -> !e.isEmpty() && EMAIL.matcher(e).matches())
              .toList();
      good.add(
          new ExportRow(
              row.number(),
              id,
              email,
              others,
              nameOf(row, name, first, last),
              status.map(c -> isDisabled(row.cell(c))).orElse(false)));
    }
    return new UserExport(table.format(), table.sheetName(), good, errors);
  }

  private static String nameOf(
      SpreadsheetTable.Row row,
      Optional<Integer> name,
      Optional<Integer> first,
      Optional<Integer> last) {
    if (name.isPresent() && !row.cell(name.get()).isEmpty()) {
      return row.cell(name.get());
    }
    String joined = (first.map(row::cell).orElse("") + " " + last.map(row::cell).orElse("")).trim();
    return joined.isEmpty() ? null : joined;
  }

  private static boolean isDisabled(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    return v.equals("disabled")
        || v.equals("deactivated")
        || v.equals("inactive")
        || v.equals("true")
        || v.equals("yes");
  }

  private static Map<String, Integer> headerIndex(SpreadsheetTable.Row row) {
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < row.cells().size(); c++) {
      index.putIfAbsent(normalize(row.cell(c)), c);
    }
    return index;
  }

  private static Optional<Integer> find(Map<String, Integer> header, List<String> names) {
    return names.stream().filter(header::containsKey).map(header::get).findFirst();
  }

  static String normalize(String header) {
    return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
