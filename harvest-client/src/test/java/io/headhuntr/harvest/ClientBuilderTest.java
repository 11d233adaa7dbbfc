package io.headhuntr.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientBuilderTest {
  @Test
  void needs_a_key() {
    assertThatThrownBy(() -> HarvestClient.builder().build())
        .hasMessageContaining("needs an apiKey");
  }

  @Test
  void takes_an_origin_and_refuses_a_path_that_would_double_v1() {
    HarvestClient.Builder builder = HarvestClient.builder().apiKey(HarvestApiKey.of("k"));

    builder.baseUrl(URI.create("http://127.0.0.1:4010/"));
    assertThatThrownBy(() -> builder.baseUrl(URI.create("https://harvest.greenhouse.io/v1")))
        .hasMessageContaining("the client adds /v1");
    assertThatThrownBy(() -> builder.baseUrl(URI.create("ftp://harvest.greenhouse.io")))
        .hasMessageContaining("http(s) origin");
  }

  @Test
  void refuses_meaningless_settings_where_they_are_written() {
    HarvestClient.Builder builder = HarvestClient.builder();

    assertThatThrownBy(() -> builder.requestTimeout(Duration.ZERO))
        .hasMessageContaining("requestTimeout must be positive");
    assertThatThrownBy(() -> builder.connectTimeout(Duration.ofSeconds(-1)))
        .hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> builder.maxAttempts(0)).hasMessageContaining("between 1 and 10");
    assertThatThrownBy(() -> builder.reserveForWrites(-1)).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> new PageOptions(501, true)).hasMessageContaining("between 1 and 500");
  }

  @Test
  void refuses_requests_greenhouse_would_reject_before_sending_them() {
    assertThatThrownBy(() -> NewCandidate.of("A", "B", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new NewAttachment("cv.pdf", "resume", "AAA", null, null, null))
        .hasMessageContaining("needs a content type");
    assertThatThrownBy(
            () ->
                new NewAttachment("cv.pdf", "resume", "AAA", "application/pdf", "https://x", null))
        .hasMessageContaining("exactly one of content or url");
    assertThatThrownBy(() -> new NewNote(1, " ", "public")).hasMessageContaining("needs a body");
    assertThatThrownBy(
            () -> CandidateFilter.builder().candidateIds(java.util.Collections.nCopies(51, 1L)))
        .hasMessageContaining("at most 50");
  }

  @Test
  void an_acting_view_reports_its_user_and_shares_the_clients_budget() {
    HarvestClient harvest = HarvestClient.builder().apiKey(HarvestApiKey.of("k")).build();
    HarvestClient.Acting asUser = harvest.onBehalfOf(GreenhouseUserId.of(4280249007L));

    assertThat(asUser.user().value()).isEqualTo(4280249007L);
    assertThat(asUser.users()).isSameAs(harvest.users());
    assertThat(asUser.rateLimit().limit()).isEmpty();
  }
}
