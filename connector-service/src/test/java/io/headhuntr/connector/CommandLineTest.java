package io.headhuntr.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator commands against a running connector. */
class CommandLineTest {
  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private record Run(int exitCode, String out, String err) {
    JsonNode json() throws Exception {
      return new ObjectMapper().readTree(out);
    }
  }

  /** Runs the command line with the process streams captured (tests here run one at a time). */
  private static Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
    ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
      int code = Main.commandLine().execute(args);
      return new Run(
          code,
          capturedOut.toString(StandardCharsets.UTF_8),
          capturedErr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void creates_a_tenant_and_a_token_through_the_api() throws Exception {
    String url = app.baseUrl().toString();
    Run created =
        run(
            "tenant",
            "create",
            "--url",
            url,
            "--token",
            app.admin(),
            "--name",
            "Cli Co",
            "--email",
            "ops@cli.example");
    assertThat(created.exitCode()).as(created.err()).isZero();
    String tenant = created.json().get("tenant_id").asText();

    Run token = run("token", "create", "--url", url, "--token", app.admin(), "--tenant", tenant);
    assertThat(token.exitCode()).isZero();
    assertThat(token.json().get("token").asText()).startsWith("ghc_");

    Run listed = run("tenant", "list", "--url", url, "--token", app.admin());
    assertThat(listed.out()).contains(tenant);
  }

  @Test
  void prints_what_is_missing_when_activation_is_refused() {
    String tenant = app.createTenant("Cli Refused Co");

    Run refused =
        run(
            "tenant",
            "activate",
            tenant,
            "--url",
            app.baseUrl().toString(),
            "--token",
            app.admin());

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("no Greenhouse API key saved");
  }

  @Test
  void fails_with_a_bad_token() {
    Run refused = run("tenant", "list", "--url", app.baseUrl().toString(), "--token", "nope");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("401");
  }

  @Test
  void lists_the_operator_commands_and_the_sandbox() {
    Run help = run("--help");

    assertThat(help.out()).contains("serve", "demo", "sandbox", "tenant", "token", "greenhouse");
  }
}
