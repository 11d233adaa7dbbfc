package io.headhuntr.harvest;

import static io.headhuntr.harvest.ScriptedGreenhouseV3.accessToken;
import static io.headhuntr.harvest.ScriptedGreenhouseV3.json;
import static io.headhuntr.harvest.ScriptedGreenhouseV3.refreshToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.headhuntr.harvest.internal.V3Transport;
import io.headhuntr.harvest.v3.AccessToken;
import io.headhuntr.harvest.v3.ClientSecret;
import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.RefreshToken;
import io.headhuntr.harvest.v3.TokenPair;
import io.headhuntr.harvest.v3.TokenSource;
import io.headhuntr.harvest.v3.TokenStore;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Partner authorizations: code exchange, rotating refresh tokens kept by the caller's store. */
class V3PartnerTest {
  static final URI REDIRECT = URI.create("https://connector.example/oauth/greenhouse/callback");

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  final ScriptedGreenhouseV3 greenhouse = new ScriptedGreenhouseV3(time);
  final RecordingStore store = new RecordingStore();
  TokenSource source;
  HarvestV3Client harvest;
  V3Transport transport;

  /** A store that remembers every save and how many Harvest calls had been made by then. */
  final class RecordingStore implements TokenStore {
    volatile Optional<TokenPair> current = Optional.empty();
    final List<TokenPair> saved = new CopyOnWriteArrayList<>();
    final List<Integer> harvestCallsAtSave = new CopyOnWriteArrayList<>();

    @Override
    public Optional<TokenPair> load() {
      return current;
    }

    @Override
    public void save(TokenPair pair) {
      harvestCallsAtSave.add(greenhouse.harvestCalls.size());
      saved.add(pair);
      current = Optional.of(pair);
    }
  }

  @BeforeEach
  void connect() {
    server.setDispatcher(greenhouse);
    source =
        TokenSource.partner(
            "partner-client-3", ClientSecret.of("partner_secret_abcdefgh1234"), REDIRECT, store);
    harvest = ScriptedGreenhouseV3.builder(server, time, source).build();
    transport = ScriptedGreenhouseV3.transport(server, time, source);
  }

  private static TokenPair expiredPair(String refresh) {
    return new TokenPair(
        AccessToken.of(
            "expired-access-token-0000", java.time.Instant.parse("2026-01-01T00:00:00Z")),
        RefreshToken.of(refresh));
  }

  private void read() {
    transport.list("/v3/jobs", Map.of(), Object.class).toList();
  }

  @Test
  void exchanges_a_consents_code_and_stores_the_pair() {
    harvest.exchangeCode("code-from-redirect");

    assertThat(greenhouse.tokenCalls.get(0).form())
        .containsExactly(
            Map.entry("grant_type", "authorization_code"),
            Map.entry("code", "code-from-redirect"),
            Map.entry("redirect_uri", REDIRECT.toString()));
    assertThat(store.saved).hasSize(1);
    assertThat(store.saved.get(0).accessToken().reveal()).isEqualTo(accessToken(1));
    assertThat(store.saved.get(0).refreshToken().reveal()).isEqualTo(refreshToken(1));
  }

  @Test
  void saves_the_rotated_pair_before_the_new_access_token_is_sent() {
    store.current = Optional.of(expiredPair("rt-stored-first"));

    read();

    assertThat(greenhouse.tokenCalls.get(0).form())
        .containsExactly(
            Map.entry("grant_type", "refresh_token"),
            Map.entry("refresh_token", "rt-stored-first"));
    assertThat(store.saved).hasSize(1);
    assertThat(store.harvestCallsAtSave).containsExactly(0);
    assertThat(greenhouse.harvestCalls.get(0).header("Authorization"))
        .isEqualTo("Bearer " + store.saved.get(0).accessToken().reveal());
  }

  @Test
  void loads_the_refresh_token_from_the_store_each_time_it_refreshes() {
    store.current = Optional.of(expiredPair("rt-first"));
    read();
    // Another process refreshed meanwhile and saved its own pair.
    store.current = Optional.of(expiredPair("rt-saved-by-another-process"));
    time.advance(Duration.ofHours(2));

    read();

    assertThat(greenhouse.tokenCalls)
        .extracting(s -> s.form().get("refresh_token"))
        .containsExactly("rt-first", "rt-saved-by-another-process");
  }

