package io.headhuntr.connector.users;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds user-export files in the three accepted formats from rows of cells, for tests. */
final class ExportFiles {

  private ExportFiles() {}

  static byte[] xlsx(List<List<Object>> rows) {
    return workbook(new XSSFWorkbook(), rows);
  }

  static byte[] xls(List<List<Object>> rows) {
    return workbook(new HSSFWorkbook(), rows);
  }

  static byte[] csv(List<List<Object>> rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      for (List<Object> row : rows) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] workbook(Workbook workbook, List<List<Object>> rows) {
    try (workbook) {
      Sheet sheet = workbook.createSheet("Users");
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          Object value = rows.get(r).get(c);
          if (value instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
          } else if (value != null) {
            row.createCell(c).setCellValue(value.toString());
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
