package io.headhuntr.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaginationTest {
  @StartStop final MockWebServer greenhouse = new MockWebServer();
  final FakeTime time = new FakeTime();
  HarvestClient harvest;

  @BeforeEach
  void connect() {
    harvest = TestClients.client(greenhouse, time);
  }

  private static MockResponse page(String json, String... linkHeaders) {
    MockResponse.Builder b = new MockResponse.Builder().code(200).body(json);
    for (String link : linkHeaders) {
      b.addHeaderLenient("Link", link);
    }
    return b.build();
  }

  private String url(String pathAndQuery) {
    return greenhouse.url(pathAndQuery).toString();
  }

  private RecordedRequest take() throws InterruptedException {
    return greenhouse.takeRequest(2, TimeUnit.SECONDS);
  }

  @Test
  void asks_for_500_per_page_without_count_by_default() throws Exception {
    greenhouse.enqueue(page("[]"));

    assertThat(harvest.jobs().list(JobFilter.all()).toList()).isEmpty();

    assertThat(take().getTarget()).isEqualTo("/v1/jobs?per_page=500&skip_count=true");
  }

  @Test
  void sends_the_callers_page_size_and_count_choice() throws Exception {
    greenhouse.enqueue(page("[]"));

    harvest.sources().list(PageOptions.defaults().withPerPage(50).withSkipCount(false)).toList();

    assertThat(take().getTarget()).isEqualTo("/v1/sources?per_page=50");
  }

  @Test
  void can_start_at_a_later_page_and_then_follows_the_links() throws Exception {
    greenhouse.enqueue(
        page("[{\"id\":31}]", "<" + url("/v1/users?page=4&per_page=10") + ">; rel=\"next\""));
    greenhouse.enqueue(page("[{\"id\":41}]"));

    List<Long> ids =
        harvest
            .users()
            .list(UserFilter.all(), PageOptions.defaults().withPerPage(10).startingAt(3))
            .map(User::id)
            .toList();

    assertThat(ids).containsExactly(31L, 41L);
    assertThat(take().getTarget()).isEqualTo("/v1/users?page=3&per_page=10&skip_count=true");
    assertThat(take().getTarget()).isEqualTo("/v1/users?page=4&per_page=10");
    assertThatThrownBy(() -> PageOptions.defaults().startingAt(0)).hasMessageContaining(">= 1");
  }

  @Test
  void follows_next_links_verbatim_including_the_filters_greenhouse_echoed() throws Exception {
    greenhouse.enqueue(
        page(
            "[{\"id\":1},{\"id\":2}]",
            "<"
                + url("/v1/applications?job_id=144371&page=2&per_page=2&echo=kept")
                + ">; rel=\"next\", <"
                + url("/v1/applications?job_id=144371&page=3&per_page=2")
                + ">; rel=\"last\""));
    greenhouse.enqueue(
        page(
            "[{\"id\":3}]",
            "<" + url("/v1/applications?job_id=144371&page=1&per_page=2") + ">; rel=\"prev\""));

    List<Long> ids =
        harvest
            .applications()
            .list(ApplicationFilter.builder().jobId(144371).build())
            .map(Application::id)
            .toList();

    assertThat(ids).containsExactly(1L, 2L, 3L);
    assertThat(take().getTarget())
        .isEqualTo("/v1/applications?job_id=144371&per_page=500&skip_count=true");
    assertThat(take().getTarget())
        .isEqualTo("/v1/applications?job_id=144371&page=2&per_page=2&echo=kept");
    assertThat(greenhouse.getRequestCount()).isEqualTo(2);
  }

  @Test
  void reads_links_folded_over_several_lines_and_split_over_several_headers() throws Exception {
    greenhouse.enqueue(
        page(
            "[{\"id\":1}]",
            "<"
                + url("/v1/candidates?page=1&per_page=1")
                + ">; rel=\"prev\",\n\t<"
                + url("/v1/candidates?page=3&per_page=1")
                + ">;\n rel=\"next\""));
    greenhouse.enqueue(
        page(
            "[{\"id\":2}]",
            "<" + url("/v1/candidates?page=9&per_page=1") + ">; rel=\"last\"",
            "<" + url("/v1/candidates?page=4&per_page=1") + ">; REL=next"));
    greenhouse.enqueue(page("[{\"id\":3}]"));

    List<Long> ids = harvest.candidates().list(CandidateFilter.all()).map(Candidate::id).toList();

    assertThat(ids).containsExactly(1L, 2L, 3L);
    take();
    assertThat(take().getTarget()).isEqualTo("/v1/candidates?page=3&per_page=1");
    assertThat(take().getTarget()).isEqualTo("/v1/candidates?page=4&per_page=1");
  }

  @Test
  void a_page_without_link_header_is_the_last_page() {
    greenhouse.enqueue(page("[{\"id\":7,\"name\":\"Bachelor's\",\"priority\":0}]"));

    assertThat(harvest.degrees().list().map(Degree::name).toList()).containsExactly("Bachelor's");
    assertThat(greenhouse.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_page_whose_links_have_no_next_is_the_last_page() {
    greenhouse.enqueue(
        page("[{\"id\":7}]", "<" + url("/v1/users?page=1&per_page=500") + ">; rel=\"last\""));

    assertThat(harvest.users().list(UserFilter.all()).count()).isEqualTo(1);
    assertThat(greenhouse.getRequestCount()).isEqualTo(1);
  }

  @Test
  void fetches_a_page_only_when_the_stream_reaches_it() {
    greenhouse.enqueue(
        page("[{\"id\":1},{\"id\":2}]", "<" + url("/v1/candidates?page=2") + ">; rel=\"next\""));
    greenhouse.enqueue(page("[{\"id\":3}]"));

    Stream<Candidate> stream = harvest.candidates().list(CandidateFilter.all());
    assertThat(greenhouse.getRequestCount()).as("nothing sent before the stream is used").isZero();

    Iterator<Candidate> it = stream.iterator();
    assertThat(it.next().id()).isEqualTo(1);
    assertThat(it.next().id()).isEqualTo(2);
    assertThat(greenhouse.getRequestCount()).as("second page not fetched yet").isEqualTo(1);

    assertThat(it.next().id()).isEqualTo(3);
    assertThat(greenhouse.getRequestCount()).isEqualTo(2);
  }

  @Test
  void stops_fetching_when_the_caller_stops_reading() {
    greenhouse.enqueue(
        page("[{\"id\":1},{\"id\":2}]", "<" + url("/v1/jobs?page=2") + ">; rel=\"next\""));

    assertThat(harvest.jobs().list(JobFilter.all()).limit(2).toList()).hasSize(2);
    assertThat(greenhouse.getRequestCount()).isEqualTo(1);
  }

  @Test
  void skips_an_empty_page_that_still_has_a_next_link() {
    greenhouse.enqueue(page("[]", "<" + url("/v1/jobs?page=2") + ">; rel=\"next\""));
    greenhouse.enqueue(page("[{\"id\":5}]"));

    assertThat(harvest.jobs().list(JobFilter.all()).map(Job::id).toList()).containsExactly(5L);
  }

  @Test
  void resolves_a_relative_next_link_against_the_current_page() throws Exception {
    greenhouse.enqueue(page("[{\"id\":1}]", "</v1/jobs?page=2&per_page=500>; rel=\"next\""));
    greenhouse.enqueue(page("[{\"id\":2}]"));

    assertThat(harvest.jobs().list(JobFilter.all()).count()).isEqualTo(2);
    take();
    assertThat(take().getTarget()).isEqualTo("/v1/jobs?page=2&per_page=500");
  }

  @Test
  void refuses_to_send_the_key_to_a_next_link_on_another_host() {
    greenhouse.enqueue(
        page("[{\"id\":1}]", "<https://evil.example.com/v1/jobs?page=2>; rel=\"next\""));

    assertThatThrownBy(() -> harvest.jobs().list(JobFilter.all()).toList())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("evil.example.com")
        .hasMessageContaining("refusing to send the API key");
    assertThat(greenhouse.getRequestCount()).isEqualTo(1);
  }

  @Test
  void sends_every_candidate_filter_as_documented() throws Exception {
    greenhouse.enqueue(page("[]"));

    harvest
        .candidates()
        .list(
            CandidateFilter.builder()
                .updatedAfter(Instant.parse("2026-01-02T03:04:05Z"))
                .createdAfter(Instant.parse("2025-01-01T00:00:00.123Z"))
                .jobId(4285367007L)
                .email("a+b@example.com")
                .candidateIds(List.of(1L, 2L, 3L))
                .build())
        .toList();

    RecordedRequest request = take();
    assertThat(request.getUrl().queryParameter("updated_after")).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(request.getUrl().queryParameter("created_after"))
        .isEqualTo("2025-01-01T00:00:00.123Z");
    assertThat(request.getUrl().queryParameter("job_id")).isEqualTo("4285367007");
    assertThat(request.getUrl().queryParameter("email")).isEqualTo("a+b@example.com");
    assertThat(request.getUrl().queryParameter("candidate_ids")).isEqualTo("1,2,3");
  }

  @Test
  void sends_application_filters_and_refuses_an_unknown_status() throws Exception {
    greenhouse.enqueue(page("[]"));

    harvest
        .applications()
        .list(
            ApplicationFilter.builder()
                .createdAfter(Instant.parse("2026-01-01T00:00:00Z"))
                .lastActivityAfter(Instant.parse("2026-02-01T00:00:00Z"))
                .jobId(9)
                .status("active")
                .build())
        .toList();

    assertThat(take().getTarget())
        .isEqualTo(
            "/v1/applications?created_after=2026-01-01T00%3A00%3A00Z&last_activity_after=2026-02-01T00%3A00%3A00Z"
                + "&job_id=9&status=active&per_page=500&skip_count=true");
    assertThatThrownBy(() -> ApplicationFilter.builder().status("open").build())
        .hasMessageContaining("active, converted, hired or rejected");
  }

  @Test
  void covers_the_job_post_and_stage_paths() throws Exception {
    for (int i = 0; i < 6; i++) {
      greenhouse.enqueue(page(i % 2 == 0 ? "[]" : "{\"id\":1}"));
    }
    harvest.jobPosts().listForJob(12).toList();
    harvest.jobPosts().getForJob(12);
    harvest.jobStages().listForJob(12).toList();
    harvest.jobStages().get(13);
    harvest.jobPosts().list(JobPostFilter.all().withLive(true).withActive(false)).toList();
    harvest.jobPosts().get(14);

    assertThat(take().getTarget()).isEqualTo("/v1/jobs/12/job_posts?per_page=500&skip_count=true");
    assertThat(take().getTarget()).isEqualTo("/v1/jobs/12/job_post");
    assertThat(take().getTarget()).isEqualTo("/v1/jobs/12/stages?per_page=500&skip_count=true");
    assertThat(take().getTarget()).isEqualTo("/v1/job_stages/13");
    assertThat(take().getTarget())
        .isEqualTo("/v1/job_posts?live=true&active=false&per_page=500&skip_count=true");
    assertThat(take().getTarget()).isEqualTo("/v1/job_posts/14");
  }

  @Test
  void counts_only_the_first_page_and_reports_the_last_page_number() throws Exception {
    greenhouse.enqueue(
        page(
            "[{\"id\":1},{\"id\":2}]",
            "<"
                + url("/v1/candidates?page=2&per_page=2")
                + ">; rel=\"next\", <"
                + url("/v1/candidates?page=3&per_page=2")
                + ">; rel=\"last\""));
    greenhouse.enqueue(
        page(
            "[{\"id\":3},{\"id\":4}]",
            "<" + url("/v1/candidates?page=3&per_page=2&skip_count=true") + ">; rel=\"next\""));
    greenhouse.enqueue(page("[{\"id\":5}]"));

    List<ListPage<Candidate>> pages =
        harvest
            .candidates()
            .pages(CandidateFilter.all(), PageOptions.defaults().withPerPage(2).countingFirstPage())
            .toList();

    assertThat(pages).extracting(ListPage::number).containsExactly(1, 2, 3);
    assertThat(pages.get(0).lastPage()).hasValue(3);
    assertThat(pages.get(1).lastPage()).isEmpty();
    assertThat(pages.get(2).items()).extracting(Candidate::id).containsExactly(5L);
    assertThat(take().getTarget())
        .as("the first page is counted")
        .isEqualTo("/v1/candidates?per_page=2");
    assertThat(take().getTarget())
        .as("later pages skip the count")
        .isEqualTo("/v1/candidates?page=2&per_page=2&skip_count=true");
    assertThat(take().getTarget()).isEqualTo("/v1/candidates?page=3&per_page=2&skip_count=true");
    assertThat(greenhouse.getRequestCount()).isEqualTo(3);
  }

  @Test
  void numbers_pages_from_where_the_list_started() throws Exception {
    greenhouse.enqueue(
        page("[{\"id\":9}]", "<" + url("/v1/jobs?page=7&per_page=500") + ">; rel=\"last\""));

    List<ListPage<Job>> pages =
        harvest
            .jobs()
            .pages(JobFilter.all(), PageOptions.defaults().startingAt(7).countingFirstPage())
            .toList();

    assertThat(pages)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.number()).isEqualTo(7);
              assertThat(p.lastPage()).hasValue(7);
            });
    assertThat(take().getTarget()).isEqualTo("/v1/jobs?page=7&per_page=500");
  }

  @Test
  void without_a_count_no_page_knows_the_last_one() throws Exception {
    greenhouse.enqueue(page("[{\"id\":9}]"));

    List<ListPage<Job>> pages =
        harvest.jobs().pages(JobFilter.all(), PageOptions.defaults()).toList();

    assertThat(pages).singleElement().satisfies(p -> assertThat(p.lastPage()).isEmpty());
    assertThat(take().getTarget()).isEqualTo("/v1/jobs?per_page=500&skip_count=true");
  }
}
