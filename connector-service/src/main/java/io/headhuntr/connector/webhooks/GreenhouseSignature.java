package io.headhuntr.connector.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Greenhouse's {@code Signature: sha256 <hex>} header: an HMAC-SHA256 of the raw request
 * bytes, keyed with the webhook's secret.
 *
 * <p>Verify the bytes exactly as received, before any parsing: Greenhouse escapes characters (such
 * as {@code <} to {@code \u003c}) before signing, so re-serialized JSON never matches. Every
 * accepted secret (the current one and, during a rotation, the previous one) is tried, each in
 * constant time.
 */
public final class GreenhouseSignature {

  private static final String ALGORITHM = "sha256";

  private final List<WebhookSecret> secrets;

  public GreenhouseSignature(List<WebhookSecret> secrets) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one secret is needed to verify a signature");
    }
    this.secrets = List.copyOf(secrets);
  }

  /** True when {@code header} is a sha256 signature of {@code body} under any accepted secret. */
  public boolean matches(byte[] body, String header) {
    if (header == null) {
      return false;
    }
    String[] parts = header.trim().split("\\s+", 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase(ALGORITHM)) {
      return false;
    }
    byte[] given = parts[1].trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    boolean matched = false;
    for (WebhookSecret secret : secrets) {
      // no early exit: the time taken does not tell which secret matched
      matched |=
          MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII), given);
    }
    return matched;
  }

  /** The header value Greenhouse would send for {@code body}: {@code "sha256 <lowercase hex>"}. */
  public static String header(WebhookSecret secret, byte[] body) {
    return ALGORITHM + " " + sign(secret, body);
  }

  private static String sign(WebhookSecret secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.value().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
