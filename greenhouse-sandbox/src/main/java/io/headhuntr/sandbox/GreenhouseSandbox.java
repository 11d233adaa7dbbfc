package io.headhuntr.sandbox;

import static io.headhuntr.sandbox.Permissions.*;

import io.headhuntr.sandbox.faults.FaultInjector;
import io.headhuntr.sandbox.harvest.ApplicationActions;
import io.headhuntr.sandbox.harvest.ApplicationHandlers;
import io.headhuntr.sandbox.harvest.CandidateBackground;
import io.headhuntr.sandbox.harvest.CandidateEdits;
import io.headhuntr.sandbox.harvest.CandidateHandlers;
import io.headhuntr.sandbox.harvest.JobHandlers;
import io.headhuntr.sandbox.harvest.JobPostHandlers;
import io.headhuntr.sandbox.harvest.JobStageHandlers;
import io.headhuntr.sandbox.harvest.ProspectConversion;
import io.headhuntr.sandbox.harvest.ReferenceHandlers;
import io.headhuntr.sandbox.http.ApiKeys;
import io.headhuntr.sandbox.http.HarvestError;
import io.headhuntr.sandbox.http.HarvestGuard;
import io.headhuntr.sandbox.http.Pages;
import io.headhuntr.sandbox.http.RateLimiter;
import io.headhuntr.sandbox.http.Respond;
import io.headhuntr.sandbox.oauth.AuthServer;
import io.headhuntr.sandbox.oauth.ClientCredentials;
import io.headhuntr.sandbox.oauth.ClientKind;
import io.headhuntr.sandbox.oauth.OAuthClient;
import io.headhuntr.sandbox.oauth.OAuthError;
import io.headhuntr.sandbox.oauth.Scopes;
import io.headhuntr.sandbox.seed.AccountSeeder;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.v3.V3Routes;
import io.headhuntr.sandbox.webhooks.WebhookHub;
import io.headhuntr.sandbox.webhooks.WebhookHubConfig;
import io.headhuntr.sandbox.webhooks.WebhookPayloads;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A stateful emulator of one Greenhouse account (Harvest v1 and v3, the OAuth auth server,
 * webhooks, the users export) on 127.0.0.1. Every route is declared in {@link #routes}; start one
 * with {@link #builder()}. The class runs past 400 lines on purpose: the whole route table (every
 * v1, auth-server and admin route, and the call registering the v3 routes of {@code V3Routes})
 * stays in one place so a reader finds every endpoint here.
 *
 * <pre>{@code
 * try (GreenhouseSandbox gh = GreenhouseSandbox.builder().apiKey("KEY").seed(SandboxSeed.DEMO).start()) {
 *   URI base = gh.baseUrl();   // http://127.0.0.1:<port>, Harvest under /v1, admin under /sandbox
 * }
 * }</pre>
 */
public final class GreenhouseSandbox implements AutoCloseable {
  private static final String MATCHED = "sandbox.routeMatched";

  /** The demo seed's custom (client credentials) client. */
  public static final String DEMO_CUSTOM_CLIENT = "sandbox-custom";

  /** The demo seed's partner (consent) client. */
  public static final String DEMO_PARTNER_CLIENT = "sandbox-partner";

  private final SandboxConfig config;
  private final Account account;
  private final ApiKeys keys = new ApiKeys();
  private final RateLimiter limiter;
  private final WebhookHub hub;
  private final FaultInjector faults;
  private final AuthServer auth;
  private final Optional<ClientCredentials> demoCustom;
  private final Optional<ClientCredentials> demoPartner;
  private final Javalin app;

  private GreenhouseSandbox(SandboxConfig config) {
    this.config = config;
    this.account = new Account(config.clock());
    AccountSeeder seeder = new AccountSeeder(account, config.randomSeed());
    if (config.seed() == SandboxSeed.DEMO) {
      seeder.seedDemo(config.candidates());
    } else {
      seeder.seedEmpty();
    }
    if (config.apiKey() != null) {
      keys.add(config.apiKey(), Set.of(ApiKeys.ALL));
    }
    this.limiter = new RateLimiter(config.rateLimit(), config.rateWindow(), config.clock());
    this.hub =
        new WebhookHub(
            WebhookHubConfig.defaults()
                .withTimeScale(config.timeScale())
                .withClock(config.clock()));
    this.faults = new FaultInjector(new SplittableRandom(config.randomSeed()));
    this.auth =
        new AuthServer(
            account,
            new AuthServer.Settings(
                config.clock(),
                config.timeScale(),
                config.v3RateLimit(),
                config.v3RateWindow(),
                "greenhouse-sandbox"),
            limiter,
            faults::around);
    if (config.seed() == SandboxSeed.DEMO) {
      SplittableRandom secrets = new SplittableRandom(config.randomSeed() ^ 0x5EC2E75L);
      this.demoCustom =
          Optional.of(demoClient(DEMO_CUSTOM_CLIENT, ClientKind.CUSTOM, secrets, Optional.empty()));
      this.demoPartner =
          Optional.of(
              demoClient(
                  DEMO_PARTNER_CLIENT,
                  ClientKind.PARTNER,
                  secrets,
                  Optional.of(config.partnerRedirectUri())));
    } else {
      this.demoCustom = Optional.empty();
      this.demoPartner = Optional.empty();
    }
    Events events = new Events(account, hub, new WebhookPayloads(new StoreLookups(account)));
    this.app = routes(events);
  }

  private ClientCredentials demoClient(
      String id, ClientKind kind, SplittableRandom secrets, Optional<String> redirectUri) {
    byte[] bytes = new byte[20];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) secrets.nextInt(256);
    }
    String secret = HexFormat.of().formatHex(bytes);
    auth.addClient(id, secret, kind, Set.copyOf(Scopes.ALL), redirectUri);
    return new ClientCredentials(id, secret);
  }

  private Javalin routes(Events events) {
    Pages pages = new Pages();
    HarvestGuard guard =
        new HarvestGuard(keys, limiter, account, faults::around, config.missingPermissionStatus());
    ApplicationHandlers applications = new ApplicationHandlers(account, pages, events);
    ApplicationActions actions = new ApplicationActions(account, events);
    ProspectConversion conversion = new ProspectConversion(account, events);
    CandidateHandlers candidates =
        new CandidateHandlers(account, pages, events, config.asyncDelay());
    CandidateBackground background = new CandidateBackground(account, events);
    CandidateEdits edits = new CandidateEdits(account, events, config.asyncDelay());
    JobHandlers jobs = new JobHandlers(account, pages, events);
    JobPostHandlers posts = new JobPostHandlers(account, pages, events);
    JobStageHandlers stages = new JobStageHandlers(account, pages, events);
    ReferenceHandlers reference = new ReferenceHandlers(account, pages);
    UsersExport export = new UsersExport(account);
    V3Routes v3 = new V3Routes(account, events, hub, config);
    return Javalin.create(
        cfg -> {
          cfg.startup.showJavalinBanner = false;
          cfg.jetty.host = "127.0.0.1";
          cfg.jetty.port = config.port();
          cfg.http.maxRequestSize = 50_000_000L; // Base64 resumes in candidate creates
          cfg.routes.exception(
              HarvestError.class, (e, ctx) -> Respond.json(ctx, e.status(), e.body()));
          cfg.routes.exception(
              OAuthError.class,
              (e, ctx) -> {
                if (e.status() == 401) {
                  ctx.header("WWW-Authenticate", "Basic realm=\"greenhouse-sandbox\"");
                }
                Respond.json(ctx, e.status(), e.body());
              });
          cfg.routes.beforeMatched(ctx -> ctx.attribute(MATCHED, Boolean.TRUE));
          cfg.routes.error(
              404,
              ctx -> {
                if (ctx.attribute(MATCHED) == null) {
                  // no route matched: answer like Harvest, not with Javalin's plain-text page
                  Respond.json(ctx, 404, HarvestError.notFound().body());
                }
              });
          cfg.routes.after(
              ctx -> {
                String key = ctx.attribute(HarvestGuard.API_KEY);
                if (key != null && ctx.status().getCode() == 429) {
                  limiter.countLimited(key);
                }
              });
          var r = cfg.routes;
          // Harvest v1: applications
          r.get("/v1/applications", guard.harvest(LIST_APPLICATIONS, applications::list));
          r.get("/v1/applications/{id}", guard.harvest(RETRIEVE_APPLICATION, applications::get));
          r.patch(
              "/v1/applications/{id}/convert_prospect",
              guard.harvest(CONVERT_PROSPECT, conversion::convert));
          r.patch("/v1/applications/{id}", guard.harvest(UPDATE_APPLICATION, applications::patch));
          r.delete("/v1/applications/{id}", guard.harvest(DELETE_APPLICATION, actions::delete));
          r.post(
              "/v1/applications/{id}/attachments",
              guard.harvest(ADD_ATTACHMENT, applications::addAttachment));
          r.post(
              "/v1/applications/{id}/advance",
              guard.harvest(ADVANCE_APPLICATION, actions::advance));
          r.post("/v1/applications/{id}/move", guard.harvest(MOVE_APPLICATION, actions::move));
          r.post(
              "/v1/applications/{id}/reject", guard.harvest(REJECT_APPLICATION, actions::reject));
          r.patch(
              "/v1/applications/{id}/reject",
              guard.harvest(UPDATE_REJECTION_REASON, actions::updateRejection));
          r.post(
              "/v1/applications/{id}/unreject",
              guard.harvest(UNREJECT_APPLICATION, actions::unreject));
          r.post("/v1/applications/{id}/hire", guard.harvest(HIRE_APPLICATION, actions::hire));
          r.post(
              "/v1/applications/{id}/transfer_to_job",
              guard.harvest(TRANSFER_APPLICATION, actions::transfer));
          // Harvest v1: candidates and prospects
          r.get("/v1/candidates", guard.harvest(LIST_CANDIDATES, candidates::list));
          r.post("/v1/candidates", guard.harvest(ADD_CANDIDATE, candidates::create));
          r.put("/v1/candidates/merge", guard.harvest(MERGE_CANDIDATES, edits::merge));
          r.get("/v1/candidates/{id}", guard.harvest(RETRIEVE_CANDIDATE, candidates::get));
          r.patch("/v1/candidates/{id}", guard.harvest(EDIT_CANDIDATE, edits::patch));
          r.delete("/v1/candidates/{id}", guard.harvest(DELETE_CANDIDATE, edits::delete));
          r.put(
              "/v1/candidates/{id}/anonymize",
              guard.harvest(ANONYMIZE_CANDIDATE, edits::anonymize));
          r.get(
              "/v1/candidates/{id}/activity_feed",
              guard.harvest(RETRIEVE_ACTIVITY_FEED, edits::activityFeed));
          r.post(
              "/v1/candidates/{id}/activity_feed/notes", guard.harvest(ADD_NOTE, edits::addNote));
          r.post(
              "/v1/candidates/{id}/activity_feed/emails",
              guard.harvest(ADD_EMAIL_NOTE, edits::addEmailNote));
          r.post(
              "/v1/candidates/{id}/attachments",
              guard.harvest(ADD_ATTACHMENT, edits::addAttachment));
          r.post(
              "/v1/candidates/{id}/applications",
              guard.harvest(ADD_APPLICATION, edits::addApplication));
          r.post(
              "/v1/candidates/{id}/educations", guard.harvest(ADD_EDUCATION, edits::addEducation));
          r.post(
              "/v1/candidates/{id}/employments",
              guard.harvest(ADD_EMPLOYMENT, edits::addEmployment));
          r.delete(
              "/v1/candidates/{id}/educations/{entry}",
              guard.harvest(DELETE_EDUCATION, background::deleteEducation));
          r.delete(
              "/v1/candidates/{id}/employments/{entry}",
              guard.harvest(DELETE_EMPLOYMENT, background::deleteEmployment));
          r.post("/v1/prospects", guard.harvest(ADD_PROSPECT, candidates::createProspect));
          // Harvest v1: organisation
          r.get("/v1/users", guard.harvest(LIST_USERS, reference::listUsers));
          r.get("/v1/users/{id}", guard.harvest(RETRIEVE_USER, reference::getUser));
          r.get("/v1/departments", guard.harvest(LIST_DEPARTMENTS, reference::listDepartments));
          r.get(
              "/v1/departments/{id}", guard.harvest(RETRIEVE_DEPARTMENT, reference::getDepartment));
          r.get("/v1/jobs", guard.harvest(LIST_JOBS, jobs::listJobs));
          r.post("/v1/jobs", guard.harvest(CREATE_JOB, jobs::createJob));
          r.get("/v1/jobs/{id}", guard.harvest(RETRIEVE_JOB, jobs::getJob));
          r.patch("/v1/jobs/{id}", guard.harvest(UPDATE_JOB, jobs::updateJob));
          r.get(
              "/v1/jobs/{id}/job_posts",
              guard.harvest(LIST_JOB_POSTS_FOR_JOB, posts::listJobPostsForJob));
          r.get(
              "/v1/jobs/{id}/job_post",
              guard.harvest(RETRIEVE_JOB_POST_FOR_JOB, posts::getJobPostForJob));
          r.get(
              "/v1/jobs/{id}/stages",
              guard.harvest(LIST_JOB_STAGES_FOR_JOB, stages::listStagesForJob));
          r.get("/v1/job_posts", guard.harvest(LIST_JOB_POSTS, posts::listJobPosts));
          r.get("/v1/job_posts/{id}", guard.harvest(RETRIEVE_JOB_POST, posts::getJobPost));
          r.patch("/v2/job_posts/{id}", guard.harvest(UPDATE_JOB_POST, posts::updateJobPost));
          r.patch(
              "/v2/job_posts/{id}/status",
              guard.harvest(UPDATE_JOB_POST_STATUS, posts::updateJobPostStatus));
          r.get("/v1/job_stages", guard.harvest(LIST_JOB_STAGES, stages::listStages));
          r.get("/v1/job_stages/{id}", guard.harvest(RETRIEVE_JOB_STAGE, stages::getStage));
          r.get("/v1/sources", guard.harvest(LIST_SOURCES, reference::listSources));
          r.get(
              "/v1/prospect_pools",
              guard.harvest(LIST_PROSPECT_POOLS, reference::listProspectPools));
          r.get(
              "/v1/prospect_pools/{id}",
              guard.harvest(RETRIEVE_PROSPECT_POOL, reference::getProspectPool));
          r.get("/v1/degrees", guard.harvest(LIST_DEGREES, reference::listDegrees));
          r.get("/v1/disciplines", guard.harvest(LIST_DISCIPLINES, reference::listDisciplines));
          r.get("/v1/schools", guard.harvest(LIST_SCHOOLS, reference::listSchools));
          // Harvest v3 (OAuth bearer tokens; every route passes the V3Guard)
          v3.register(r, auth.guard());
          // Greenhouse's auth server (OAuth 2.0)
          r.post("/token", auth.token());
          r.get("/authorize", auth.consentPage());
          r.post("/authorize", auth.consentForm());
          r.post("/introspect", auth.introspect());
          // Sandbox administration (no auth)
          r.post("/sandbox/oauth/clients", auth.createClient());
          r.get("/sandbox/oauth/clients", auth.listClients());
          r.delete("/sandbox/oauth/clients/{id}", auth.deleteClient());
          r.put("/sandbox/oauth/clients/{id}/scopes", auth.replaceScopes());
          r.post("/sandbox/oauth/clients/{id}/revoke", auth.revokeClient());
          r.get("/sandbox/keys", keys::list);
          r.post("/sandbox/keys", keys::create);
          r.delete("/sandbox/keys/{key}", keys::delete);
          r.get("/sandbox/stats", limiter::stats);
          r.post("/sandbox/webhooks", hub::create);
          r.get("/sandbox/webhooks", hub::list);
          r.patch("/sandbox/webhooks/{id}", hub::update);
          r.delete("/sandbox/webhooks/{id}", hub::delete);
          r.get("/sandbox/deliveries", hub::deliveries);
          r.post("/sandbox/deliveries/retry", hub::retryNow);
          r.get("/sandbox/notices", hub::notices);
          r.post("/sandbox/faults", faults::configure);
          r.get("/sandbox/users/export.xlsx", export::export);
          r.post("/sandbox/bulk/reject", actions::bulkReject);
          r.post("/sandbox/applications/{id}/unhire", admin(actions::unhire));
          r.post("/sandbox/candidates/{id}/anonymize", admin(edits::anonymize));
          r.delete("/sandbox/jobs/{id}", jobs::deleteJob);
          r.delete("/sandbox/job_posts/{id}", posts::deleteJobPost);
          r.delete("/sandbox/job_stages/{id}", stages::deleteStage);
          r.delete("/sandbox/users/{id}", reference::deleteUser);
          r.post("/sandbox/users/{id}/disable", reference::disableUser);
          r.delete("/sandbox/departments/{id}", reference::deleteDepartment);
          r.delete("/sandbox/sources/{id}", reference::deleteSource);
        });
  }

  /**
   * An admin route reusing a Harvest handler: the acting user is On-Behalf-Of's if given, else the
   * first site admin.
   */
  private Handler admin(Handler handler) {
    return ctx -> {
      String header = ctx.header("On-Behalf-Of");
      long user =
          account.read(
              () -> {
                if (header != null) {
                  try {
                    long id = Long.parseLong(header.trim());
                    if (account.users.containsKey(id)) {
                      return id;
                    }
                  } catch (NumberFormatException e) {
                    // refused below
                  }
                  throw HarvestError.notFound();
                }
                return account.users.values().stream()
                    .filter(u -> u.siteAdmin)
                    .map(u -> u.id)
                    .findFirst()
                    .orElse(0L);
              });
      ctx.attribute(HarvestGuard.ACTING_USER, user);
      handler.handle(ctx);
    };
  }

  public static Builder builder() {
    return new Builder();
  }

  private GreenhouseSandbox startServer() {
    try {
      app.start();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    return this;
  }

  /** The origin, e.g. {@code http://127.0.0.1:4010}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + app.port());
  }

  public int port() {
    return app.port();
  }

  public SandboxConfig config() {
    return config;
  }

  /** Requests made with this key so far (every Harvest call, refused or not). */
  public long requestCount(String key) {
    return limiter.requests(key);
  }

  /** 429 answers given to this key so far. */
  public long rateLimitedCount(String key) {
    return limiter.limited(key);
  }

  /**
   * Registers an OAuth client (and its service user) with these scopes of {@link Scopes}; a partner
   * needs its one redirect URI. An unknown scope is an IllegalArgumentException.
   */
  public OAuthClient addOAuthClient(
      String clientId, String secret, ClientKind kind, Set<String> scopes, String redirectUri) {
    return auth.addClient(clientId, secret, kind, scopes, Optional.ofNullable(redirectUri));
  }

  /** The registered OAuth clients (ids, kinds, scopes, service user ids; secrets redacted). */
  public List<OAuthClient> oauthClients() {
    return auth.clients();
  }

  /** Token requests that presented this client id so far, refused or not. */
  public long tokenRequestCount(String clientId) {
    return auth.tokenRequestCount(clientId);
  }

  /** The demo seed's custom client; an IllegalStateException with another seed. */
  public ClientCredentials demoCustomClient() {
    return demoCustom.orElseThrow(() -> new IllegalStateException("only the demo seed has it"));
  }

  /** The demo seed's partner client; an IllegalStateException with another seed. */
  public ClientCredentials demoPartnerClient() {
    return demoPartner.orElseThrow(() -> new IllegalStateException("only the demo seed has it"));
  }

  /** The URL of the token endpoint, e.g. {@code http://127.0.0.1:4010/token}. */
  public URI tokenUrl() {
    return baseUrl().resolve("/token");
  }

  /** Grants a new key exactly these permissions (see {@link Permissions}; "*" = all). */
  public void addApiKey(String key, Set<String> permissions) {
    keys.add(key, permissions);
  }

  /**
   * Releases requests held by injected faults first, so the server stops with nothing in flight.
   */
  @Override
  public void close() {
    faults.close();
    app.stop();
    hub.close();
  }

  /** Configures and starts a sandbox; every setting has a default. */
  public static final class Builder {
    private int port = 0;
    private String apiKey;
    private SandboxSeed seed = SandboxSeed.DEMO;
    private int candidates = 400;
    private long randomSeed = 42L;
    private int rateLimit = 50;
    private Duration rateWindow = Duration.ofSeconds(10);
    private double timeScale = 1.0;
    private boolean asyncCreate;
    private Clock clock = Clock.systemUTC();
    private int missingPermissionStatus = 403;
    private int v3RateLimit = SandboxConfig.V3_RATE_LIMIT;
    private Duration v3RateWindow = SandboxConfig.V3_RATE_WINDOW;
    private String partnerRedirectUri = SandboxConfig.PARTNER_REDIRECT_URI;

    private Builder() {}

    /** 0 (the default) picks a free port; the sandbox always binds 127.0.0.1. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** A key holding every permission. */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    public Builder seed(SandboxSeed seed) {
      this.seed = seed;
      return this;
    }

    /** People in the DEMO seed (default 400). */
    public Builder candidates(int candidates) {
      this.candidates = candidates;
      return this;
    }

    public Builder randomSeed(long randomSeed) {
      this.randomSeed = randomSeed;
      return this;
    }

    /** Requests per window per key (default 50; 0 = off). */
    public Builder rateLimit(int rateLimit) {
      this.rateLimit = rateLimit;
      return this;
    }

    /** The rate-limit window (default 10 s, as Greenhouse documents). */
    public Builder rateWindow(Duration rateWindow) {
      this.rateWindow = rateWindow;
      return this;
    }

    public Builder timeScale(double timeScale) {
      this.timeScale = timeScale;
      return this;
    }

    public Builder asyncCreate(boolean asyncCreate) {
      this.asyncCreate = asyncCreate;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * What a key lacking the endpoint's permission gets: 403 (default) or 401 (the docs allow
     * both).
     */
    public Builder missingPermissionStatus(int status) {
      this.missingPermissionStatus = status;
      return this;
    }

    /** Harvest v3 requests per client in any rolling window (default 150; 0 = off). */
    public Builder v3RateLimit(int v3RateLimit) {
      this.v3RateLimit = v3RateLimit;
      return this;
    }

    /** Harvest v3's rolling rate-limit window (default 30 s, as observed). */
    public Builder v3RateWindow(Duration v3RateWindow) {
      this.v3RateWindow = v3RateWindow;
      return this;
    }

    /** The demo partner client's one redirect URI. */
    public Builder partnerRedirectUri(String partnerRedirectUri) {
      this.partnerRedirectUri = partnerRedirectUri;
      return this;
    }

    public SandboxConfig config() {
      return new SandboxConfig(
          port,
          apiKey,
          seed,
          candidates,
          randomSeed,
          rateLimit,
          rateWindow,
          timeScale,
          asyncCreate,
          clock,
          missingPermissionStatus,
          v3RateLimit,
          v3RateWindow,
          partnerRedirectUri);
    }

    public GreenhouseSandbox start() {
      return new GreenhouseSandbox(config()).startServer();
    }
  }
}
