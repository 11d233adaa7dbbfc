package io.headhuntr.harvest;

import static io.headhuntr.harvest.ScriptedGreenhouseV3.accessToken;
import static io.headhuntr.harvest.ScriptedGreenhouseV3.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.headhuntr.harvest.internal.V3Transport;
import io.headhuntr.harvest.v3.AccessToken;
import io.headhuntr.harvest.v3.ClientSecret;
import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.RefreshToken;
import io.headhuntr.harvest.v3.TokenPair;
import io.headhuntr.harvest.v3.TokenSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Client secrets and tokens never show in a string, an exception or the call log. */
class V3SecretKeepingTest {
  static final String SECRET = ScriptedGreenhouseV3.SECRET;

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  final ScriptedGreenhouseV3 greenhouse = new ScriptedGreenhouseV3(time);

  private static String everythingPrinted(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return t + "\n" + out;
  }

  @Test
  void secrets_print_as_their_last_four_characters_at_most() {
    AccessToken access = AccessToken.of("eyJhbGciOiJSUzI1NiJ9.payload.signature", Instant.EPOCH);
    RefreshToken refresh = RefreshToken.of("rt_0123456789abcdef_ZZZZ");

    assertThat(ClientSecret.of(SECRET)).hasToString("ClientSecret[****WXYZ]");
    assertThat(ClientSecret.of("short")).hasToString("ClientSecret[****]");
    assertThat(access.toString()).startsWith("AccessToken[****ture").doesNotContain("payload");
    assertThat(refresh).hasToString("RefreshToken[****ZZZZ]");
    assertThat(new TokenPair(access, refresh).toString())
        .doesNotContain("payload")
        .doesNotContain("0123456789");
    assertThat(ScriptedGreenhouseV3.clientCredentials().toString()).doesNotContain(SECRET);
  }

  @Test
  void refuses_an_empty_secret_without_echoing_what_was_given() {
    assertThatThrownBy(() -> ClientSecret.of(" ")).hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> ClientSecret.of(SECRET + " "))
        .hasMessageContaining("spaces")
        .message()
        .doesNotContain(SECRET);
  }

  @Test
  void no_token_error_exception_or_client_string_holds_a_secret_or_token() {
    server.setDispatcher(greenhouse);
    V3Transport transport =
        ScriptedGreenhouseV3.transport(server, time, ScriptedGreenhouseV3.clientCredentials());
    List<String> printed = new CopyOnWriteArrayList<>();
    for (int status : List.of(400, 401, 403, 500)) {
      greenhouse.enqueueToken(
          json(
              status,
              "{\"error\":\"invalid_request\",\"error_description\":\"bad " + SECRET + "\"}"));
      printed.add(
          everythingPrinted(
              catchThrowable(() -> transport.list("/v3/jobs", Map.of(), Object.class).toList())));
    }
    transport.list("/v3/jobs", Map.of(), Object.class).toList(); // a token is now cached
    greenhouse.enqueue(json(401, "{\"message\":\"no\"}"));
    greenhouse.enqueue(json(401, "{\"message\":\"no\"}"));
    printed.add(
        everythingPrinted(
            catchThrowable(() -> transport.list("/v3/jobs", Map.of(), Object.class).toList())));
    HarvestV3Client client =
        ScriptedGreenhouseV3.builder(server, time, ScriptedGreenhouseV3.clientCredentials())
            .build();
    printed.add(client.toString());
    printed.add(client.actingAs(GreenhouseUserId.of(3)).toString());

    assertThat(String.join("\n", printed))
        .doesNotContain(SECRET)
        .doesNotContain(ScriptedGreenhouseV3.EXPECTED_BASIC.substring(6))
        .doesNotContain(accessToken(1))
        .doesNotContain(accessToken(2))
        .contains("****");
  }

  @Test
  void the_call_log_names_method_path_and_status_but_no_token_or_form() {
    java.util.logging.Logger jul = java.util.logging.Logger.getLogger("io.headhuntr.harvest");
    List<String> lines = new CopyOnWriteArrayList<>();
    java.util.logging.Handler capture =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord record) {
            lines.add(java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.util.logging.Level before = jul.getLevel();
    jul.setLevel(java.util.logging.Level.ALL);
    jul.addHandler(capture);
    try {
      server.setDispatcher(greenhouse);
      TokenSource partner =
          TokenSource.partner(
              "p-1",
              ClientSecret.of(SECRET),
              java.net.URI.create("https://c.example/cb"),
              new io.headhuntr.harvest.v3.TokenStore() {
                volatile java.util.Optional<TokenPair> pair = java.util.Optional.empty();

                @Override
                public java.util.Optional<TokenPair> load() {
                  return pair;
                }

                @Override
                public void save(TokenPair p) {
                  pair = java.util.Optional.of(p);
                }
              });
      HarvestV3Client harvest = ScriptedGreenhouseV3.builder(server, time, partner).build();
      harvest.exchangeCode("the-code-from-consent");
      ScriptedGreenhouseV3.transport(server, time, partner)
          .list("/v3/candidates", Map.of("email", "jane@example.com"), Object.class)
          .toList();
    } finally {
      jul.removeHandler(capture);
      jul.setLevel(before);
    }

    // The second transport finds a live access token in the store: no token call.
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("POST /token -> 200 in ");
    assertThat(lines.get(1)).startsWith("GET /v3/candidates -> 200 in ");
    assertThat(String.join("\n", lines))
        .doesNotContain("jane")
        .doesNotContain("the-code-from-consent")
        .doesNotContain(SECRET)
        .doesNotContain(accessToken(1))
        .doesNotContain(ScriptedGreenhouseV3.refreshToken(1));
  }
}
