package io.headhuntr.harvest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every answer is bounded, so one tenant's misbehaving Greenhouse (or a host posing as it) cannot
 * hold a worker thread or fill the heap: the request timeout is a deadline for the whole answer,
 * body included, and a body past 32 MB is cut off while it streams in.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BoundedAnswerTest {
  @StartStop final MockWebServer greenhouse = new MockWebServer();
  final FakeTime time = new FakeTime();

  @Test
  void a_body_trickling_in_fails_at_the_deadline_not_when_it_ends() {
    // headers at once, then 10 bytes a second: 100 s for the whole body
    greenhouse.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body("[" + " ".repeat(998) + "]")
            .throttleBody(10, 1, TimeUnit.SECONDS)
            .build());
    HarvestClient harvest =
        TestClients.builder(greenhouse, time).requestTimeout(Duration.ofSeconds(1)).build();

    // the JDK's own timer or the client's deadline, whichever fires first: either way at 1 s, not
    // at the 100 s the body would take (the class's timeout would fail the test long before)
    assertThatThrownBy(() -> harvest.users().list(UserFilter.all()).toList())
        .isInstanceOf(HarvestTransportException.class)
        .hasMessageContaining("answer within 1000 ms");
  }

  @Test
  void a_body_larger_than_32_mb_is_cut_off() {
    greenhouse.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body("[" + " ".repeat(33 * 1024 * 1024) + "]")
            .build());
    HarvestClient harvest = TestClients.client(greenhouse, time);

    assertThatThrownBy(() -> harvest.users().list(UserFilter.all()).toList())
        .isInstanceOf(HarvestTransportException.class)
        .hasMessageContaining("larger than 33554432 bytes");
  }
}
