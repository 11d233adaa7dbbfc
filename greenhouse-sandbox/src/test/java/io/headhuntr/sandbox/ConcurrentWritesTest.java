package io.headhuntr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The store is thread-safe: parallel creates, notes and reads lose nothing and share no id. */
class ConcurrentWritesTest {

  @Test
  void parallel_creates_and_reads_lose_nothing() throws Exception {
    try (GreenhouseSandbox sandbox =
        GreenhouseSandbox.builder().apiKey("KEY").candidates(200).rateLimit(0).start()) {
      SandboxHttp http = new SandboxHttp(sandbox.baseUrl(), "KEY", null);
      long admin = http.get("/v1/users?per_page=1").json().get(0).get("id").asLong();
      SandboxHttp asAdmin = http.actingAs(admin);
      int before = http.get("/v1/candidates?per_page=500").json().size();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<Long>> created = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        int n = i;
        created.add(
            pool.submit(
                () -> {
                  JsonNode person =
                      asAdmin
                          .send(
                              "POST",
                              "/v1/prospects",
                              "{\"first_name\":\"P" + n + "\",\"last_name\":\"Parallel\"}")
                          .json();
                  long id = person.get("id").asLong();
                  asAdmin.send(
                      "POST",
                      "/v1/candidates/" + id + "/activity_feed/notes",
                      "{\"user_id\":"
                          + admin
                          + ",\"body\":\"n"
                          + n
                          + "\",\"visibility\":\"public\"}");
                  http.get("/v1/candidates?per_page=100&page=" + (1 + n % 3));
                  return id;
                }));
      }
      Set<Long> ids = new HashSet<>();
      for (Future<Long> f : created) {
        ids.add(f.get());
      }
      pool.shutdown();

      assertThat(ids).hasSize(80);
      assertThat(http.get("/v1/candidates?per_page=500").json().size()).isEqualTo(before + 80);
      for (long id : ids) {
        assertThat(http.get("/v1/candidates/" + id + "/activity_feed").json().get("notes").size())
            .isEqualTo(1);
      }
    }
  }
}
