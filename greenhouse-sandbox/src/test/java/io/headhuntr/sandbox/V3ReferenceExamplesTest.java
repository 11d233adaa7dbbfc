package io.headhuntr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.headhuntr.harvest.v3.ClientSecret;
import io.headhuntr.harvest.v3.CommonQuery;
import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.TokenSource;
import io.headhuntr.sandbox.oauth.ClientCredentials;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Harvest v3 JSON the reference quotes verbatim ({@code ../shared/greenhouse/HARVEST-V3*.md},
 * read at run time; skipped with a message when absent): the token answer, the decoded cursor and
 * the delete answer. Each is read by the client where the client reads it, and the sandbox answers
 * with the same keys and JSON types.
 */
class V3ReferenceExamplesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern INLINE = Pattern.compile("`(\\{[^`]*\\})`");
  private static List<JsonNode> quoted = List.of();

  @BeforeAll
  static void readReference() throws IOException {
    Optional<Path> dir =
        Stream.of(System.getProperty("shared.dir"), "../shared", "../../shared")
            .filter(s -> s != null && !s.isBlank())
            .map(s -> Path.of(s).resolve("greenhouse"))
            .filter(p -> Files.isRegularFile(p.resolve("HARVEST-V3-SETTLED.md")))
            .findFirst();
    Assumptions.assumeTrue(
        dir.isPresent(), "skipped: ../shared/greenhouse/HARVEST-V3*.md not present");
    List<JsonNode> found = new ArrayList<>();
    for (String file : List.of("HARVEST-V3.md", "HARVEST-V3-SETTLED.md")) {
      Matcher m = INLINE.matcher(Files.readString(dir.get().resolve(file)));
      while (m.find()) {
        try {
          found.add(JSON.readTree(m.group(1)));
        } catch (IOException notStrictJson) {
          // a field list such as {id,name,type{id,name}}, not an example
        }
      }
    }
    quoted = found;
  }

  private static JsonNode quotedWith(String key) {
    return quoted.stream()
        .filter(n -> n.has(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the reference no longer quotes JSON with " + key));
  }

  @Test
  void the_client_reads_expires_at_from_the_quoted_token_answer() throws Exception {
    JsonNode example = quotedWith("access_token");
    Instant expiresAt = Instant.parse(example.get("expires_at").asText());
    MovableClock clock = new MovableClock(expiresAt.minus(Duration.ofMinutes(30)));
    List<String> calls = new CopyOnWriteArrayList<>();
    HttpServer greenhouse = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    greenhouse.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          calls.add(path + " " + exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body =
              (path.equals("/token") ? example.toString() : "[]").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    greenhouse.start();
    try {
      URI origin = URI.create("http://127.0.0.1:" + greenhouse.getAddress().getPort());
      HarvestV3Client harvest =
          HarvestV3Client.builder()
              .tokenSource(TokenSource.clientCredentials("reference", ClientSecret.of("s3cret-x")))
              .harvestUrl(origin)
              .authUrl(origin)
              .clock(clock)
              .build();

      harvest.jobs().list(CommonQuery.all()).count();
      harvest.jobs().list(CommonQuery.all()).count();
      assertThat(calls).filteredOn(c -> c.startsWith("/token")).hasSize(1);
      assertThat(calls)
          .filteredOn(c -> c.startsWith("/v3/jobs"))
          .allSatisfy(
              c -> assertThat(c).endsWith("Bearer " + example.get("access_token").asText()));

      clock.set(expiresAt.plusSeconds(1));
      harvest.jobs().list(CommonQuery.all()).count();
      assertThat(calls)
          .as("past the quoted expires_at (not an hour after receipt) a new token is fetched")
          .filteredOn(c -> c.startsWith("/token"))
          .hasSize(2);
    } finally {
      greenhouse.stop(0);
    }
  }

  @Test
  void the_sandbox_answers_a_token_with_the_quoted_keys_and_types() throws Exception {
    try (GreenhouseSandbox sandbox = GreenhouseSandbox.builder().candidates(10).start()) {
      JsonNode answer = token(sandbox);
      assertThat(shape(answer)).isEqualTo(shape(quotedWith("access_token")));
    }
  }

  @Test
  void the_sandbox_cursor_decodes_to_the_quoted_fields_and_its_delete_answer_matches()
      throws Exception {
    JsonNode cursorExample = quotedWith("original_request_id");
    JsonNode deleteExample = quotedWith("message");
    try (GreenhouseSandbox sandbox = GreenhouseSandbox.builder().candidates(30).start()) {
      String bearer = "Bearer " + token(sandbox).get("access_token").asText();
      HttpResponse<String> page = send(sandbox, "GET", "/v3/applications?per_page=2", bearer);
      String link = page.headers().firstValue("Link").orElseThrow();
      String cursor = link.replaceAll(".*[?&]cursor=([^>&]*)>.*", "$1");
      JsonNode decoded =
          JSON.readTree(
              Base64.getUrlDecoder()
                  .decode(java.net.URLDecoder.decode(cursor, StandardCharsets.UTF_8)));
      for (String key : List.of("query", "per_page", "id")) {
        assertThat(decoded.get(key)).as(key).isNotNull();
        assertThat(decoded.get(key).getNodeType()).isEqualTo(cursorExample.get(key).getNodeType());
      }
      assertThat(decoded.get("query")).isEqualTo(cursorExample.get("query"));

      long id = JSON.readTree(page.body()).get(0).get("id").asLong();
      HttpResponse<String> deleted = send(sandbox, "DELETE", "/v3/applications/" + id, bearer);
      assertThat(deleted.statusCode()).isEqualTo(200);
      JsonNode answer = JSON.readTree(deleted.body());
      assertThat(shape(answer)).isEqualTo(shape(deleteExample));
      assertThat(answer.get("message").asText())
          .isEqualTo(deleteExample.get("message").asText().replace("1", Long.toString(id)));
    }
  }

  /** Keys and JSON types of an object, in key order. */
  private static TreeMap<String, String> shape(JsonNode node) {
    TreeMap<String, String> shape = new TreeMap<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      shape.put(key, node.get(key).getNodeType().name());
    }
    return shape;
  }

  private static JsonNode token(GreenhouseSandbox sandbox) throws Exception {
    ClientCredentials custom = sandbox.demoCustomClient();
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (custom.clientId() + ":" + custom.secret().value())
                    .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(sandbox.tokenUrl())
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static HttpResponse<String> send(
      GreenhouseSandbox sandbox, String method, String path, String bearer) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(sandbox.baseUrl().resolve(path))
                .header("Authorization", bearer)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** A clock a test sets. */
  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
