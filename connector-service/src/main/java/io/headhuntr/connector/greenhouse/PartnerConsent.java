package io.headhuntr.connector.greenhouse;

import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.credentials.Credentials;
import io.headhuntr.connector.credentials.PartnerClient;
import io.headhuntr.harvest.HarvestException;
import io.headhuntr.harvest.HarvestReauthorizationRequiredException;
import io.headhuntr.harvest.v3.ClientSecret;
import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.TokenIntrospection;
import io.headhuntr.harvest.v3.TokenPair;
import io.headhuntr.harvest.v3.TokenSource;
import io.headhuntr.harvest.v3.TokenStore;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * "Connect Greenhouse": sends the tenant to Greenhouse's consent page with a single-use state, and
 * on the way back exchanges the code, checks with introspection that the identity may list (a Site
 * Admin or a service user), and saves the token pair encrypted as the tenant's {@code v3_partner}
 * credential (which clears a {@code needs_reconnect} mark), then tells the listener given at
 * construction (pushes waiting for the reconnect go on). Nothing is saved unless every step
 * succeeds.
 */
public final class PartnerConsent {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(PartnerConsent.class);
  private final Credentials credentials;
  private final Consumer<UUID> connected;

  public PartnerConsent(Credentials credentials) {
    this(credentials, tenantId -> {});
  }

  /** As above; {@code connected} hears of each tenant connected (again), after the save. */
  public PartnerConsent(Credentials credentials, Consumer<UUID> connected) {
    this.credentials = credentials;
    this.connected = connected;
  }

  /**
   * Greenhouse's authorize URL for {@code tenantId}; a 409 problem when the operator has not
   * configured a partner client.
   */
  public URI start(UUID tenantId) {
    PartnerClient client = configured();
    return client(client, client.harvestUrl(), new HeldPair())
        .authorizeUrl(client.scopes(), credentials.issueOAuthState(tenantId));
  }

  /** The answer to Greenhouse's redirect back to {@code /oauth/greenhouse/callback}. */
  public CallbackPage finish(
      Optional<String> code,
      Optional<String> state,
      Optional<String> error,
      Optional<String> errorDescription) {
    Optional<UUID> tenant = state.flatMap(credentials::consumeOAuthState);
    if (tenant.isEmpty()) {
      return new CallbackPage(
          400,
          "This link no longer works",
          "The state of this sign-in is unknown, expired (10 minutes) or already used; nothing"
              + " was saved. Start again from \"Connect Greenhouse\".");
    }
    if (error.isPresent()) {
      return new CallbackPage(
          400,
          "Greenhouse did not connect",
          "Greenhouse answered "
              + error.get()
              + errorDescription.map(d -> " (" + d + ")").orElse("")
              + (error.get().equals("access_denied") ? ": the consent was declined" : "")
              + ". Nothing was saved; start again from \"Connect Greenhouse\".");
    }
    Optional<PartnerClient> partner = credentials.partnerClient();
    if (code.isEmpty() || partner.isEmpty()) {
      return new CallbackPage(
          400,
          "Greenhouse did not connect",
          partner.isEmpty()
              ? "The operator has not configured a Greenhouse partner client; nothing was saved."
              : "Greenhouse sent no code; nothing was saved.");
    }
    return exchange(tenant.get(), partner.get(), code.get());
  }

  private CallbackPage exchange(UUID tenantId, PartnerClient client, String code) {
    HeldPair held = new HeldPair();
    HarvestV3Client harvest = client(client, client.harvestUrl(), held);
    TokenIntrospection introspection;
    try {
      harvest.exchangeCode(code);
      introspection = harvest.introspect();
    } catch (HarvestReauthorizationRequiredException e) {
      return new CallbackPage(
          400,
          "Greenhouse did not connect",
          "Greenhouse refused the authorization code (expired, already used, or for another"
              + " redirect URI); nothing was saved. Start again from \"Connect Greenhouse\".");
    } catch (HarvestException e) {
      log.warn("tenant {}: exchanging a Greenhouse code failed: {}", tenantId, e.getMessage());
      return new CallbackPage(
          502,
          "Greenhouse did not answer",
          "Greenhouse failed (HTTP " + e.status() + "); nothing was saved. Try again later.");
    }
    if (!introspection.active() || held.pair.get() == null) {
      return new CallbackPage(
          502, "Greenhouse did not answer", "Greenhouse called its new token inactive; try again.");
    }
    if (!introspection.canList()) {
      return new CallbackPage(
          403,
          "This Greenhouse user cannot be used",
          "List endpoints need a Site Admin or a service user, and the consent was given as a user"
              + " whose role is "
              + introspection.userRole().orElse("unknown")
              + ". Nothing was saved: connect again and choose \"Authorize using a service"
              + " account\", or sign in as a Site Admin.");
    }
    Optional<Long> organizationId =
        introspection.organizationId().isPresent()
            ? Optional.of(introspection.organizationId().getAsLong())
            : Optional.empty();
    credentials.savePartner(
        tenantId,
        client,
        PartnerTokenStore.encode(held.pair.get()),
        introspection.scopes(),
        organizationId,
        introspection.organizationName());
    log.info(
        "tenant {} connected Greenhouse with the partner client {} (organization {})",
        tenantId,
        client.clientId(),
        organizationId.orElse(null));
    try {
      connected.accept(tenantId);
    } catch (RuntimeException e) {
      // the connection is saved; whoever waits for it also looks again on its own
      log.warn("tenant {}: telling that Greenhouse is connected failed", tenantId, e);
    }
    return new CallbackPage(
        200,
        "Connected",
        "The connector now reaches "
            + introspection.organizationName().orElse("Greenhouse")
            + ". You can close this page.");
  }

  /** A Harvest v3 client of the operator's partner client over {@code tokens}. */
  static HarvestV3Client client(PartnerClient client, URI harvestUrl, TokenStore tokens) {
    return HarvestV3Client.builder()
        .tokenSource(
            TokenSource.partner(
                client.clientId(),
                ClientSecret.of(client.clientSecret().value()),
                client.redirectUri(),
                tokens))
        .harvestUrl(harvestUrl)
        .authUrl(client.authUrl())
        .connectTimeout(Duration.ofSeconds(5))
        .requestTimeout(Duration.ofSeconds(30))
        .build();
  }

  private PartnerClient configured() {
    return credentials
        .partnerClient()
        .orElseThrow(
            () ->
                ProblemException.conflict(
                    "the operator has not configured a Greenhouse partner client",
                    List.of(
                        "set CONNECTOR_GREENHOUSE_PARTNER_CLIENT_ID, _CLIENT_SECRET and"
                            + " _REDIRECT_URI on the connector, or save v3 client credentials"
                            + " instead (PUT .../greenhouse/credential)")));
  }

  /** The pair of a code exchange, in memory until introspection approves it. */
  private static final class HeldPair implements TokenStore {
    private final AtomicReference<TokenPair> pair = new AtomicReference<>();

    @Override
    public Optional<TokenPair> load() {
      return Optional.ofNullable(pair.get());
    }

    @Override
    public void save(TokenPair tokens) {
      pair.set(tokens);
    }
  }
}