  @Test
  void a_reused_refresh_token_requires_reauthorization_and_the_store_keeps_its_last_pair() {
    TokenPair last = expiredPair("rt-already-used-once");
    store.current = Optional.of(last);
    greenhouse.enqueueToken(
        json(
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token already used\"}"));

    HarvestReauthorizationRequiredException e =
        catchThrowableOfType(HarvestReauthorizationRequiredException.class, this::read);

    assertThat(e)
        .hasMessageContaining("a person must reconnect")
        .hasMessageContaining("refresh token already used");
    assertThat(e.getMessage()).doesNotContain("rt-already-used-once");
    assertThat(store.saved).isEmpty();
    assertThat(store.current).contains(last);
    assertThat(greenhouse.harvestCalls).isEmpty();
  }

  @Test
  void without_a_stored_authorization_a_call_requires_reauthorization() {
    assertThatThrownBy(this::read)
        .isInstanceOf(HarvestReauthorizationRequiredException.class)
        .hasMessageContaining("no authorization is stored");
    assertThat(greenhouse.tokenCalls).isEmpty();
  }

  @Test
  void a_401_refreshes_once_and_resends() {
    harvest.exchangeCode("code-1");
    greenhouse.enqueue(json(401, "{\"message\":\"revoked\"}"));

    read();

    assertThat(greenhouse.tokenCalls)
        .extracting(s -> s.form().get("grant_type"))
        .containsExactly("authorization_code", "refresh_token");
    assertThat(greenhouse.tokenCalls.get(1).form().get("refresh_token")).isEqualTo(refreshToken(1));
    assertThat(greenhouse.harvestCalls)
        .extracting(s -> s.header("Authorization"))
        .containsExactly("Bearer " + accessToken(1), "Bearer " + accessToken(2));
  }

  @Test
  void acting_as_a_user_is_impossible_for_a_partner_and_says_why() {
    assertThatThrownBy(() -> harvest.actingAs(GreenhouseUserId.of(7)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no sub")
        .hasMessageContaining("actingAsAuthorizedUser()");
    assertThat(harvest.actingAsAuthorizedUser().actor())
        .isEqualTo(io.headhuntr.harvest.v3.Actor.credential());
  }

  @Test
  void builds_the_authorize_url_with_client_redirect_scopes_and_state() {
    URI url =
        harvest.authorizeUrl(List.of("harvest:jobs:list", "harvest:candidates:create"), "st-42");

    assertThat(url.getPath()).isEqualTo("/authorize");
    assertThat(url.getRawQuery())
        .isEqualTo(
            "response_type=code&client_id=partner-client-3"
                + "&redirect_uri=https%3A%2F%2Fconnector.example%2Foauth%2Fgreenhouse%2Fcallback"
                + "&scope=harvest%3Ajobs%3Alist%20harvest%3Acandidates%3Acreate&state=st-42");
    assertThatThrownBy(
            () ->
                ScriptedGreenhouseV3.builder(server, time, ScriptedGreenhouseV3.clientCredentials())
                    .build()
                    .authorizeUrl(List.of(), "s"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only a partner");
  }

  @Test
  void introspects_the_authorizations_token() {
    harvest.exchangeCode("code-1");
    greenhouse.introspection =
        json(
            200,
            "{\"active\":true,\"client_id\":\"partner-client-3\",\"sub\":\"4000000001\","
                + "\"scope\":\"harvest:candidates:list harvest:jobs:list\",\"iat\":1,\"exp\":2,"
                + "\"https://auth.greenhouse.io/claims\":{\"organization\":{\"id\":4000000000,"
                + "\"name\":\"Acme\"},\"user_role\":\"site_admin\"}}");

    var seen = harvest.introspect();

    assertThat(greenhouse.introspectCalls.get(0).form())
        .containsEntry("token", accessToken(1))
        .containsEntry("token_type_hint", "access_token");
    assertThat(seen.active()).isTrue();
    assertThat(seen.subject()).contains(GreenhouseUserId.of(4000000001L));
    assertThat(seen.scopes())
        .containsExactlyInAnyOrder("harvest:candidates:list", "harvest:jobs:list");
    assertThat(seen.organizationId()).hasValue(4000000000L);
    assertThat(seen.organizationName()).contains("Acme");
    assertThat(seen.canList()).isTrue();
  }
}
