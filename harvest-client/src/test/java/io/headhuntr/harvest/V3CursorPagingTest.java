package io.headhuntr.harvest;

import static io.headhuntr.harvest.ScriptedGreenhouseV3.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headhuntr.harvest.internal.V3Transport;
import io.headhuntr.harvest.v3.CursorPage;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cursor pages: the first request carries the query, then the next links are followed verbatim. */
class V3CursorPagingTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  final ScriptedGreenhouseV3 greenhouse = new ScriptedGreenhouseV3(time);
  V3Transport transport;

  /** A list record as the tests need it. */
  record Item(long id) {}

  @BeforeEach
  void connect() {
    server.setDispatcher(greenhouse);
    transport =
        ScriptedGreenhouseV3.transport(server, time, ScriptedGreenhouseV3.clientCredentials());
  }

  private MockResponse page(String body, String next) {
    MockResponse.Builder b =
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body(body);
    if (next != null) {
      b.addHeader("Link", "<" + next + ">; rel=\"next\"");
    }
    return b.build();
  }

  private String origin() {
    return ScriptedGreenhouseV3.origin(server).toString();
  }

  private static Map<String, String> query() {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("updated_at", "gte|2026-01-01T00:00:00Z");
    q.put("per_page", "2");
    return q;
  }

  @Test
  void sends_filters_and_per_page_first_then_follows_next_verbatim_and_stops_without_next() {
    greenhouse.enqueue(
        page("[{\"id\":9},{\"id\":8}]", origin() + "/v3/candidates?cursor=eyJpZCI6OH0%3D"));
    greenhouse.enqueue(page("[{\"id\":7}]", null));

    List<Item> items = transport.list("/v3/candidates", query(), Item.class).toList();

    assertThat(items).extracting(Item::id).containsExactly(9L, 8L, 7L);
    assertThat(greenhouse.harvestCalls)
        .extracting(ScriptedGreenhouseV3.Seen::target)
        .containsExactly(
            "/v3/candidates?updated_at=gte%7C2026-01-01T00%3A00%3A00Z&per_page=2",
            "/v3/candidates?cursor=eyJpZCI6OH0%3D");
  }

  @Test
  void fetches_a_page_only_when_the_stream_reaches_it() {
    greenhouse.enqueue(page("[{\"id\":9}]", origin() + "/v3/jobs?cursor=abc"));

    assertThat(transport.list("/v3/jobs", Map.of(), Item.class).findFirst()).contains(new Item(9));

    assertThat(greenhouse.harvestCalls).hasSize(1);
  }

  @Test
  void each_page_knows_its_next_url_and_a_listing_resumes_from_it() {
    String next = origin() + "/v3/jobs?cursor=c2Vjb25k";
    greenhouse.enqueue(page("[{\"id\":9}]", next));
    CursorPage<Item> first =
        transport.pages("/v3/jobs", Map.of("per_page", "1"), Item.class).findFirst().orElseThrow();
    assertThat(first.next()).contains(URI.create(next));
    assertThat(first.isLast()).isFalse();

    greenhouse.enqueue(page("[{\"id\":8}]", null));
    List<CursorPage<Item>> rest = transport.resume(first.next().orElseThrow(), Item.class).toList();

    assertThat(rest).hasSize(1);
    assertThat(rest.get(0).items()).containsExactly(new Item(8));
    assertThat(rest.get(0).isLast()).isTrue();
    assertThat(greenhouse.harvestCalls.get(1).target()).isEqualTo("/v3/jobs?cursor=c2Vjb25k");
  }

  @Test
  void refuses_a_next_link_to_another_origin_before_sending_the_token_there() {
    greenhouse.enqueue(page("[{\"id\":9}]", "https://elsewhere.example/v3/jobs?cursor=abc"));

    assertThatThrownBy(() -> transport.list("/v3/jobs", Map.of(), Item.class).toList())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another origin (https://elsewhere.example)");
    assertThat(greenhouse.harvestCalls).hasSize(1);
    assertThatThrownBy(
            () ->
                transport.resume(
                    URI.create("https://elsewhere.example/v3/jobs?cursor=abc"), Item.class))
        .hasMessageContaining("another origin");
  }

  @Test
  void refuses_a_next_link_that_carries_more_than_the_cursor() {
    greenhouse.enqueue(page("[{\"id\":9}]", origin() + "/v3/jobs?cursor=abc&per_page=2"));

    assertThatThrownBy(() -> transport.list("/v3/jobs", Map.of(), Item.class).toList())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cursor alone")
        .hasMessageContaining("[cursor, per_page]");
    assertThat(greenhouse.harvestCalls).hasSize(1);
  }

  @Test
  void rejects_a_cursor_combined_with_another_parameter() {
    assertThatThrownBy(
            () -> transport.list("/v3/jobs", Map.of("cursor", "abc", "per_page", "2"), Item.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a cursor goes alone");
    assertThat(greenhouse.harvestCalls).isEmpty();
  }

  @Test
  void rejects_a_per_page_outside_one_to_five_hundred() {
    for (String perPage : List.of("0", "501", "ten")) {
      assertThatThrownBy(() -> transport.list("/v3/jobs", Map.of("per_page", perPage), Item.class))
          .as(perPage)
          .hasMessageContaining("per_page must be between 1 and 500, got " + perPage);
    }
    transport.list("/v3/jobs", Map.of("per_page", "500"), Item.class).toList();
    assertThat(greenhouse.harvestCalls).hasSize(1);
  }

  @Test
  void a_failing_page_mid_listing_surfaces_greenhouses_422_message() {
    greenhouse.enqueue(page("[{\"id\":9}]", origin() + "/v3/jobs?cursor=broken"));
    greenhouse.enqueue(
        json(
            422,
            "{\"message\":\"Invalid cursor\",\"errors\":[{\"field\":\"cursor\",\"message\":\"does not decode\"}]}"));

    assertThatThrownBy(() -> transport.list("/v3/jobs", Map.of(), Item.class).toList())
        .isInstanceOf(HarvestValidationException.class)
        .hasMessageContaining("cursor: does not decode");
  }
}
