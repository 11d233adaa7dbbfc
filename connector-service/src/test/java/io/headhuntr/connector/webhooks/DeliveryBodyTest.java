package io.headhuntr.connector.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeliveryBodyTest {

  private static DeliveryBody sniff(String body) {
    return DeliveryBody.sniff(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void findsTheActionAfterALargePayload() {
    String payload = "{\"payload\":{\"application\":{\"id\":1,\"notes\":\"" + "x".repeat(50_000);
    DeliveryBody body =
        sniff(payload + "\",\"jobs\":[1,2,{\"a\":[]}]}},\"action\":\"hire_candidate\"}");
    assertThat(body.action()).isEqualTo("hire_candidate");
    assertThat(body.problem()).isNull();
    assertThat(sniff("{\"action\":\"ping\",\"payload\":{}}").isPing()).isTrue();
  }

  @Test
  void saysWhyABodyIsUnusable() {
    assertThat(sniff("not json").problem()).isEqualTo("the body is not JSON");
    assertThat(sniff("[\"action\"]").problem()).isEqualTo("the body is not a JSON object");
    assertThat(sniff("").problem()).isEqualTo("the body is not a JSON object");
    assertThat(sniff("{\"action\":\"x\"").problem()).isEqualTo("the body is not JSON");
    assertThat(sniff("{\"action\":\"x\"} trailing").problem()).isEqualTo("the body is not JSON");
    assertThat(sniff("{\"payload\":{\"action\":\"inner\"}}").problem())
        .isEqualTo("the body has no \"action\"");
    assertThat(sniff("{\"action\":42}").problem()).isEqualTo("the body has no \"action\"");
    assertThat(sniff("{\"action\":\"\"}").knownAction()).isEmpty();
  }
}
