package io.headhuntr.harvest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {
  @Test
  void reads_the_docs_example_with_next_and_last() {
    String header =
        "<https://harvest.greenhouse.io/v1/candidates?page=2&per_page=2>; rel=\"next\",\n"
            + "<https://harvest.greenhouse.io/v1/candidates?page=474&per_page=2>; rel=\"last\"";

    assertThat(LinkHeader.parse(List.of(header)))
        .containsEntry("next", "https://harvest.greenhouse.io/v1/candidates?page=2&per_page=2")
        .containsEntry("last", "https://harvest.greenhouse.io/v1/candidates?page=474&per_page=2");
  }

  @Test
  void keeps_the_url_exactly_as_written_including_echoed_filters() {
    String url =
        "https://harvest.greenhouse.io/v1/applications?job_id=144371&page=2&per_page=100&created_after=2026-01-01T00%3A00%3A00Z";

    assertThat(LinkHeader.next(List.of("<" + url + ">; rel=\"next\""))).contains(url);
  }

  @Test
  void accepts_unquoted_upper_case_and_multi_valued_rels_and_extra_parameters() {
    assertThat(LinkHeader.next(List.of("<https://h/v1/a?page=2>; REL=next")))
        .contains("https://h/v1/a?page=2");
    assertThat(
            LinkHeader.next(List.of("<https://h/v1/a?page=3>; title=\"x, y\"; rel=\"last next\"")))
        .contains("https://h/v1/a?page=3");
  }

  @Test
  void finds_next_in_any_of_several_header_lines() {
    assertThat(
            LinkHeader.next(
                List.of(
                    "<https://h/v1/a?page=1>; rel=\"prev\"",
                    "<https://h/v1/a?page=3>; rel=\"next\"")))
        .contains("https://h/v1/a?page=3");
  }

  @Test
  void no_header_or_no_next_means_no_next_page() {
    assertThat(LinkHeader.next(List.of())).isEmpty();
    assertThat(LinkHeader.next(List.of("<https://h/v1/a?page=1>; rel=\"last\""))).isEmpty();
    assertThat(LinkHeader.next(List.of("garbage"))).isEmpty();
  }

  @Test
  void a_request_prints_method_and_path_only() {
    HarvestRequest request =
        HarvestRequest.get(java.net.URI.create("https://h/v1/candidates?email=jane@example.com"))
            .withHeader("Authorization", "Basic c2VjcmV0Og==");

    assertThat(request.toString()).isEqualTo("HarvestRequest[GET /v1/candidates]");
  }
}
