package io.headhuntr.connector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.headhuntr.connector.TestApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens {@code /docs} in a real headless Chromium (Debian's {@code chromium}, installed by {@code
 * .ci/run}) and reads the page after its scripts ran: Swagger UI must have fetched {@code
 * /openapi.json} and drawn the connector's operations. Where chromium is absent the test is skipped
 * with a message, unless {@code CONNECTOR_REQUIRE_BROWSER} is set (CI sets it), then it fails.
 */
class DocsInBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static TestApp app;

  @BeforeAll
  static void start() {
    boolean present = Files.isExecutable(CHROMIUM);
    if (!present && System.getenv("CONNECTOR_REQUIRE_BROWSER") != null) {
      throw new AssertionError(
          "CONNECTOR_REQUIRE_BROWSER is set but "
              + CHROMIUM
              + " is missing: apt-get install chromium");
    }
    assumeTrue(present, "skipped: " + CHROMIUM + " is not installed (apt-get install chromium)");
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void swagger_ui_draws_the_connector_operations_from_the_openapi_document() throws Exception {
    String dom = renderedPage(app.baseUrl().resolve("/docs").toString());

    // drawn by Swagger UI's scripts, not present in the HTML the server sends
    assertThat(dom).contains("opblock-summary-path");
    assertThat(dom)
        .contains("/api/v1/tenants/{tenant_id}/pushes")
        .contains("/api/v1/tenants/{tenant_id}/sync/settings")
        .contains("/webhooks/greenhouse/{endpoint_key}");
    assertThat(dom).doesNotContain("Failed to load API definition");
  }

  /** The page's DOM once its scripts have run (Chromium's virtual time lets them finish). */
  private static String renderedPage(String url) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("chromium-profile");
    Path out = Files.createTempFile("docs-dom", ".html");
    Process chromium =
        new ProcessBuilder(
                List.of(
                    CHROMIUM.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--user-data-dir=" + profile,
                    "--virtual-time-budget=15000",
                    "--dump-dom",
                    url))
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
        throw new AssertionError("chromium did not finish rendering " + url + " within 90 s");
      }
      assertThat(chromium.exitValue()).as("chromium exit status").isZero();
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      chromium.destroyForcibly();
      Files.deleteIfExists(out);
    }
  }
}
