package io.headhuntr.connector.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.api.ProblemMapper;
import io.headhuntr.connector.store.TestDatabase;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The user mapping handlers over real HTTP (a small Javalin with the API's problem mapper). */
class UserMappingHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Jdbi JDBI = TestDatabase.shared().jdbi();
  private static Javalin server;
  private final HttpClient http = HttpClient.newHttpClient();
  private String base;

  @BeforeAll
  static void start() {
    UserMappingApi api = new UserMappingApi(JDBI, tenantId -> Optional.empty());
    String t = "/api/v1/tenants/{tenant_id}";
    server =
        Javalin.create(
                cfg -> {
                  cfg.http.maxRequestSize = 11L * 1024 * 1024;
                  cfg.startup.showJavalinBanner = false;
                  cfg.routes.put(t + "/users", api::putUsers);
                  cfg.routes.get(t + "/users", api::listUsers);
                  cfg.routes.post(t + "/user-mappings/import", api::importExport);
                  cfg.routes.put(t + "/user-mappings", api::putMappings);
                  cfg.routes.get(t + "/user-mappings", api::listMappings);
                  cfg.routes.exception(ProblemException.class, ProblemMapper::write);
                })
            .start(0);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void tenantWithUsers() throws Exception {
    UUID tenant = TestTenant.create(JDBI);
    base = "http://127.0.0.1:" + server.port() + "/api/v1/tenants/" + tenant;
    HttpResponse<String> put =
        send(
            "PUT",
            "/users",
            "application/json",
            ("[{\"id\":\"u1\",\"email\":\"ada@acme.example\",\"name\":\"Ada\"},"
                    + "{\"id\":\"u2\",\"email\":\"bob@acme.example\"}]")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(put.statusCode()).isEqualTo(200);
  }

  @Test
  void a_bad_user_row_is_a_problem_naming_the_row_and_field() throws Exception {
    HttpResponse<String> answer =
        send(
            "PUT",
            "/users",
            "application/json",
            "[{\"id\":\"u1\",\"email\":\"ada@acme.example\"},{\"id\":\"u3\"}]"
                .getBytes(StandardCharsets.UTF_8));

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    assertThat(json(answer).get("field").asText()).isEqualTo("users[1].email");
    assertThat(json(send("GET", "/users", null, null))).hasSize(2);
  }

  @Test
  void a_multipart_xlsx_upload_answers_a_snake_case_preview_and_saves_nothing() throws Exception {
    byte[] xlsx =
        ExportFiles.xlsx(
            List.of(
                List.of("First Name", "Last Name", "Email", "User ID", "Status"),
                List.of("Ada", "L", "ADA@acme.example", 4280249007L, "Active"),
                List.of("Eve", "X", "eve@acme.example", "x1", "Active")));

    HttpResponse<String> answer = multipart("/user-mappings/import", "users.xlsx", xlsx);

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode preview = json(answer);
    assertThat(preview.get("format").asText()).isEqualTo("xlsx");
    JsonNode match = preview.get("matched").get(0);
    assertThat(match.get("platform_user_id").asText()).isEqualTo("u1");
    assertThat(match.get("greenhouse_user_id").asLong()).isEqualTo(4280249007L);
    assertThat(match.get("matched_by").asText()).isEqualTo("primary_email");
    assertThat(preview.get("unmatched").get(0).get("id").asText()).isEqualTo("u2");
    assertThat(preview.get("errors").get(0).get("row").asInt()).isEqualTo(3);
    assertThat(preview.get("errors").get(0).get("column").asText()).isEqualTo("User ID");
    assertThat(preview.get("mappings").get(0).get("greenhouse_user_id").asLong())
        .isEqualTo(4280249007L);

    JsonNode saved = json(send("GET", "/user-mappings", null, null));
    assertThat(saved.get(0).get("status").asText()).isEqualTo("unmapped");
  }

  @Test
  void a_raw_csv_body_is_read_too() throws Exception {
    byte[] csv = "User ID,Email\n55,bob@acme.example\n".getBytes(StandardCharsets.UTF_8);

    JsonNode preview =
        json(send("POST", "/user-mappings/import?filename=users.csv", "text/csv", csv));

    assertThat(preview.get("matched").get(0).get("platform_user_id").asText()).isEqualTo("u2");
  }

  @Test
  void an_upload_over_5_mb_is_refused_with_413_and_changes_nothing() throws Exception {
    String before = saveOneMapping();
    long sixMegabytes = 6L * 1024 * 1024;

    String multipart =
        declaredUpload("/user-mappings/import", "multipart/form-data; boundary=x", sixMegabytes);
    assertThat(multipart).startsWith("HTTP/1.1 413").contains("larger than 5 MB");
    String raw = declaredUpload("/user-mappings/import", "text/csv", sixMegabytes);
    assertThat(raw).startsWith("HTTP/1.1 413").contains("larger than 5 MB");
    assertThat(send("GET", "/user-mappings", null, null).body()).isEqualTo(before);
  }

  /**
   * Declares an upload of {@code size} bytes, sends its first kilobyte and reads the answer: the
   * server refuses it from its Content-Length. (A client writing all 6 MB races the server closing
   * the connection after its early 413, and may see a broken pipe instead of the answer.)
   */
  private String declaredUpload(String path, String contentType, long size) throws Exception {
    URI uri = URI.create(base + path);
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + uri.getRawPath()
                  + " HTTP/1.1\r\nHost: "
                  + uri.getHost()
                  + "\r\nContent-Type: "
                  + contentType
                  + "\r\nContent-Length: "
                  + size
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[1024]);
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void a_file_that_is_not_a_spreadsheet_gets_a_clear_422_and_changes_nothing() throws Exception {
    String before = saveOneMapping();
    byte[] pdf = "%PDF-1.7\n\u0000\u0001binary".getBytes(StandardCharsets.ISO_8859_1);

    HttpResponse<String> answer = multipart("/user-mappings/import", "users.pdf", pdf);

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(json(answer).get("detail").asText()).contains("'users.pdf' is not a spreadsheet");
    byte[] noIds =
        ExportFiles.csv(List.of(List.of("Email", "Name"), List.of("ada@acme.example", "Ada")));
    HttpResponse<String> missing = multipart("/user-mappings/import", "users.csv", noIds);
    assertThat(missing.statusCode()).isEqualTo(422);
    assertThat(json(missing).get("detail").asText()).contains("no User ID column");
    assertThat(send("GET", "/user-mappings", null, null).body()).isEqualTo(before);
  }

  private String saveOneMapping() throws Exception {
    HttpResponse<String> put =
        send(
            "PUT",
            "/user-mappings",
            "application/json",
            "[{\"platform_user_id\":\"u2\",\"greenhouse_user_id\":77}]"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(put.statusCode()).isEqualTo(200);
    return send("GET", "/user-mappings", null, null).body();
  }

  @Test
  void without_a_credential_a_saved_mapping_is_listed_as_unverified() throws Exception {
    HttpResponse<String> put =
        send(
            "PUT",
            "/user-mappings",
            "application/json",
            "[{\"platform_user_id\":\"u1\",\"greenhouse_user_id\":\"4280249007\"}]"
                .getBytes(StandardCharsets.UTF_8));

    assertThat(put.statusCode()).isEqualTo(200);
    JsonNode ada = json(put).get(0);
    assertThat(ada.get("platform_user_id").asText()).isEqualTo("u1");
    assertThat(ada.get("email").asText()).isEqualTo("ada@acme.example");
    assertThat(ada.get("greenhouse_user_id").asLong()).isEqualTo(4280249007L);
    assertThat(ada.get("status").asText()).isEqualTo("unverified");
    assertThat(ada.get("message").asText()).contains("no Greenhouse credential");
  }

  private HttpResponse<String> multipart(String path, String fileName, byte[] content)
      throws Exception {
    String boundary = "----test" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send("POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  private HttpResponse<String> send(String method, String path, String type, byte[] body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> answer) throws Exception {
    return JSON.readTree(answer.body());
  }
}
