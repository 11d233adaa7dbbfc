package io.headhuntr.harvest;

import io.headhuntr.harvest.internal.HarvestTransport;
import io.headhuntr.harvest.internal.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A client for the Greenhouse Harvest API v1, for one credential. Build one per API key and share
 * it: it is thread-safe and its single rate-limit pacer is shared by all threads and by every
 * {@link #onBehalfOf} view.
 *
 * <p>Reads are on this object. Writes exist only on {@link Acting}, so a write without an acting
 * Greenhouse user does not compile. Lists are lazy streams that fetch one page at a time, when the
 * stream reaches it: stop reading whenever you like and later pages are never requested.
 */
public final class HarvestClient {
  private final HarvestTransport transport;
  private final Users users;
  private final Candidates candidates;
  private final Applications applications;
  private final Departments departments;
  private final Jobs jobs;
  private final JobPosts jobPosts;
  private final JobStages jobStages;
  private final Sources sources;
  private final ProspectPools prospectPools;
  private final EducationLookup<Degree> degrees;
  private final EducationLookup<Discipline> disciplines;
  private final EducationLookup<School> schools;

  private HarvestClient(HarvestTransport transport) {
    this.transport = transport;
    this.users = new Users(transport);
    this.candidates = new Candidates(transport);
    this.applications = new Applications(transport);
    this.departments = new Departments(transport);
    this.jobs = new Jobs(transport);
    this.jobPosts = new JobPosts(transport);
    this.jobStages = new JobStages(transport);
    this.sources = new Sources(transport);
    this.prospectPools = new ProspectPools(transport);
    this.degrees = new EducationLookup<>(transport, "/v1/degrees", Degree.class);
    this.disciplines = new EducationLookup<>(transport, "/v1/disciplines", Discipline.class);
    this.schools = new EducationLookup<>(transport, "/v1/schools", School.class);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A view that writes as this Greenhouse user (sent as {@code On-Behalf-Of}); same connection pool
   * and pacer.
   */
  public Acting onBehalfOf(GreenhouseUserId user) {
    return new Acting(this, Objects.requireNonNull(user, "user"));
  }

  /**
   * A view of this client whose reads leave {@code calls} of each rate window to writes, e.g. for a
   * background sync next to pushes: {@code harvest.withReadReserve(10)}. Same connections, same
   * pacer.
   */
  public HarvestClient withReadReserve(int calls) {
    return new HarvestClient(transport.withReadReserve(calls));
  }

  /** What the client last learned of the credential's rate budget. */
  public RateLimitStatus rateLimit() {
    return transport.rateLimitStatus();
  }

  public Users users() {
    return users;
  }

  public Candidates candidates() {
    return candidates;
  }

  public Applications applications() {
    return applications;
  }

  public Departments departments() {
    return departments;
  }

  public Jobs jobs() {
    return jobs;
  }

  public JobPosts jobPosts() {
    return jobPosts;
  }

  public JobStages jobStages() {
    return jobStages;
  }

  public Sources sources() {
    return sources;
  }

  public ProspectPools prospectPools() {
    return prospectPools;
  }

  public EducationLookup<Degree> degrees() {
    return degrees;
  }

  public EducationLookup<Discipline> disciplines() {
    return disciplines;
  }

  public EducationLookup<School> schools() {
    return schools;
  }

  @Override
  public String toString() {
    return "HarvestClient[" + rateLimit() + "]";
  }

  /** The client acting as one Greenhouse user: every read of the client, plus the writes. */
  public static final class Acting {
    private final HarvestClient client;
    private final GreenhouseUserId user;
    private final ActingCandidates candidates;
    private final ActingApplications applications;
    private final Prospects prospects;

    private Acting(HarvestClient client, GreenhouseUserId user) {
      this.client = client;
      this.user = user;
      this.candidates = new ActingCandidates(client.transport, user);
      this.applications = new ActingApplications(client.transport, user);
      this.prospects = new Prospects(client.transport, user);
    }

    /** The Greenhouse user this view writes as. */
    public GreenhouseUserId user() {
      return user;
    }

    public ActingCandidates candidates() {
      return candidates;
    }

    public ActingApplications applications() {
      return applications;
    }

    public Prospects prospects() {
      return prospects;
    }

    public Users users() {
      return client.users;
    }

    public Departments departments() {
      return client.departments;
    }

    public Jobs jobs() {
      return client.jobs;
    }

    public JobPosts jobPosts() {
      return client.jobPosts;
    }

    public JobStages jobStages() {
      return client.jobStages;
    }

    public Sources sources() {
      return client.sources;
    }

    public ProspectPools prospectPools() {
      return client.prospectPools;
    }

    public EducationLookup<Degree> degrees() {
      return client.degrees;
    }

    public EducationLookup<Discipline> disciplines() {
      return client.disciplines;
    }

    public EducationLookup<School> schools() {
      return client.schools;
    }

    public RateLimitStatus rateLimit() {
      return client.rateLimit();
    }

    @Override
    public String toString() {
      return "HarvestClient.Acting[user=" + user + "]";
    }
  }

  /** Configures a {@link HarvestClient}; every value is checked here, not on the first call. */
  public static final class Builder {
    private HarvestApiKey apiKey;
    private URI baseUrl = URI.create("https://harvest.greenhouse.io");
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private int maxAttempts = 4;
    private int reserveForWrites = 0;

    private Builder() {}

    public Builder apiKey(HarvestApiKey key) {
      this.apiKey = Objects.requireNonNull(key, "apiKey");
      return this;
    }

    /**
     * The origin only (the client adds {@code /v1/...}); default {@code
     * https://harvest.greenhouse.io}.
     */
    public Builder baseUrl(URI origin) {
      Objects.requireNonNull(origin, "baseUrl");
      String scheme = origin.getScheme();
      if (scheme == null
          || !(scheme.equals("https") || scheme.equals("http"))
          || origin.getHost() == null) {
        throw new IllegalArgumentException(
            "baseUrl must be an http(s) origin like https://harvest.greenhouse.io");
      }
      String path = origin.getRawPath();
      if (path != null && !path.isEmpty() && !path.equals("/")) {
        throw new IllegalArgumentException(
            "baseUrl must be the origin without a path (the client adds /v1/...), got path "
                + path);
      }
      if (origin.getRawQuery() != null || origin.getRawFragment() != null) {
        throw new IllegalArgumentException("baseUrl must not have a query or fragment");
      }
      this.baseUrl = URI.create(scheme + "://" + origin.getRawAuthority());
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

    /** The clock used for pacing; tests and schedulers inject their own. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How the client waits (pacing, backoff); tests inject one that moves a clock instead of
     * sleeping.
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Attempts per read, first one included (default 4); writes are always sent once. */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1 || attempts > 10) {
        throw new IllegalArgumentException("maxAttempts must be between 1 and 10, got " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * Calls of each rate window that reads leave to writes (default 0): with 5, a sync pauses when
     * 5 calls are left in the window, so pushes still get through.
     */
    public Builder reserveForWrites(int calls) {
      if (calls < 0) {
        throw new IllegalArgumentException("reserveForWrites must be >= 0, got " + calls);
      }
      this.reserveForWrites = calls;
      return this;
    }

    public HarvestClient build() {
      if (apiKey == null) {
        throw new IllegalStateException("a HarvestClient needs an apiKey");
      }
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(connectTimeout)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      return new HarvestClient(
          new HarvestTransport(
              apiKey,
              baseUrl,
              http,
              requestTimeout,
              clock,
              sleeper,
              RetryPolicy.defaults(maxAttempts),
              reserveForWrites));
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }
  }
}
