package io.headhuntr.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headhuntr.harvest.v3.Actor;
import io.headhuntr.harvest.v3.ClientSecret;
import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.TokenSource;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The v3 builder checks every value when it is set or built, not on the first call. */
class V3ClientBuilderTest {
  static final TokenSource SOURCE =
      TokenSource.clientCredentials("c-1", ClientSecret.of("s3cret-value"));

  @Test
  void builds_with_the_greenhouse_defaults_and_only_a_token_source() {
    HarvestV3Client harvest = HarvestV3Client.builder().tokenSource(SOURCE).build();

    assertThat(harvest.actingAs(GreenhouseUserId.of(5)).actor())
        .isEqualTo(Actor.user(GreenhouseUserId.of(5)));
    assertThat(harvest.actingAsAuthorizedUser().actor()).isEqualTo(Actor.credential());
    assertThat(harvest.rateLimit().limit()).isEmpty();
  }

  @Test
  void refuses_to_build_without_a_token_source() {
    assertThatThrownBy(() -> HarvestV3Client.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs a tokenSource");
  }

  @Test
  void refuses_an_origin_with_a_path_a_query_or_another_scheme() {
    assertThatThrownBy(
            () ->
                HarvestV3Client.builder()
                    .harvestUrl(URI.create("https://harvest.greenhouse.io/v3")))
        .hasMessageContaining("harvestUrl must be the origin without a path");
    assertThatThrownBy(
            () -> HarvestV3Client.builder().authUrl(URI.create("https://auth.greenhouse.io/?x=1")))
        .hasMessageContaining("authUrl must not have a query");
    assertThatThrownBy(
            () -> HarvestV3Client.builder().authUrl(URI.create("ftp://auth.greenhouse.io")))
        .hasMessageContaining("authUrl must be an http(s) origin");
  }

  @Test
  void refuses_out_of_range_settings_naming_them() {
    assertThatThrownBy(() -> HarvestV3Client.builder().maxAttempts(0))
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> HarvestV3Client.builder().reserveForWrites(-1))
        .hasMessageContaining("reserveForWrites");
    assertThatThrownBy(() -> HarvestV3Client.builder().requestTimeout(Duration.ZERO))
        .hasMessageContaining("requestTimeout");
    assertThatThrownBy(() -> TokenSource.clientCredentials("has space", ClientSecret.of("x")))
        .hasMessageContaining("a client id is printable text");
    assertThatThrownBy(
            () -> TokenSource.partner("p", ClientSecret.of("x"), URI.create("/relative"), null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> HarvestV3Client.builder().tokenSource(SOURCE).build().withReadReserve(-1))
        .hasMessageContaining("read reserve must be >= 0");
  }
}
