package io.headhuntr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The Users export is a real .xlsx whose User ID column holds the ids On-Behalf-Of takes. */
class UsersExportTest {

  @Test
  void every_user_is_a_row_with_its_user_id_email_and_status() throws Exception {
    try (GreenhouseSandbox sandbox =
        GreenhouseSandbox.builder().apiKey("KEY").candidates(0).rateLimit(0).start()) {
      HttpResponse<byte[]> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(sandbox.baseUrl() + "/sandbox/users/export.xlsx"))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

      Map<String, List<String>> rowsByUserId = new HashMap<>();
      try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
        Sheet sheet = book.getSheet("Users");
        DataFormatter format = new DataFormatter();
        Row header = sheet.getRow(0);
        List<String> columns = new java.util.ArrayList<>();
        header.forEach(cell -> columns.add(format.formatCellValue(cell)));
        assertThat(columns).startsWith("First Name", "Last Name", "Email", "User ID");
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
          List<String> cells = new java.util.ArrayList<>();
          for (int c = 0; c < columns.size(); c++) {
            cells.add(format.formatCellValue(sheet.getRow(r).getCell(c)));
          }
          rowsByUserId.put(cells.get(3), cells);
        }
      }

      JsonNode users =
          new SandboxHttp(sandbox.baseUrl(), "KEY", null).get("/v1/users?per_page=500").json();
      assertThat(rowsByUserId).hasSize(users.size());
      for (JsonNode u : users) {
        List<String> row = rowsByUserId.get(u.get("id").asText());
        assertThat(row).as("row of user %s", u.get("id")).isNotNull();
        assertThat(row.get(2)).isEqualTo(u.get("primary_email_address").asText());
        assertThat(row.get(6)).isEqualTo(u.get("disabled").asBoolean() ? "Disabled" : "Active");
      }
    }
  }
}
