package io.headhuntr.connector.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code connector sync status --tenant ID}: the sync status of a tenant, one line per resource,
 * with a progress bar while the backfill runs.
 */
@Command(
    name = "status",
    description = "Show a tenant's sync: state, records, pages, errors, time left.")
public final class SyncStatusCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--tenant", required = true, description = "the tenant id")
  String tenantId;

  @Option(
      names = "--url",
      defaultValue = "${env:CONNECTOR_URL:-http://localhost:8080}",
      description = "the connector (default $CONNECTOR_URL or http://localhost:8080)")
  String url;

  @Option(
      names = "--token",
      defaultValue = "${env:CONNECTOR_ADMIN_TOKEN}",
      description = "bearer token (default $CONNECTOR_ADMIN_TOKEN)")
  String token;

  @Override
  public Integer call() {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(url.replaceAll("/+$", "") + "/api/v1/tenants/" + tenantId + "/sync"))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (token != null && !token.isBlank()) {
      request.header("Authorization", "Bearer " + token.strip());
    }
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        System.err.println("connector: HTTP " + response.statusCode() + " " + response.body());
        return 1;
      }
      print(JSON.readTree(response.body()), System.out);
      return 0;
    } catch (IOException e) {
      System.err.println("connector: cannot reach " + url + " (" + e.getMessage() + ")");
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  /** Renders a status answer as text. */
  static void print(JsonNode status, PrintStream out) {
    out.println(
        "tenant " + status.path("tenant_id").asText() + ": " + status.path("state").asText());
    if (status.hasNonNull("paused_reason")) {
      out.println("  paused: " + status.get("paused_reason").asText());
    }
    int done = 0;
    int total = 0;
    for (JsonNode r : status.path("resources")) {
      total++;
      if ("done".equals(r.path("state").asText())) {
        done++;
      }
    }
    if (!status.hasNonNull("backfilled_at")) {
      out.println("  backfill " + bar(done, total) + " " + done + "/" + total + " resources");
    } else {
      out.println("  backfilled at " + status.get("backfilled_at").asText());
    }
    if (status.hasNonNull("full_pass_started_at")) {
      out.println(
          "  full reconciliation running since " + status.get("full_pass_started_at").asText());
    } else if (status.path("full_pass_requested").asBoolean()) {
      out.println("  full reconciliation requested: it runs with the next pass");
    }
    if (status.hasNonNull("last_full_pass_at")) {
      out.println(
          "  last full reconciliation "
              + status.get("last_full_pass_at").asText()
              + (status.hasNonNull("last_full_pass_deleted")
                  ? " (" + status.get("last_full_pass_deleted").asInt() + " deleted in Greenhouse)"
                  : "")
              + (status.hasNonNull("next_full_pass_at")
                  ? ", next after " + status.get("next_full_pass_at").asText()
                  : ""));
    }
    if (status.has("interval_minutes")) {
      out.println(
          "  a pass every "
              + status.get("interval_minutes").asLong()
              + " min, a full reconciliation every "
              + status.path("full_interval_hours").asLong()
              + " h"
              + (status.hasNonNull("next_pass_at")
                  ? "; next pass at " + status.get("next_pass_at").asText()
                  : ""));
    }
    for (JsonNode r : status.path("resources")) {
      StringBuilder line =
          new StringBuilder(
              String.format(
                  "  %-15s %-8s %-11s %9d records %5d pages",
                  r.path("resource").asText(),
                  r.path("state").asText(),
                  r.path("mode").asText(),
                  r.path("records_seen").asLong(),
                  r.path("pages").asInt()));
      if (r.hasNonNull("resumes_at")) {
        line.append("  continues at ").append(r.get("resumes_at").asText());
      }
      boolean listing =
          ("running".equals(r.path("state").asText()) || "waiting".equals(r.path("state").asText()))
              && !"incremental".equals(r.path("mode").asText());
      if (listing && r.hasNonNull("last_page") && r.path("last_page").asInt() > 0) {
        int pages = r.path("pages").asInt();
        int last = Math.max(pages, r.path("last_page").asInt());
        line.append("  ").append(bar(pages, last)).append(" of ").append(last);
      }
      if (r.hasNonNull("last_checkpoint")) {
        line.append("  checkpoint ").append(r.get("last_checkpoint").asText());
      }
      if (r.hasNonNull("estimated_seconds_left") && r.get("estimated_seconds_left").asLong() > 0) {
        line.append("  ~").append(r.get("estimated_seconds_left").asLong()).append(" s left");
      }
      if (r.hasNonNull("last_error")) {
        line.append("\n      error: ").append(r.get("last_error").asText());
      }
      out.println(line);
    }
    if (status.hasNonNull("estimated_seconds_left")) {
      out.println(
          "  time left (rate limit): ~" + status.get("estimated_seconds_left").asLong() + " s");
    } else {
      out.println(
          "  time left: unknown until the backfill reads its first page of each list"
              + " (that page carries the page count); "
              + String.format("%.2f", status.path("seconds_per_request").asDouble())
              + " s per page at the rate limit");
    }
  }

  private static String bar(int done, int total) {
    int width = 20;
    int filled = total == 0 ? 0 : done * width / total;
    return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]";
  }
}
