package io.headhuntr.sandbox;

import io.headhuntr.sandbox.json.Json;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Department;
import io.headhuntr.sandbox.store.Office;
import io.headhuntr.sandbox.store.User;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The Configure > Users > Export to Excel spreadsheet: one sheet "Users", a header row, one row per
 * user (disabled ones included, marked in "Status"). The User ID column holds the id that {@code
 * On-Behalf-Of} takes.
 */
public final class UsersExport {
  /** The header row, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "First Name",
          "Last Name",
          "Email",
          "User ID",
          "Employee ID",
          "Permission Level",
          "Status",
          "Offices",
          "Departments",
          "Created At");

  private final Account account;

  public UsersExport(Account account) {
    this.account = account;
  }

  /** GET /sandbox/users/export.xlsx. */
  public void export(Context ctx) {
    byte[] bytes = account.read(this::workbook);
    ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    ctx.header("Content-Disposition", "attachment; filename=\"users.xlsx\"");
    ctx.result(bytes);
  }

  private byte[] workbook() {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("Users");
      Row header = sheet.createRow(0);
      for (int i = 0; i < COLUMNS.size(); i++) {
        header.createCell(i).setCellValue(COLUMNS.get(i));
      }
      int r = 1;
      for (User u : account.users.values()) {
        if (u.serviceUser) {
          continue; // the v1-era export has no service users
        }
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(u.firstName);
        row.createCell(1).setCellValue(u.lastName);
        row.createCell(2).setCellValue(u.primaryEmail);
        row.createCell(3).setCellValue((double) u.id);
        row.createCell(4).setCellValue(u.employeeId == null ? "" : u.employeeId);
        row.createCell(5).setCellValue(u.siteAdmin ? "Site Admin" : "Job Admin");
        row.createCell(6).setCellValue(u.disabled ? "Disabled" : "Active");
        row.createCell(7).setCellValue(names(u.officeIds, true));
        row.createCell(8).setCellValue(names(u.departmentIds, false));
        row.createCell(9).setCellValue(Json.iso(u.createdAt));
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String names(List<Long> ids, boolean offices) {
    return ids.stream()
        .map(
            id -> {
              if (offices) {
                Office o = account.offices.get(id);
                return o == null ? null : o.name();
              }
              Department d = account.departments.get(id);
              return d == null ? null : d.name();
            })
        .filter(Objects::nonNull)
        .collect(Collectors.joining(", "));
  }
}
