package io.headhuntr.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code connector serve} as a process: first start, graceful stop, second start. */
// child processes: a hung child fails the test instead of hanging the build
@Timeout(
    value = 3,
    unit = java.util.concurrent.TimeUnit.MINUTES,
    threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServeCommandTest {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  private record Started(Process process, URI baseUrl, List<String> output) {}

  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    children.forEach(Process::destroyForcibly); // only after a failure: stop() already ended them
  }

  @Test
  void prints_a_generated_admin_token_once_and_stops_gracefully(@TempDir Path dataDir)
      throws Exception {
    Started first = serve(dataDir);
    String token = adminTokenIn(first.output());
    assertThat(token).startsWith("ghc_admin_");
    assertThat(get(first.baseUrl(), "/health/ready", null)).isEqualTo(200);
    assertThat(get(first.baseUrl(), "/api/v1/tenants", token)).isEqualTo(200);
    assertThat(Files.exists(dataDir.resolve("master-key.json"))).isTrue();
    stop(first);
    assertThat(Files.exists(dataDir.resolve("pg").resolve("postmaster.pid")))
        .as("the embedded database was stopped by the shutdown hook")
        .isFalse();

    Started second = serve(dataDir);
    assertThat(String.join("\n", second.output())).doesNotContain("ghc_admin_");
    assertThat(get(second.baseUrl(), "/api/v1/tenants", token)).isEqualTo(200);
    stop(second);
  }

  private Started serve(Path dataDir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-XX:TieredStopAtLevel=1", // a short-lived child: start fast
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve",
                "--port",
                "0",
                "--data-dir",
                dataDir.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().keySet().removeIf(name -> name.startsWith("CONNECTOR_"));
    Process process = builder.start();
    children.add(process);
    List<String> output = new ArrayList<>();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      output.add(line);
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        return new Started(process, URI.create(m.group(1)), output);
      }
    }
    throw new AssertionError("serve exited before listening: " + output);
  }

  private static void stop(Started started) throws InterruptedException {
    started.process().destroy(); // SIGTERM: the shutdown hook runs
    assertThat(started.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
  }

  private static String adminTokenIn(List<String> output) {
    return output.stream()
        .map(String::strip)
        .filter(l -> l.startsWith("ghc_admin_"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no admin token printed: " + output));
  }

  private static int get(URI base, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
