package io.headhuntr.sandbox.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes and reads the sandbox's access tokens: compact JWTs signed with HMAC-SHA256 under a key
 * that lives as long as the sandbox.
 */
final class JwtCodec {
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();
  private static final String HEADER =
      URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  private final byte[] key;

  JwtCodec(byte[] key) {
    this.key = key.clone();
  }

  String encode(AccessClaims claims) {
    ObjectNode payload = Json.object();
    payload.put("iss", claims.issuer());
    payload.put("sub", Long.toString(claims.sub()));
    payload.put("client_id", claims.clientId());
    payload.put("scope", claims.scopeClaim());
    payload.put("iat", claims.iat());
    payload.put("exp", claims.exp());
    payload.put("jti", claims.jti());
    String body;
    try {
      body = URL.encodeToString(Json.MAPPER.writeValueAsBytes(payload));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String signed = HEADER + "." + body;
    return signed + "." + URL.encodeToString(sign(signed));
  }

  /** The claims of a well-formed token with a valid signature (expiry is not checked here). */
  Optional<AccessClaims> decode(String token) {
    if (token == null) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || !parts[0].equals(HEADER)) {
      return Optional.empty();
    }
    try {
      byte[] signature = URL_DECODER.decode(parts[2]);
      if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
        return Optional.empty();
      }
      JsonNode p = Json.MAPPER.readTree(URL_DECODER.decode(parts[1]));
      return Optional.of(
          new AccessClaims(
              p.path("iss").asText(),
              Long.parseLong(p.path("sub").asText()),
              p.path("client_id").asText(),
              Scopes.parse(p.path("scope").asText()),
              p.path("iat").asLong(),
              p.path("exp").asLong(),
              p.path("jti").asText()));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] sign(String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
