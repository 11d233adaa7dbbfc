package io.headhuntr.connector.users;

import io.headhuntr.connector.api.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads an uploaded .xlsx, .xls or .csv file into text tables, telling the format from the bytes
 * (the file name is only a hint for the error message). An .xlsx is streamed ({@link
 * XlsxStreamReader}); every format is held to the same {@link Limits}.
 */
public final class SpreadsheetReader {

  private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
  private static final byte[] OLE2 = {
    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
  };

  private SpreadsheetReader() {}

  /**
   * What an upload may hold. Greenhouse's user export has one sheet, one row per user and about
   * fifteen columns; these leave ample room for the largest customers while a crafted file (a zip
   * bomb, a million rows, a megabyte cell) is refused early with a 422 naming the limit.
   */
  static final class Limits {
    static final int MAX_SHEETS = 20;
    static final int MAX_ROWS = 50_000;
    static final int MAX_COLUMNS = 200;
    static final int MAX_CELL_CHARS = 2_000;

    /** The largest unpacked part of an .xlsx (a sheet's XML, the shared strings). */
    static final long MAX_UNPACKED_BYTES = 40L * 1024 * 1024;

    private Limits() {}

    static ProblemException tooMany(String what, int limit, String fix) {
      return ProblemException.invalid(
          "file",
          "the file has more than "
              + String.format("%,d", limit)
              + " "
              + what
              + " (a Greenhouse user export has far fewer): "
              + fix
              + ", or export the users again");
    }

    static void checkCell(String text, String where) {
      if (text.length() > MAX_CELL_CHARS) {
        throw ProblemException.invalid(
            "file",
            "a cell"
                + (where == null ? "" : " (" + where + ")")
                + " holds more than "
                + String.format("%,d", MAX_CELL_CHARS)
                + " characters: this is not a Greenhouse user export");
      }
    }
  }

  /** Every sheet of the file (one for a CSV); a file that is not a spreadsheet is a 422. */
  public static List<SpreadsheetTable> read(byte[] bytes, String fileName) {
    if (bytes.length == 0) {
      throw notASpreadsheet(fileName, "the file is empty");
    }
    if (startsWith(bytes, ZIP)) {
      return readXlsx(bytes, fileName);
    }
    if (startsWith(bytes, OLE2)) {
      return readWorkbook(bytes, "xls", fileName);
    }
    return List.of(readCsv(decodeText(bytes, fileName)));
  }

  private static List<SpreadsheetTable> readXlsx(byte[] bytes, String fileName) {
    try {
      return XlsxStreamReader.read(bytes);
    } catch (ProblemException limit) {
      throw limit;
    } catch (IOException | RuntimeException e) {
      if (unpacksTooLarge(e)) {
        throw ProblemException.invalid(
            "file",
            "the .xlsx unpacks to far more than its size (over "
                + Limits.MAX_UNPACKED_BYTES / (1024 * 1024)
                + " MB in one part, or over 100 times compressed): this is not a Greenhouse user"
                + " export; export the users again");
      }
      throw notASpreadsheet(fileName, "it looks like a xlsx file but cannot be opened");
    }
  }

