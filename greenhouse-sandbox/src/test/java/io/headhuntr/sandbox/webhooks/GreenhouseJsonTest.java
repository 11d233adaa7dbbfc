package io.headhuntr.sandbox.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class GreenhouseJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void escapes_html_characters_as_greenhouse_does_before_signing() {
    ObjectNode node = JSON.createObjectNode().put("notes", "<p>hello</p> R&D");

    assertThat(GreenhouseJson.writeString(node))
        .isEqualTo("{\"notes\":\"\\u003cp\\u003ehello\\u003c\\/p\\u003e R\\u0026D\"}");
  }

  @Test
  void escapes_slashes_like_the_ping_fixture() {
    ObjectNode node = JSON.createObjectNode().put("endpoint_url", "https://zulip.example.com/");

    assertThat(GreenhouseJson.writeString(node))
        .isEqualTo("{\"endpoint_url\":\"https:\\/\\/zulip.example.com\\/\"}");
  }

  @Test
  void escapes_every_non_ascii_character_in_lowercase_hex_and_emoji_as_surrogate_pairs() {
    ObjectNode node = JSON.createObjectNode().put("name", "Zoë Ñúñez 😀");

    byte[] bytes = GreenhouseJson.write(node);

    assertThat(new String(bytes, StandardCharsets.US_ASCII))
        .isEqualTo("{\"name\":\"Zo\\u00eb \\u00d1\\u00fa\\u00f1ez \\ud83d\\ude00\"}");
    for (byte b : bytes) {
      assertThat(b).isBetween((byte) 0x20, (byte) 0x7e);
    }
  }

  @Test
  void keeps_quotes_backslashes_controls_numbers_and_nulls_valid_and_round_trips()
      throws Exception {
    ObjectNode node = JSON.createObjectNode();
    node.put("quote", "say \"hi\" \\ back\nline\ttab\u0001");
    node.put("big", 4280249007L);
    node.put("ratio", 0.25);
    node.put("flag", true);
    node.putNull("nothing");
    node.putArray("list").add(1).add("a/b");

    String text = GreenhouseJson.writeString(node);

    assertThat(text)
        .contains("\\\"hi\\\"", "\\\\ back", "\\n", "\\t", "\\u0001", "4280249007", "0.25");
    assertThat(JSON.readTree(text)).isEqualTo(node);
  }

  @Test
  void reproduces_the_known_answer_vector_byte_for_byte() throws Exception {
    byte[] body = resource("signature-vector-body.json");
    Properties vector = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/webhooks/signature-vector.properties")) {
      vector.load(in);
    }
    JsonNode parsed = JSON.readTree(body);

    byte[] rewritten = GreenhouseJson.write(parsed);

    assertThat(new String(rewritten, StandardCharsets.US_ASCII))
        .isEqualTo(new String(body, StandardCharsets.US_ASCII));
    assertThat(WebhookSignature.headerValue(vector.getProperty("secret_key"), rewritten))
        .isEqualTo("sha256 " + vector.getProperty("hmac_sha256_hex"));
  }

  @Test
  void signature_changes_with_the_secret_and_with_one_byte_of_body() throws Exception {
    byte[] body = resource("signature-vector-body.json");
    Properties vector = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/webhooks/signature-vector.properties")) {
      vector.load(in);
    }
    String expected = vector.getProperty("hmac_sha256_hex");
    byte[] tampered = body.clone();
    tampered[tampered.length - 3] = (byte) '9';

    assertThat(WebhookSignature.hex(vector.getProperty("secret_key"), tampered))
        .isNotEqualTo(expected);
    assertThat(WebhookSignature.hex("another secret", body)).isNotEqualTo(expected);
    assertThat(WebhookSignature.hex(vector.getProperty("secret_key"), body)).isEqualTo(expected);
  }

  private byte[] resource(String name) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/webhooks/" + name)) {
      return in.readAllBytes();
    }
  }
}
