package io.headhuntr.connector.users;

import java.util.List;

/**
 * One sheet of an uploaded spreadsheet as text cells, whatever the file format was.
 *
 * @param format {@code xlsx}, {@code xls} or {@code csv}
 * @param sheetName the sheet's name ({@code csv} for a CSV file)
 * @param rows the non-empty rows, each with its 1-based row number as a spreadsheet shows it
 */
public record SpreadsheetTable(String format, String sheetName, List<Row> rows) {

  /** One row: its number as the admin sees it, and its cells left to right ("" when empty). */
  public record Row(int number, List<String> cells) {
    public String cell(int column) {
      return column < cells.size() ? cells.get(column) : "";
    }
  }
}
