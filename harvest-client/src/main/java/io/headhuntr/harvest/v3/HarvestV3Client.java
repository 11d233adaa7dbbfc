package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.GreenhouseUserId;
import io.headhuntr.harvest.RateLimitStatus;
import io.headhuntr.harvest.Sleeper;
import io.headhuntr.harvest.internal.RetryPolicy;
import io.headhuntr.harvest.internal.V3Transport;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A client for Greenhouse Harvest v3 (OAuth 2.0, cursor pages), for one credential. Build one per
 * credential and share it: it is thread-safe, and its one rate-limit pacer is shared by every
 * thread, acting view and token.
 *
 * <p>Reads are on this object and use the credential's own token. Writes exist only on {@link
 * Acting}, so a write without an acting identity does not compile: {@link #actingAs} (a
 * client-credentials token with that user as {@code sub}) or {@link #actingAsAuthorizedUser} (the
 * credential's own token; the only choice for a partner authorization). Lists are lazy streams that
 * fetch one page at a time, when the stream reaches it.
 */
public final class HarvestV3Client {
  private final V3Transport transport;
  private final TokenSource source;

  private HarvestV3Client(V3Transport transport, TokenSource source) {
    this.transport = transport;
    this.source = source;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A view that writes as {@code user}: its calls carry a client-credentials token whose {@code
   * sub} is that user, so Greenhouse attributes the writes to them. Same connections, same pacer.
   *
   * @throws IllegalStateException for a partner token source, which has no {@code sub}
   */
  public Acting actingAs(GreenhouseUserId user) {
    Objects.requireNonNull(user, "user");
    if (source instanceof TokenSource.Partner) {
      throw new IllegalStateException(
          "a partner authorization cannot act as another user (it has no sub): it acts as whoever"
              + " authorized it; use actingAsAuthorizedUser()");
    }
    return new Acting(this, Actor.user(user));
  }

  /**
   * A view that writes with the credential's own token: as the person or service account that
   * authorized a partner client, or as a custom client's integration service user.
   */
  public Acting actingAsAuthorizedUser() {
    return new Acting(this, Actor.credential());
  }

  /**
   * A view of this client whose reads leave {@code calls} of each rate window to writes, e.g. for a
   * background sync next to pushes. Same connections, tokens and pacer.
   */
  public HarvestV3Client withReadReserve(int calls) {
    return new HarvestV3Client(transport.withReadReserve(calls), source);
  }

  /** What the client last learned of the credential's Harvest rate budget. */
  public RateLimitStatus rateLimit() {
    return transport.rateLimitStatus();
  }

  /** Introspects the credential's own token (scopes, organization, role); fetches one if needed. */
  public TokenIntrospection introspect() {
    return transport.introspect(Actor.credential());
  }

  /**
   * The URL to send a person to so they authorize this partner client ({@code GET
   * {authUrl}/authorize}); {@code state} comes back on the redirect. Request exactly the scopes the
   * client is registered with: Greenhouse refuses the whole consent if one is not.
   *
   * @throws IllegalStateException for a client-credentials source
   */
  public URI authorizeUrl(Collection<String> scopes, String state) {
    return transport.authorizeUrl(List.copyOf(scopes), state);
  }

  /**
   * Exchanges the {@code code} of a partner consent's redirect for tokens; they are in the source's
   * {@link TokenStore} when this returns.
   *
   * @throws io.headhuntr.harvest.HarvestReauthorizationRequiredException when the code is refused
   *     (used, expired, or for another redirect URI)
   */
  public void exchangeCode(String code) {
    transport.exchangeCode(code);
  }

  // --- resources (wired by the resources helper) ---
  // Reads use the credential's own token (lists need a Site Admin or a service user).
  public Users users() {
    return new Users(transport);
  }

  public UserEmails userEmails() {
    return new UserEmails(transport);
  }

  public Departments departments() {
    return new Departments(transport);
  }

  public Offices offices() {
    return new Offices(transport);
  }

  public Sources sources() {
    return new Sources(transport);
  }

  public Jobs jobs() {
    return new Jobs(transport);
  }

  public JobPosts jobPosts() {
    return new JobPosts(transport);
  }

  public JobInterviewStages jobInterviewStages() {
    return new JobInterviewStages(transport);
  }

  public ProspectPools prospectPools() {
    return new ProspectPools(transport);
  }

  public ProspectPoolStages prospectPoolStages() {
    return new ProspectPoolStages(transport);
  }

  public Candidates candidates() {
    return new Candidates(transport);
  }

  public Applications applications() {
    return new Applications(transport);
  }

  public ApplicationStages applicationStages() {
    return new ApplicationStages(transport);
  }

  public RejectionReasons rejectionReasons() {
    return new RejectionReasons(transport);
  }

  public RejectionDetails rejectionDetails() {
    return new RejectionDetails(transport);
  }

  public Notes notes() {
    return new Notes(transport);
  }

  public Attachments attachments() {
    return new Attachments(transport);
  }

  public CandidateEducations candidateEducations() {
    return new CandidateEducations(transport);
  }

  public CandidateEmployments candidateEmployments() {
    return new CandidateEmployments(transport);
  }

  public CustomFieldOptions customFieldOptions() {
    return new CustomFieldOptions(transport);
  }

  public Webhooks webhooks() {
    return new Webhooks(transport);
  }

  // --- end of resources ---

  @Override
  public String toString() {
    return "HarvestV3Client["
        + source.getClass().getSimpleName()
        + " "
        + source.clientId()
        + ", "
        + rateLimit()
        + "]";
  }

  /** The client acting as one identity: every read of the client, plus the writes. */
  public static final class Acting {
    private final HarvestV3Client client;
    private final V3Transport transport;
    private final Actor actor;

    private Acting(HarvestV3Client client, Actor actor) {
      this.client = client;
      this.transport = client.transport;
      this.actor = actor;
    }

    /** Whose token this view's writes carry. */
    public Actor actor() {
      return actor;
    }

    /** Introspects this view's token (for a user, the token with that {@code sub}). */
    public TokenIntrospection introspect() {
      return transport.introspect(actor);
    }

    public RateLimitStatus rateLimit() {
      return client.rateLimit();
    }

    // --- resources (wired by the resources helper) ---
    // Writes carry this view's actor; reads are the client's (the credential's token).
    public Users users() {
      return client.users();
    }

    public UserEmails userEmails() {
      return client.userEmails();
    }

    public Departments departments() {
      return client.departments();
    }

    public Offices offices() {
      return client.offices();
    }

    public Sources sources() {
      return client.sources();
    }

    public Jobs jobs() {
      return client.jobs();
    }

    public JobPosts jobPosts() {
      return client.jobPosts();
    }

    public JobInterviewStages jobInterviewStages() {
      return client.jobInterviewStages();
    }

    public ProspectPools prospectPools() {
      return client.prospectPools();
    }

    public ProspectPoolStages prospectPoolStages() {
      return client.prospectPoolStages();
    }

    public ActingCandidates candidates() {
      return new ActingCandidates(transport, actor);
    }

    public ActingApplications applications() {
      return new ActingApplications(transport, actor);
    }

    public ApplicationStages applicationStages() {
      return client.applicationStages();
    }

    public RejectionReasons rejectionReasons() {
      return client.rejectionReasons();
    }

    public RejectionDetails rejectionDetails() {
      return client.rejectionDetails();
    }

    public ActingNotes notes() {
      return new ActingNotes(transport, actor);
    }

    public ActingAttachments attachments() {
      return new ActingAttachments(transport, actor);
    }

    public ActingCandidateEducations candidateEducations() {
      return new ActingCandidateEducations(transport, actor);
    }

    public ActingCandidateEmployments candidateEmployments() {
      return new ActingCandidateEmployments(transport, actor);
    }

    public CustomFieldOptions customFieldOptions() {
      return client.customFieldOptions();
    }

    public ActingWebhooks webhooks() {
      return new ActingWebhooks(transport, actor);
    }

    // --- end of resources ---

    @Override
    public String toString() {
      return "HarvestV3Client.Acting[" + actor + "]";
    }
  }

  /** Configures a {@link HarvestV3Client}; every value is checked here, not on the first call. */
  public static final class Builder {
    private TokenSource tokenSource;
    private URI harvestUrl = URI.create("https://harvest.greenhouse.io");
    private URI authUrl = URI.create("https://auth.greenhouse.io");
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private int maxAttempts = 4;
    private int reserveForWrites = 0;

    private Builder() {}

    /**
     * Where tokens come from: {@link TokenSource#clientCredentials} or {@link TokenSource#partner}.
     */
    public Builder tokenSource(TokenSource source) {
      this.tokenSource = Objects.requireNonNull(source, "tokenSource");
      return this;
    }

    /**
     * The Harvest origin only (the client adds {@code /v3/...}); default {@code
     * https://harvest.greenhouse.io}.
     */
    public Builder harvestUrl(URI origin) {
      this.harvestUrl = origin(origin, "harvestUrl");
      return this;
    }

    /**
     * The auth origin only ({@code /token}, {@code /authorize}, {@code /introspect}); default
     * {@code https://auth.greenhouse.io}.
     */
    public Builder authUrl(URI origin) {
      this.authUrl = origin(origin, "authUrl");
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** How long to wait for an answer; a write that gets none in time fails as possibly applied. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /** The clock used for pacing and token expiry; tests and schedulers inject their own. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How the client waits (pacing, backoff); tests inject one that moves a clock instead. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Attempts per read, first one included (default 4); writes are sent once (twice after a 401).
     */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1 || attempts > 10) {
        throw new IllegalArgumentException("maxAttempts must be between 1 and 10, got " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /** Calls of each rate window that reads leave to writes (default 0). */
    public Builder reserveForWrites(int calls) {
      if (calls < 0) {
        throw new IllegalArgumentException("reserveForWrites must be >= 0, got " + calls);
      }
      this.reserveForWrites = calls;
      return this;
    }

    public HarvestV3Client build() {
      if (tokenSource == null) {
        throw new IllegalStateException(
            "a HarvestV3Client needs a tokenSource (TokenSource.clientCredentials or"
                + " TokenSource.partner)");
      }
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(connectTimeout)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      return new HarvestV3Client(
          new V3Transport(
              harvestUrl,
              authUrl,
              tokenSource,
              http,
              requestTimeout,
              clock,
              sleeper,
              RetryPolicy.defaults(maxAttempts),
              reserveForWrites),
          tokenSource);
    }

    private static URI origin(URI origin, String name) {
      Objects.requireNonNull(origin, name);
      String scheme = origin.getScheme();
      if (scheme == null
          || !(scheme.equals("https") || scheme.equals("http"))
          || origin.getHost() == null) {
        throw new IllegalArgumentException(
            name + " must be an http(s) origin like https://harvest.greenhouse.io");
      }
      String path = origin.getRawPath();
      if (path != null && !path.isEmpty() && !path.equals("/")) {
        throw new IllegalArgumentException(
            name
                + " must be the origin without a path (the client adds the paths), got path "
                + path);
      }
      if (origin.getRawQuery() != null || origin.getRawFragment() != null) {
        throw new IllegalArgumentException(name + " must not have a query or fragment");
      }
      return URI.create(scheme + "://" + origin.getRawAuthority());
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }
  }
}
