package io.headhuntr.connector.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ActionSnifferTest {

  private static java.util.Optional<String> sniff(String body) {
    return ActionSniffer.action(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void finds_the_action_after_a_nested_payload() {
    assertThat(
            sniff(
                "{\"payload\":{\"action\":\"inner\",\"list\":[{\"a\":1}]},\"action\":\"merge_candidate\"}"))
        .contains("merge_candidate");
    assertThat(sniff("{\"action\":\"ping\",\"payload\":{}}")).contains("ping");
  }

  @Test
  void finds_nothing_in_bodies_without_a_top_level_string_action() {
    assertThat(sniff("not json")).isEmpty();
    assertThat(sniff("[\"action\"]")).isEmpty();
    assertThat(sniff("{\"payload\":{\"action\":\"inner\"}}")).isEmpty();
    assertThat(sniff("{\"action\":42}")).isEmpty();
    assertThat(sniff("{\"action\":\"\"}")).isEmpty();
    assertThat(sniff("")).isEmpty();
  }
}
