package io.headhuntr.connector.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One webhook request as Greenhouse sends it: its {@code Greenhouse-Event-ID}, raw body, and the
 * {@code Signature} header ({@code sha256 <hex HMAC-SHA256 of the raw body>}).
 */
public record SignedDelivery(String eventId, byte[] body, String signature) {

  public static SignedDelivery sign(String eventId, byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return new SignedDelivery(
          eventId, body, "sha256 " + HexFormat.of().formatHex(mac.doFinal(body)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
