package io.headhuntr.sandbox.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Greenhouse's {@code Signature} header value: {@code sha256 <lowercase hex HMAC-SHA256>} of the
 * exact body bytes, keyed with the webhook's secret key as UTF-8 (WEBHOOKS.md section 3).
 */
public final class WebhookSignature {

  private WebhookSignature() {}

  /** The header value for {@code body} signed with {@code secretKey}. */
  public static String headerValue(String secretKey, byte[] body) {
    return "sha256 " + hex(secretKey, body);
  }

  /** The lowercase hex HMAC-SHA256 of {@code body}. */
  public static String hex(String secretKey, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
