package io.headhuntr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code connector sandbox ...}: the options reach the sandbox; a bad seed is refused. */
class SandboxCommandTest {

  @Test
  void options_configure_the_sandbox() {
    SandboxCommand command = new SandboxCommand();
    new CommandLine(command)
        .parseArgs(
            "--port",
            "0",
            "--api-key",
            "CLI-KEY",
            "--seed",
            "demo",
            "--candidates",
            "30",
            "--random-seed",
            "9",
            "--rate-limit",
            "7",
            "--time-scale",
            "60",
            "--async-create");
    try (GreenhouseSandbox sandbox = command.start()) {
      SandboxConfig config = sandbox.config();
      assertThat(config.candidates()).isEqualTo(30);
      assertThat(config.rateLimit()).isEqualTo(7);
      assertThat(config.asyncDelay().toMillis()).isEqualTo(500);
      SandboxHttp.Answer answer =
          new SandboxHttp(sandbox.baseUrl(), "CLI-KEY", null).get("/v1/candidates?per_page=500");
      assertThat(answer.json().size()).isEqualTo(30);
      assertThat(answer.header("X-RateLimit-Limit")).isEqualTo("7");
      assertThat(config.toString()).doesNotContain("CLI-KEY");
    }
  }

  @Test
  void defaults_follow_the_issue_and_an_unknown_seed_is_refused() {
    SandboxCommand command = new SandboxCommand();
    new CommandLine(command).parseArgs("--seed", "huge");
    assertThat(command.port).isEqualTo(4010);
    assertThat(command.rateLimit).isEqualTo(50);
    assertThat(command.candidates).isEqualTo(400);
    assertThatThrownBy(command::start).hasMessageContaining("demo or empty");
    assertThat(new CommandLine(new SandboxCommand()).execute("--seed", "huge")).isEqualTo(2);
  }
}
