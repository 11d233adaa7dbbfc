package io.headhuntr.connector.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headhuntr.connector.api.ProblemException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A crafted upload cannot exhaust memory or disk: an .xlsx is streamed, and every format is held to
 * limits on unpacked size, rows, columns and cell length, each refused with a 422 naming the file
 * and the limit, while a real export of the same shape reads as before.
 */
class SpreadsheetLimitsTest {

  @Test
  void an_xlsx_with_more_rows_than_any_export_is_refused_naming_the_limit() throws IOException {
    byte[] xlsx = streamedXlsx(60_000, 2);
    assertThat(xlsx.length).as("well under the 5 MB upload limit").isLessThan(5_000_000);

    assertThatThrownBy(() -> SpreadsheetReader.read(xlsx, "users.xlsx"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("more than 50,000 rows");
  }

  @Test
  void an_xlsx_that_unpacks_to_gigabytes_is_refused_before_it_is_unpacked() throws IOException {
    byte[] bomb = withPaddedSheet(streamedXlsx(3, 2), 200L * 1024 * 1024);
    assertThat(bomb.length).as("a small upload").isLessThan(1_000_000);
    long heapBefore = usedHeap();

    assertThatThrownBy(() -> SpreadsheetReader.read(bomb, "users.xlsx"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("unpacks to far more than its size");
    assertThat(usedHeap() - heapBefore)
        .as("the 200 MB sheet was never held in memory")
        .isLessThan(100L * 1024 * 1024);
  }

  @Test
  void an_xlsx_with_too_many_columns_or_a_huge_cell_is_refused() throws IOException {
    assertThatThrownBy(() -> SpreadsheetReader.read(streamedXlsx(2, 300), "users.xlsx"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("more than 200 columns");
    byte[] hugeCell =
        ExportFiles.xlsx(List.of(List.of("User ID", "Email"), List.of(1, "a".repeat(3_000))));
    assertThatThrownBy(() -> SpreadsheetReader.read(hugeCell, "users.xlsx"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("more than 2,000 characters");
  }

  @Test
  void a_csv_is_held_to_the_same_limits() {
    StringBuilder rows = new StringBuilder("User ID,Email\n");
    for (int i = 0; i < 50_001; i++) {
      rows.append(i).append(",u").append(i).append("@x.example\n");
    }
    assertThatThrownBy(
            () -> SpreadsheetReader.read(rows.toString().getBytes(StandardCharsets.UTF_8), "u.csv"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("more than 50,000 rows");
    String cell = "User ID,Email\n1," + "b".repeat(2_001) + "\n";
    assertThatThrownBy(() -> SpreadsheetReader.read(cell.getBytes(StandardCharsets.UTF_8), "u.csv"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("row 2");
  }

  @Test
  void a_streamed_xlsx_within_the_limits_reads_whole_ids_and_every_row() throws IOException {
    List<SpreadsheetTable> tables = SpreadsheetReader.read(streamedXlsx(5_000, 3), "users.xlsx");

    assertThat(tables).hasSize(1);
    assertThat(tables.get(0).rows()).hasSize(5_000);
    assertThat(tables.get(0).rows().get(4_999).cells())
        .containsExactly("4280254006", "user4999@example.com", "x");
  }

  /** An export-like sheet: a whole-number id, an email, then filler columns. */
  private static byte[] streamedXlsx(int rows, int columns) throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
      var sheet = workbook.createSheet("Users");
      for (int r = 0; r < rows; r++) {
        var row = sheet.createRow(r);
        row.createCell(0).setCellValue(4_280_249_007d + r);
        if (columns > 1) {
          row.createCell(1).setCellValue("user" + r + "@example.com");
        }
        for (int c = 2; c < columns; c++) {
          row.createCell(c).setCellValue("x");
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    }
  }

  /** The same package with {@code padding} bytes of whitespace inside the first sheet's XML. */
  private static byte[] withPaddedSheet(byte[] xlsx, long padding) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    java.nio.file.Path source = java.nio.file.Files.createTempFile("padded", ".xlsx");
    java.nio.file.Files.write(source, xlsx);
    try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(source.toFile());
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setLevel(9);
      for (ZipEntry entry : java.util.Collections.list(in.entries())) {
        byte[] content;
        try (var entryIn = in.getInputStream(entry)) {
          content = entryIn.readAllBytes();
        }
        zip.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
          String xml = new String(content, StandardCharsets.UTF_8);
          int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
          zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
          byte[] spaces = new byte[1 << 20];
          java.util.Arrays.fill(spaces, (byte) ' ');
          for (long written = 0; written < padding; written += spaces.length) {
            zip.write(spaces);
          }
          zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
        } else {
          zip.write(content);
        }
        zip.closeEntry();
      }
    } finally {
      java.nio.file.Files.deleteIfExists(source);
    }
    return out.toByteArray();
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
