package io.headhuntr.connector.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.headhuntr.connector.api.ProblemException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Verdicts on client credentials whose token a stand-in auth server describes as the test needs
 * (the sandbox's client-credentials tokens always act as a service user, so it cannot show a
 * non-admin one).
 */
class ClientCredentialsVerifierTest {
  private final ClientCredentialsVerifier verifier =
      new ClientCredentialsVerifier(Duration.ofSeconds(2), Duration.ofSeconds(5));
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private URI authServerSaying(String role) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/token",
        exchange ->
            answer(
                exchange,
                "{\"token_type\":\"Bearer\",\"access_token\":\"a.b.c\","
                    + "\"expires_at\":\"2030-01-01T00:00:00Z\"}"));
    server.createContext(
        "/introspect",
        exchange ->
            answer(
                exchange,
                "{\"active\":true,\"client_id\":\"c\",\"scope\":\"harvest:jobs:list\","
                    + "\"https://auth.greenhouse.io/claims\":{\"organization\":{\"id\":7,"
                    + "\"name\":\"Acme\"},\"user_role\":\""
                    + role
                    + "\"}}"));
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json)
      throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static ClientCredentials client(URI auth) {
    return new ClientCredentials("c", new ClientSecret("secret-0001"), auth);
  }

  @Test
  void refuses_a_token_acting_as_a_basic_user_because_lists_need_a_site_admin() throws Exception {
    URI auth = authServerSaying("basic");

    assertThatThrownBy(() -> verifier.verify(client(auth)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.getMessage()).startsWith("list endpoints need a Site Admin: ");
              assertThat(e.getMessage()).contains("role is basic");
              assertThat(e.field()).contains("client_id");
            })
        .hasMessageNotContaining("secret-0001");
  }

  @Test
  void accepts_a_site_admin_token_with_its_scopes_and_organization() throws Exception {
    URI auth = authServerSaying("site_admin");

    IntrospectedToken token = verifier.verify(client(auth));

    assertThat(token.scopes()).containsExactly("harvest:jobs:list");
    assertThat(token.organization()).contains(new IntrospectedToken.Organization(7, "Acme"));
  }
}