  private static boolean unpacksTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains("Zip bomb") || message.contains("max entry size")) {
        return true;
      }
    }
    return false;
  }

  /**
   * An .xls (the old binary format) through POI's workbook model: it is not compressed, so the
   * upload limit bounds it; rows, columns and cells are held to the same limits.
   */
  private static List<SpreadsheetTable> readWorkbook(byte[] bytes, String format, String fileName) {
    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
      DataFormatter formatter = new DataFormatter();
      List<SpreadsheetTable> tables = new ArrayList<>();
      if (workbook.getNumberOfSheets() > Limits.MAX_SHEETS) {
        throw Limits.tooMany("sheets", Limits.MAX_SHEETS, "remove the extra sheets");
      }
      for (Sheet sheet : workbook) {
        List<SpreadsheetTable.Row> rows = new ArrayList<>();
        if (sheet.getPhysicalNumberOfRows() > Limits.MAX_ROWS) {
          throw Limits.tooMany("rows", Limits.MAX_ROWS, "split the file");
        }
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
          List<String> cells = new ArrayList<>();
          short last = row.getLastCellNum();
          if (last > Limits.MAX_COLUMNS) {
            throw Limits.tooMany("columns", Limits.MAX_COLUMNS, "remove the extra columns");
          }
          for (int c = 0; c < last; c++) {
            String text = text(row.getCell(c), formatter);
            Limits.checkCell(text, null);
            cells.add(text);
          }
          addIfNotBlank(rows, row.getRowNum() + 1, cells);
        }
        tables.add(new SpreadsheetTable(format, sheet.getSheetName(), rows));
      }
      return tables;
    } catch (EncryptedDocumentException e) {
      throw ProblemException.invalid(
          "file", "the spreadsheet is password-protected: export it again without a password");
    } catch (ProblemException limit) {
      throw limit;
    } catch (IOException | RuntimeException e) {
      // POI signals a damaged or foreign file with a variety of runtime exceptions
      throw notASpreadsheet(fileName, "it looks like a " + format + " file but cannot be opened");
    }
  }

  private static String text(Cell cell, DataFormatter formatter) {
    if (cell == null) {
      return "";
    }
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    if (type == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
      double value = cell.getNumericCellValue();
      // ids are stored as numbers: 4280249007 must not come out as "4.28E+09"
      if (value == Math.rint(value) && Math.abs(value) < 9.0e15) {
        return Long.toString((long) value);
      }
      return Double.toString(value);
    }
    if (type == CellType.STRING) {
      return cell.getStringCellValue().trim();
    }
    if (type == CellType.BOOLEAN) {
      return Boolean.toString(cell.getBooleanCellValue());
    }
    if (type == CellType.ERROR) {
      return "";
    }
    return formatter.formatCellValue(cell).trim();
  }

  private static String decodeText(byte[] bytes, String fileName) {
    if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }
    if (bytes.length >= 2 && (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    }
    for (byte b : bytes) {
      if (b == 0) {
        throw notASpreadsheet(fileName, "it is a binary file, not .xlsx, .xls or .csv");
      }
    }
    String text;
    try {
      text = strict(StandardCharsets.UTF_8, bytes);
    } catch (CharacterCodingException e) {
      // Excel on Windows saves "CSV" in the ANSI code page
      text = new String(bytes, Charset.forName("windows-1252"));
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String strict(Charset charset, byte[] bytes) throws CharacterCodingException {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static SpreadsheetTable readCsv(String text) {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter(text))
            .setIgnoreSurroundingSpaces(true)
            .get();
    List<SpreadsheetTable.Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      for (CSVRecord record : parser) {
        if (record.getRecordNumber() > Limits.MAX_ROWS) {
          throw Limits.tooMany("rows", Limits.MAX_ROWS, "split the file");
        }
        if (record.size() > Limits.MAX_COLUMNS) {
          throw Limits.tooMany("columns", Limits.MAX_COLUMNS, "remove the extra columns");
        }
        List<String> cells = new ArrayList<>();
        record.forEach(value -> cells.add(value.trim()));
        cells.forEach(cell -> Limits.checkCell(cell, "row " + record.getRecordNumber()));
        addIfNotBlank(rows, (int) record.getRecordNumber(), cells);
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw ProblemException.invalid(
          "file", "the CSV file cannot be read: " + e.getMessage() + " (check its quotes)");
    }
    return new SpreadsheetTable("csv", "csv", rows);
  }

  /**
   * The most frequent of comma, semicolon and tab in the first line (Excel uses ';' in some
   * locales).
   */
  private static char delimiter(String text) {
    int end = text.indexOf('\n');
    String first = end < 0 ? text : text.substring(0, end);
    char best = ',';
    long bestCount = first.chars().filter(ch -> ch == ',').count();
    for (char candidate : new char[] {';', '\t'}) {
      long count = first.chars().filter(ch -> ch == candidate).count();
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    return best;
  }

  static void addIfNotBlank(List<SpreadsheetTable.Row> rows, int number, List<String> cells) {
    if (cells.stream().anyMatch(c -> !c.isEmpty())) {
      rows.add(new SpreadsheetTable.Row(number, List.copyOf(cells)));
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] magic) {
    if (bytes.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (bytes[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static ProblemException notASpreadsheet(String fileName, String why) {
    String name = fileName == null || fileName.isBlank() ? "the upload" : "'" + fileName + "'";
    return ProblemException.invalid(
        "file",
        name
            + " is not a spreadsheet ("
            + why
            + "): upload Greenhouse's user export (Configure > Users > Export to Excel) as .xlsx,"
            + " .xls or .csv");
  }
}
