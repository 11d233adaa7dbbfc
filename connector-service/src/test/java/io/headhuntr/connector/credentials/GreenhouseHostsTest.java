package io.headhuntr.connector.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only Greenhouse (and what the operator allows) can be called with a tenant's credential. */
class GreenhouseHostsTest {
  private static final Map<String, String> DNS =
      Map.of(
          "harvest.greenhouse.io", "104.18.20.1",
          "auth.greenhouse.io", "104.18.21.1",
          "evil.greenhouse.io", "10.0.0.7",
          "metadata.greenhouse.io", "169.254.169.254",
          "internal.example.com", "192.168.1.20");

  private static GreenhouseHosts.Resolver dns() {
    return host -> {
      String address = DNS.get(host);
      if (address == null) {
        throw new UnknownHostException(host);
      }
      return new InetAddress[] {InetAddress.getByName(address)};
    };
  }

  private final GreenhouseHosts strict = GreenhouseHosts.greenhouseOnly().resolvingWith(dns());

  @Test
  void greenhouses_own_https_hosts_are_allowed() {
    assertThat(strict.refusal(URI.create("https://harvest.greenhouse.io"))).isEmpty();
    assertThat(strict.refusal(URI.create("https://auth.greenhouse.io"))).isEmpty();
  }

  @Test
  void any_other_host_port_scheme_or_private_address_is_refused_in_plain_words() {
    for (String url :
        new String[] {
          "http://internal.example.com",
          "http://127.0.0.1:5432",
          "http://localhost:8080",
          "https://harvest.greenhouse.io.attacker.example",
          "http://harvest.greenhouse.io",
          "https://harvest.greenhouse.io:8443",
          "https://evil.greenhouse.io",
          "https://metadata.greenhouse.io",
          "http://[::1]:80"
        }) {
      assertThat(strict.refusal(URI.create(url)))
          .as(url)
          .hasValueSatisfying(
              why -> assertThat(why).doesNotContain("10.0.0.7", "169.254", "192.168"));
    }
  }

  @Test
  void the_operator_may_allow_the_sandbox_on_one_port_or_any() {
    GreenhouseHosts demo =
        GreenhouseHosts.allowing("http://127.0.0.1:4010, http://localhost:*").resolvingWith(dns());

    assertThat(demo.refusal(URI.create("http://127.0.0.1:4010"))).isEmpty();
    assertThat(demo.refusal(URI.create("http://127.0.0.1:5432"))).isPresent();
    assertThat(demo.refusal(URI.create("http://localhost:39999"))).isEmpty();
    assertThat(demo.refusal(URI.create("https://localhost:39999"))).isPresent();
    assertThat(demo.refusal(URI.create("https://harvest.greenhouse.io"))).isEmpty();
    assertThatThrownBy(() -> GreenhouseHosts.allowing("127.0.0.1:4010"))
        .hasMessageContaining("CONNECTOR_ALLOW_GREENHOUSE_URLS")
        .hasMessageContaining("'127.0.0.1:4010'");
  }
}
