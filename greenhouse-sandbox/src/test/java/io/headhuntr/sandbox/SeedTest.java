package io.headhuntr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Seeds are deterministic per random seed, realistic in content, and 100,000 people start in
 * seconds.
 */
class SeedTest {

  private static String firstPage(GreenhouseSandbox sandbox, String path) {
    return new SandboxHttp(sandbox.baseUrl(), "KEY", null).get(path).text();
  }

  @Test
  void the_same_random_seed_gives_the_same_account_and_another_seed_a_different_one() {
    String a;
    String b;
    String c;
    try (GreenhouseSandbox s =
        GreenhouseSandbox.builder().apiKey("KEY").candidates(200).randomSeed(7).start()) {
      a = firstPage(s, "/v1/candidates?per_page=200");
    }
    try (GreenhouseSandbox s =
        GreenhouseSandbox.builder().apiKey("KEY").candidates(200).randomSeed(7).start()) {
      b = firstPage(s, "/v1/candidates?per_page=200");
    }
    try (GreenhouseSandbox s =
        GreenhouseSandbox.builder().apiKey("KEY").candidates(200).randomSeed(8).start()) {
      c = firstPage(s, "/v1/candidates?per_page=200");
    }
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void the_demo_company_has_the_documented_variety() {
    try (GreenhouseSandbox s = GreenhouseSandbox.builder().apiKey("KEY").start()) {
      SandboxHttp http = new SandboxHttp(s.baseUrl(), "KEY", null);
      JsonNode users = http.get("/v1/users?per_page=500").json();
      assertThat(users.size()).isEqualTo(25);
      assertThat(users.findValues("disabled")).anyMatch(JsonNode::asBoolean);
      assertThat(http.get("/v1/departments").json().size()).isEqualTo(8);
      assertThat(http.get("/v1/jobs?per_page=500").json().size()).isEqualTo(30);
      assertThat(http.get("/v1/prospect_pools").json().size()).isEqualTo(3);
      assertThat(http.get("/v1/sources").text()).contains("Prospecting");
      JsonNode people = http.get("/v1/candidates?per_page=500").json();
      assertThat(people.size()).isEqualTo(400);
      for (String status : new String[] {"active", "rejected", "hired"}) {
        assertThat(http.get("/v1/applications?per_page=1&status=" + status).json().size())
            .as(status)
            .isEqualTo(1);
      }
      assertThat(people.findValues("prospect")).anyMatch(JsonNode::asBoolean);
    }
  }

  @Test
  void the_empty_seed_holds_one_site_admin_and_no_people() {
    try (GreenhouseSandbox s =
        GreenhouseSandbox.builder().apiKey("KEY").seed(SandboxSeed.EMPTY).start()) {
      SandboxHttp http = new SandboxHttp(s.baseUrl(), "KEY", null);
      assertThat(http.get("/v1/users").json().size()).isEqualTo(1);
      assertThat(http.get("/v1/users").json().get(0).get("site_admin").asBoolean()).isTrue();
      assertThat(http.get("/v1/candidates").json().size()).isZero();
      assertThat(http.get("/v1/jobs").json().size()).isZero();
    }
  }

  @Test
  void a_hundred_thousand_people_start_in_seconds_and_page_quickly() {
    long started = System.nanoTime();
    try (GreenhouseSandbox s =
        GreenhouseSandbox.builder().apiKey("KEY").candidates(100_000).rateLimit(0).start()) {
      long startMillis = (System.nanoTime() - started) / 1_000_000;
      SandboxHttp http = new SandboxHttp(s.baseUrl(), "KEY", null);
      long pageStarted = System.nanoTime();
      SandboxHttp.Answer deep = http.get("/v1/candidates?per_page=500&page=190&skip_count=true");
      long pageMillis = (System.nanoTime() - pageStarted) / 1_000_000;

      assertThat(deep.json().size()).isEqualTo(500);
      assertThat(startMillis).as("start-up of 100k people, ms").isLessThan(15_000);
      assertThat(pageMillis).as("a deep page, ms").isLessThan(3_000);
      assertThat(http.get("/v1/candidates?per_page=500&page=201").json().size()).isZero();
    }
  }
}
