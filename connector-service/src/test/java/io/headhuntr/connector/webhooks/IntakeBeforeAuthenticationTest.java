package io.headhuntr.connector.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.connector.TestApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webhook receiver is the one route open to strangers: it decides on the endpoint key before
 * reading any of the body, and counts a body as it arrives (chunked too), cutting it off past the
 * limit, so a flood of large or unknown-key requests costs neither memory nor a thread waiting on a
 * body. Raw sockets, because a well-behaved client would hide exactly these cases.
 */
class IntakeBeforeAuthenticationTest {
  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void an_unknown_key_is_answered_before_its_body_arrives() throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      // announces 10 MB and sends 10 bytes: a server reading the body first would wait forever
      out.write(
          ("POST /webhooks/greenhouse/AAAAAAAAAAAAAAAAAAAAAAAA HTTP/1.1\r\n"
                  + "Host: localhost\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 10000000\r\n\r\n{\"action\":")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();

      assertThat(statusLine(socket)).startsWith("HTTP/1.1 404");
    }
  }

  @Test
  void a_chunked_body_over_the_limit_is_cut_off_with_413() throws IOException {
    String tenant = app.createTenant("Chunky Co");
    String endpoint =
        app.get("/api/v1/tenants/" + tenant + "/webhooks/setup", app.admin())
            .json()
            .get("endpoint_url")
            .asText();
    String path = URI.create(endpoint).getPath();
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Signature: sha256 00\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      String size = Integer.toHexString(chunk.length) + "\r\n";
      try {
        // 12 MB in all, more than the 10 MB a webhook body may have
        for (int i = 0; i < 192; i++) {
          out.write(size.getBytes(StandardCharsets.US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException closedWhileWriting) {
        // the server may close once it has answered: the answer is still readable
      }

      assertThat(statusLine(socket)).startsWith("HTTP/1.1 413");
    }
    assertThat(app.get("/api/v1/tenants/" + tenant, app.admin()).status())
        .as("the connector goes on serving")
        .isEqualTo(200);
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", app.baseUrl().getPort());
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static String statusLine(Socket socket) throws IOException {
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    String line = in.readLine();
    return line == null ? "" : line;
  }
}
