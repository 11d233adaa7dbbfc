package io.headhuntr.connector.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headhuntr.connector.api.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserExportParserTest {

  private static final List<List<Object>> EXPORT =
      List.of(
          List.of(
              "First Name",
              "Last Name",
              "Email",
              "Secondary Emails",
              "User ID",
              "Status",
              "Job Title"),
          List.of(
              "Ada",
              "Lovelace",
              "ada@acme.example",
              "ada.l@acme.example; ada@old.example",
              4280249007L,
              "Active",
              "Recruiter"),
          List.of("Bob", "Stone", "BOB@acme.example", "", 4280249008L, "Disabled", "Coordinator"));

  private static UserExport parse(byte[] file, String name) {
    return UserExportParser.parse(SpreadsheetReader.read(file, name));
  }

  private static Function<List<List<Object>>, byte[]> writer(String format) {
    return switch (format) {
      case "xlsx" -> ExportFiles::xlsx;
      case "xls" -> ExportFiles::xls;
      default -> ExportFiles::csv;
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls", "csv"})
  void reads_each_format_by_header_names_whatever_the_file_is_called(String format) {
    UserExport export = parse(writer(format).apply(EXPORT), "upload.bin");

    assertThat(export.format()).isEqualTo(format);
    assertThat(export.errors()).isEmpty();
    assertThat(export.rows())
        .containsExactly(
            new ExportRow(
                2,
                4280249007L,
                "ada@acme.example",
                List.of("ada.l@acme.example", "ada@old.example"),
                "Ada Lovelace",
                false),
            new ExportRow(3, 4280249008L, "BOB@acme.example", List.of(), "Bob Stone", true));
  }

  @Test
  void header_names_are_case_space_and_punctuation_insensitive_and_may_follow_a_title_row() {
    byte[] file =
        ExportFiles.xlsx(
            List.of(
                List.of("Greenhouse users, exported 2026-03-01"),
                List.of("ID", "primary_email", "NAME"),
                List.of("12", "x@acme.example", "X")));

    UserExport export = parse(file, "users.xlsx");

    assertThat(export.rows()).extracting(ExportRow::greenhouseUserId).containsExactly(12L);
    assertThat(export.rows().get(0).name()).isEqualTo("X");
  }

  @Test
  void reads_a_semicolon_separated_csv_with_a_byte_order_mark() {
    byte[] file = "\uFEFFUser ID;Email\n7;a@acme.example\n".getBytes(StandardCharsets.UTF_8);

    assertThat(parse(file, "users.csv").rows())
        .extracting(ExportRow::email)
        .containsExactly("a@acme.example");
  }

  @Test
  void reports_bad_rows_with_their_row_number_and_column_and_keeps_the_good_ones() {
    byte[] file =
        ExportFiles.csv(
            List.of(
                List.of("User ID", "Email"),
                List.of("abc", "a@acme.example"),
                List.of("", "b@acme.example"),
                List.of("5", "not-an-email"),
                List.of("6", ""),
                List.of("7", "ok@acme.example")));

    UserExport export = parse(file, "users.csv");

    assertThat(export.rows()).extracting(ExportRow::greenhouseUserId).containsExactly(7L);
    assertThat(export.errors())
        .extracting(RowError::row, RowError::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "User ID"),
            org.assertj.core.groups.Tuple.tuple(3, "User ID"),
            org.assertj.core.groups.Tuple.tuple(4, "Email"),
            org.assertj.core.groups.Tuple.tuple(5, "Email"));
    assertThat(export.errors().get(0).message()).contains("'abc' is not a Greenhouse id");
  }

  @Test
  void a_missing_user_id_column_is_a_clear_error() {
    byte[] file =
        ExportFiles.xlsx(List.of(List.of("Name", "Email"), List.of("A", "a@acme.example")));

    assertThatThrownBy(() -> parse(file, "users.xlsx"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.field()).contains("file");
              assertThat(e.getMessage()).contains("no User ID column").contains("Export to Excel");
            });
  }

  @Test
  void a_missing_email_column_is_a_clear_error() {
    byte[] file = ExportFiles.csv(List.of(List.of("User ID", "Name"), List.of("1", "A")));

    assertThatThrownBy(() -> parse(file, "users.csv")).hasMessageContaining("no Email column");
  }

  @Test
  void a_file_that_is_not_a_spreadsheet_is_a_clear_error() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
    assertThatThrownBy(() -> parse(png, "photo.xlsx"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("'photo.xlsx' is not a spreadsheet");

    byte[] zipNotXlsx = {0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8};
    assertThatThrownBy(() -> parse(zipNotXlsx, "users.xlsx"))
        .hasMessageContaining("is not a spreadsheet");

    byte[] prose = "Dear team,\nplease find the users attached.\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> parse(prose, "notes.txt"))
        .hasMessageContaining("no header row with 'User ID' and 'Email'");

    assertThatThrownBy(() -> parse(new byte[0], "empty.csv"))
        .hasMessageContaining("the file is empty");
  }
}
