package io.headhuntr.connector.greenhouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.connector.credentials.PartnerTokenRow;
import io.headhuntr.harvest.HarvestReauthorizationRequiredException;
import io.headhuntr.harvest.v3.AccessToken;
import io.headhuntr.harvest.v3.RefreshToken;
import io.headhuntr.harvest.v3.TokenPair;
import io.headhuntr.harvest.v3.TokenStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A partner client's {@link TokenStore} over the tenant's database row ({@link PartnerTokenRow}):
 * the client loads before each refresh and saves the rotated pair before using it. The row stays
 * locked from load to save, except when the stored access token is one this port has not used yet
 * and is good for two more minutes (another instance rotated it: the client takes it as is, and no
 * second refresh is sent). A connection marked {@code needs_reconnect} loads as a reauthorization
 * error, without a call to Greenhouse.
 */
final class PartnerTokenStore implements TokenStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration FRESH_FOR = Duration.ofMinutes(2);
  private final PartnerTokenRow row;
  private final Clock clock;
  private final AtomicReference<AccessToken> lastSeen = new AtomicReference<>();

  PartnerTokenStore(PartnerTokenRow row, Clock clock) {
    this.row = row;
    this.clock = clock;
  }

  @Override
  public Optional<TokenPair> load() {
    try {
      return row.lockAndRead(this::usableAsIs).map(PartnerTokenStore::decode);
    } catch (PartnerTokenRow.NeedsReconnect e) {
      throw new HarvestReauthorizationRequiredException(
          "POST", "/token", 0, "this connection already needs a reconnect: " + e.getMessage());
    }
  }

  @Override
  public void save(TokenPair pair) {
    row.save(encode(pair));
    lastSeen.set(pair.accessToken());
  }

  /** Releases the row lock a load left held on this thread. */
  void releaseHeld() {
    row.releaseHeld();
  }

  private boolean usableAsIs(String stored) {
    AccessToken access = decode(stored).accessToken();
    AccessToken seen = lastSeen.getAndSet(access);
    return !access.equals(seen) && access.expiresAt().isAfter(clock.instant().plus(FRESH_FOR));
  }

  static String encode(TokenPair pair) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("access_token", pair.accessToken().reveal());
    fields.put("expires_at", pair.accessToken().expiresAt().toString());
    fields.put("refresh_token", pair.refreshToken().reveal());
    try {
      return JSON.writeValueAsString(fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TokenPair decode(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return new TokenPair(
          AccessToken.of(
              node.path("access_token").asText(), Instant.parse(node.path("expires_at").asText())),
          RefreshToken.of(node.path("refresh_token").asText()));
    } catch (IOException e) {
      // the parser's message may quote the text: it is left out
      throw new IllegalStateException("the stored partner tokens of a tenant do not read back");
    }
  }
}
