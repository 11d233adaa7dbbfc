package io.headhuntr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headhuntr.harvest.HarvestReauthorizationRequiredException;
import io.headhuntr.harvest.v3.ClientSecret;
import io.headhuntr.harvest.v3.CommonQuery;
import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.TokenPair;
import io.headhuntr.harvest.v3.TokenSource;
import io.headhuntr.harvest.v3.TokenStore;
import io.headhuntr.sandbox.oauth.ClientCredentials;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A partner connection against the sandbox: consent, code exchange, and refresh tokens that rotate
 * on every use. The store is the only keeper of the refresh token, so a second client built over
 * the same store (another process) carries on, and a refresh token used twice is refused.
 */
class HarvestV3PartnerAgainstSandboxTest {
  private static final String REDIRECT = "http://127.0.0.1:8080/oauth/greenhouse/callback";

  /** A clock tests move by hand; the sandbox's lifetimes run on it. */
  private static final class HandClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-01T09:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** Keeps every saved pair, newest last, as a tenant's encrypted row would. */
  private static final class RecordingStore implements TokenStore {
    final List<TokenPair> saved = new CopyOnWriteArrayList<>();

    @Override
    public Optional<TokenPair> load() {
      return saved.isEmpty() ? Optional.empty() : Optional.of(saved.get(saved.size() - 1));
    }

    @Override
    public void save(TokenPair pair) {
      saved.add(pair);
    }
  }

  private static HarvestV3Client partner(GreenhouseSandbox sandbox, Clock clock, TokenStore store) {
    ClientCredentials id = sandbox.demoPartnerClient();
    return HarvestV3Client.builder()
        .tokenSource(
            TokenSource.partner(
                id.clientId(), ClientSecret.of(id.secret().value()), URI.create(REDIRECT), store))
        .harvestUrl(sandbox.baseUrl())
        .authUrl(sandbox.baseUrl())
        .clock(clock)
        .build();
  }

  @Test
  void refresh_tokens_rotate_through_the_store_and_a_used_one_is_refused() throws Exception {
    HandClock clock = new HandClock();
    try (GreenhouseSandbox sandbox =
        GreenhouseSandbox.builder().candidates(20).clock(clock).start()) {
      RecordingStore store = new RecordingStore();
      HarvestV3Client first = partner(sandbox, clock, store);

      String code = consentAsServiceAccount(sandbox, first.authorizeUrl(List.of(), "s-1"));
      first.exchangeCode(code);
      assertThat(store.saved).hasSize(1);
      assertThat(first.jobs().list(CommonQuery.all()).count()).isPositive();
      assertThat(first.introspect().userRole()).contains("service_user");

      clock.advance(Duration.ofMinutes(61));
      assertThat(first.jobs().list(CommonQuery.all()).count()).isPositive();
      assertThat(store.saved).as("the rotated pair was saved").hasSize(2);
      TokenPair spent = store.saved.get(0);
      assertThat(store.saved.get(1).refreshToken()).isNotEqualTo(spent.refreshToken());

      HarvestV3Client second = partner(sandbox, clock, store);
      clock.advance(Duration.ofMinutes(61));
      assertThat(second.jobs().list(CommonQuery.all()).count())
          .as("another process over the same store refreshes with the saved token")
          .isPositive();
      assertThat(store.saved).hasSize(3);

      RecordingStore stale = new RecordingStore();
      stale.save(spent);
      HarvestV3Client replaying = partner(sandbox, clock, stale);
      assertThatThrownBy(() -> replaying.jobs().list(CommonQuery.all()).count())
          .isInstanceOf(HarvestReauthorizationRequiredException.class)
          .hasMessageNotContaining(spent.refreshToken().reveal());
      assertThat(stale.saved).as("nothing overwritten by the refusal").containsExactly(spent);
      assertThat(second.jobs().list(CommonQuery.all()).count())
          .as("the live chain is untouched by the replay")
          .isPositive();
    }
  }

  /** Posts the consent page's form as a person choosing "Authorize using a service account". */
  private static String consentAsServiceAccount(GreenhouseSandbox sandbox, URI authorize)
      throws Exception {
    Map<String, String> fields =
        java.util.Arrays.stream(authorize.getRawQuery().split("&"))
            .map(p -> p.split("=", 2))
            .collect(
                Collectors.toMap(
                    p -> p[0],
                    p ->
                        java.net.URLDecoder.decode(
                            p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
    fields.put("choice", "service_account");
    String form =
        fields.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(sandbox.baseUrl().resolve("/authorize"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
    String location = answer.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(REDIRECT + "?code=").contains("state=s-1");
    String query = URI.create(location).getRawQuery();
    return java.util.Arrays.stream(query.split("&"))
        .filter(p -> p.startsWith("code="))
        .map(p -> java.net.URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8))
        .findFirst()
        .orElseThrow();
  }
}
