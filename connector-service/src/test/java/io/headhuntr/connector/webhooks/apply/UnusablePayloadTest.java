package io.headhuntr.connector.webhooks.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.connector.webhooks.inbox.InboxEntry;
import org.junit.jupiter.api.Test;

/** Payloads that can never apply are parked at once, with a reason that names no personal data. */
class UnusablePayloadTest {
  private final Applying run = new Applying();

  @Test
  void a_payload_without_its_root_object_is_parked_naming_it() {
    InboxEntry entry = run.deliver("{\"action\":\"update_candidate\",\"payload\":{\"person\":{}}}");

    assertThat(entry.state()).isEqualTo("parked");
    assertThat(entry.attempts()).isEqualTo(1);
    assertThat(entry.parkReason()).isEqualTo("payload.candidate is missing");
  }

  @Test
  void an_object_without_its_id_is_parked_naming_the_field() {
    InboxEntry entry =
        run.deliver("{\"action\":\"job_deleted\",\"payload\":{\"job\":{\"name\":\"Chef\"}}}");

    assertThat(entry.parkReason()).isEqualTo("payload.job.id is missing");
  }

  @Test
  void a_value_of_the_wrong_type_is_parked_naming_the_field_not_the_value() {
    InboxEntry entry =
        run.deliver(
            "{\"action\":\"update_candidate\",\"payload\":{\"candidate\":{\"id\":5,"
                + "\"first_name\":{\"secret\":\"ada@example.com\"}}}}");

    assertThat(entry.state()).isEqualTo("parked");
    assertThat(entry.parkReason())
        .isEqualTo("unexpected value type in CandidateRow field first_name")
        .doesNotContain("ada@example.com");
    assertThat(run.eventTypes()).isEmpty();
  }

  @Test
  void a_body_without_a_payload_object_is_parked() {
    InboxEntry entry = run.deliver("{\"action\":\"job_created\",\"payload\":[1,2]}");

    assertThat(entry.parkReason()).isEqualTo("the body has no \"payload\" object");
  }
}
