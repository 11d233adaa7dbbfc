package io.headhuntr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code connector sandbox}'s OAuth options and the demo clients it prints on start. */
class SandboxCommandOAuthTest {

  @Test
  void v3_options_reach_the_sandbox_and_the_demo_clients_are_printed() {
    SandboxCommand command = new SandboxCommand();
    new CommandLine(command)
        .parseArgs(
            "--port",
            "0",
            "--candidates",
            "0",
            "--random-seed",
            "5",
            "--v3-rate-limit",
            "9",
            "--partner-redirect-uri",
            "http://127.0.0.1:7000/cb");
    try (GreenhouseSandbox sandbox = command.start()) {
      String printed = SandboxCommand.oauthClients(sandbox);

      assertThat(sandbox.config().v3RateLimit()).isEqualTo(9);
      assertThat(printed)
          .contains(sandbox.tokenUrl().toString())
          .contains(
              "custom: client id sandbox-custom, secret "
                  + sandbox.demoCustomClient().secret().value())
          .contains(
              "partner: client id sandbox-partner, secret "
                  + sandbox.demoPartnerClient().secret().value()
                  + ", redirect uri http://127.0.0.1:7000/cb");
    }
  }

  @Test
  void demo_secrets_follow_the_random_seed() {
    try (GreenhouseSandbox a = GreenhouseSandbox.builder().candidates(0).randomSeed(5).start();
        GreenhouseSandbox b = GreenhouseSandbox.builder().candidates(0).randomSeed(5).start();
        GreenhouseSandbox c = GreenhouseSandbox.builder().candidates(0).randomSeed(6).start()) {
      String secret = a.demoCustomClient().secret().value();

      assertThat(b.demoCustomClient().secret().value()).isEqualTo(secret);
      assertThat(c.demoCustomClient().secret().value()).isNotEqualTo(secret);
      assertThat(a.demoPartnerClient().secret().value()).isNotEqualTo(secret);
    }
  }
}
