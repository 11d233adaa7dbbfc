package io.headhuntr.connector.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GreenhouseSignatureTest {

  // computed once with: printf '<body>' | openssl dgst -sha256 -hmac 'whsec-known-answer'
  private static final byte[] ESCAPED_BODY =
      "{\"action\":\"ping\",\"payload\":{\"name\":\"a \\u003cb\\u003e\",\"endpoint_url\":\"https:\\/\\/x.example\\/\"}}"
          .getBytes(StandardCharsets.UTF_8);
  private static final String KNOWN_HEX =
      "e40cb42b8b009e536be7779338217451bde37eedc43dda31013c59ad9586c6ac";
  private static final WebhookSecret SECRET = new WebhookSecret("whsec-known-answer");

  @Test
  void accepts_the_known_answer_over_the_raw_escaped_bytes() {
    assertThat(
            new GreenhouseSignature(List.of(SECRET)).matches(ESCAPED_BODY, "sha256 " + KNOWN_HEX))
        .isTrue();
    assertThat(GreenhouseSignature.header(SECRET, ESCAPED_BODY)).isEqualTo("sha256 " + KNOWN_HEX);
  }

  @Test
  void accepts_upper_case_hex_and_extra_spaces() {
    assertThat(
            new GreenhouseSignature(List.of(SECRET))
                .matches(ESCAPED_BODY, "  SHA256  " + KNOWN_HEX.toUpperCase() + " "))
        .isTrue();
  }

  @Test
  void rejects_the_same_json_re_serialized_without_escapes() {
    byte[] unescaped =
        "{\"action\":\"ping\",\"payload\":{\"name\":\"a <b>\",\"endpoint_url\":\"https://x.example/\"}}"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(new GreenhouseSignature(List.of(SECRET)).matches(unescaped, "sha256 " + KNOWN_HEX))
        .isFalse();
  }

  @Test
  void rejects_a_missing_header_a_wrong_algorithm_and_a_wrong_secret() {
    GreenhouseSignature signature = new GreenhouseSignature(List.of(SECRET));
    assertThat(signature.matches(ESCAPED_BODY, null)).isFalse();
    assertThat(signature.matches(ESCAPED_BODY, "")).isFalse();
    assertThat(signature.matches(ESCAPED_BODY, KNOWN_HEX)).isFalse();
    assertThat(signature.matches(ESCAPED_BODY, "sha1 " + KNOWN_HEX)).isFalse();
    String other = GreenhouseSignature.header(new WebhookSecret("another"), ESCAPED_BODY);
    assertThat(signature.matches(ESCAPED_BODY, other)).isFalse();
  }

  @Test
  void accepts_any_of_several_secrets() {
    WebhookSecret old = new WebhookSecret("old-secret");
    GreenhouseSignature both = new GreenhouseSignature(List.of(SECRET, old));
    assertThat(both.matches(ESCAPED_BODY, GreenhouseSignature.header(old, ESCAPED_BODY))).isTrue();
    assertThat(both.matches(ESCAPED_BODY, "sha256 " + KNOWN_HEX)).isTrue();
  }

  @Test
  void a_secret_never_shows_in_its_string_form() {
    assertThat(SECRET.toString()).doesNotContain("known-answer");
    assertThat(WebhookSecret.generate().value()).hasSizeGreaterThanOrEqualTo(43);
  }
}
