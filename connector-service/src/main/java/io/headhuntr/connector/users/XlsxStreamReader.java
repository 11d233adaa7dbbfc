package io.headhuntr.connector.users;

import io.headhuntr.connector.api.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an .xlsx as a stream of SAX events (POI's event API), never as a whole workbook in memory,
 * and stops at the first limit it passes: unpacked size per part and compression ratio (zip bombs),
 * sheets, rows, columns and cell length ({@link SpreadsheetReader.Limits}). The upload goes to a
 * temporary file (at most the upload limit) so that parts are read from it lazily; the file is
 * removed before this returns.
 */
final class XlsxStreamReader {

  static {
    // POI's own guards, process-wide (the connector reads no other OOXML): an unpacked part larger
    // than this, or one unpacking to over 100 times its packed size, is refused while reading
    ZipSecureFile.setMaxEntrySize(SpreadsheetReader.Limits.MAX_UNPACKED_BYTES);
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxFileCount(1_000);
  }

  private XlsxStreamReader() {}

  static List<SpreadsheetTable> read(byte[] bytes) throws IOException {
    Path file = Files.createTempFile("user-export", ".xlsx");
    try {
      Files.write(file, bytes);
      try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
        return sheets(pkg);
      } catch (StopUnchecked stop) {
        throw (ProblemException) stop.getCause();
      } catch (OpenXML4JException | SAXException e) {
        throw new IOException(e.getMessage(), e);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static List<SpreadsheetTable> sheets(OPCPackage pkg)
      throws IOException, OpenXML4JException, SAXException {
    XSSFReader reader = new XSSFReader(pkg);
    ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
    XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
    List<SpreadsheetTable> tables = new ArrayList<>();
    while (sheets.hasNext()) {
      if (tables.size() == SpreadsheetReader.Limits.MAX_SHEETS) {
        throw SpreadsheetReader.Limits.tooMany(
            "sheets", SpreadsheetReader.Limits.MAX_SHEETS, "remove the extra sheets");
      }
      try (InputStream sheet = sheets.next()) {
        Rows rows = new Rows();
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(
            new XSSFSheetXMLHandler(
                reader.getStylesTable(), strings, rows, new WholeNumbers(), false));
        xml.parse(new InputSource(sheet));
        tables.add(new SpreadsheetTable("xlsx", sheets.getSheetName(), rows.rows));
      } catch (javax.xml.parsers.ParserConfigurationException e) {
        throw new IOException(e);
      }
    }
    return tables;
  }

  /** Collects the rows of one sheet, refusing past the limits. */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    final List<SpreadsheetTable.Row> rows = new ArrayList<>();
    private List<String> cells = new ArrayList<>();
    private int rowsSeen;

    @Override
    public void startRow(int rowNum) {
      if (++rowsSeen > SpreadsheetReader.Limits.MAX_ROWS) {
        throw new StopUnchecked(
            SpreadsheetReader.Limits.tooMany(
                "rows", SpreadsheetReader.Limits.MAX_ROWS, "split the file"));
      }
      cells = new ArrayList<>();
    }

    @Override
    public void endRow(int rowNum) {
      SpreadsheetReader.addIfNotBlank(rows, rowNum + 1, cells);
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int column = reference == null ? cells.size() : new CellReference(reference).getCol();
      if (column >= SpreadsheetReader.Limits.MAX_COLUMNS) {
        throw new StopUnchecked(
            SpreadsheetReader.Limits.tooMany(
                "columns", SpreadsheetReader.Limits.MAX_COLUMNS, "remove the extra columns"));
      }
      String text = value == null ? "" : value.trim();
      SpreadsheetReader.Limits.checkCell(text, reference);
      while (cells.size() < column) {
        cells.add("");
      }
      cells.add(text);
    }
  }

  /** A limit passed inside the SAX callbacks, which cannot throw checked exceptions. */
  private static final class StopUnchecked extends RuntimeException {
    StopUnchecked(ProblemException problem) {
      super(problem);
    }
  }

  /**
   * Numbers as Greenhouse's ids need them: a whole number in the General format is written out in
   * full (4280249007, never 4.28E+09); everything else as Excel shows it.
   */
  private static final class WholeNumbers extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if ((formatIndex == 0 || "General".equalsIgnoreCase(formatString))
          && value == Math.rint(value)
          && Math.abs(value) < 9.0e15) {
        return Long.toString((long) value);
      }
      return super.formatRawCellContents(value, formatIndex, formatString);
    }
  }
}
