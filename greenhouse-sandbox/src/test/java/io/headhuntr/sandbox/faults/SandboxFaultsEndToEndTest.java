package io.headhuntr.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults through the whole sandbox, as the connector meets them. */
class SandboxFaultsEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "faults-key";

  private GreenhouseSandbox sandbox;
  private final HttpClient http = HttpClient.newHttpClient();
  private long actingUser;

  @BeforeEach
  void start() throws Exception {
    sandbox =
        GreenhouseSandbox.builder()
            .port(0)
            .apiKey(KEY)
            .seed(SandboxSeed.DEMO)
            .candidates(20)
            .rateLimit(0)
            .start();
    actingUser =
        JSON.readTree(call("GET", "/v1/users?per_page=1", null, Duration.ofSeconds(5)).body())
            .get(0)
            .get("id")
            .asLong();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void a_create_that_times_out_was_applied_and_can_be_found_by_email() throws Exception {
    faults(
        "[{\"path\": \"/v1/candidates\", \"method\": \"POST\", \"timeout_after_apply_rate\": 1}]");
    String email = "timeout.case@example.com";

    assertThatThrownBy(
            () ->
                call(
                    "POST",
                    "/v1/candidates",
                    "{\"first_name\": \"Tim\", \"last_name\": \"Out\", \"email_addresses\": [{\"value\": \""
                        + email
                        + "\", \"type\": \"personal\"}], \"applications\": [{\"job_id\": "
                        + anyJobId()
                        + "}]}",
                    Duration.ofMillis(800)))
        .isInstanceOf(HttpTimeoutException.class);

    JsonNode found =
        JSON.readTree(
            call("GET", "/v1/candidates?email=" + email, null, Duration.ofSeconds(5)).body());
    assertThat(found).hasSize(1);
  }

  @Test
  void resets_errors_and_storms_reach_the_client_and_clearing_restores_service() throws Exception {
    faults(
        "[{\"path\": \"/v1/candidates\", \"method\": \"GET\", \"reset_rate\": 1}, {\"path\": \"/v1/jobs\", \"error_rate\": 1},"
            + " {\"path\": \"/v1/users\", \"rate_limit_storm\": true}]");

    assertThatThrownBy(() -> call("GET", "/v1/candidates", null, Duration.ofSeconds(5)))
        .isInstanceOf(IOException.class);
    assertThat(call("GET", "/v1/jobs", null, Duration.ofSeconds(5)).statusCode()).isEqualTo(500);
    HttpResponse<String> storm = call("GET", "/v1/users", null, Duration.ofSeconds(5));
    assertThat(storm.statusCode()).isEqualTo(429);
    assertThat(storm.headers().firstValue("Retry-After")).isPresent();

    faults("[]");

    assertThat(call("GET", "/v1/candidates", null, Duration.ofSeconds(5)).statusCode())
        .isEqualTo(200);
    assertThat(call("GET", "/v1/jobs", null, Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
  }

  private long anyJobId() throws Exception {
    return JSON.readTree(
            call("GET", "/v1/jobs?per_page=1&status=open", null, Duration.ofSeconds(5)).body())
        .get(0)
        .get("id")
        .asLong();
  }

  private void faults(String rules) throws Exception {
    HttpResponse<String> answer =
        call("POST", "/sandbox/faults", "{\"rules\": " + rules + "}", Duration.ofSeconds(5));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  private HttpResponse<String> call(String method, String path, String body, Duration timeout)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
            .timeout(timeout)
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8)))
            .header("On-Behalf-Of", String.valueOf(actingUser))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
