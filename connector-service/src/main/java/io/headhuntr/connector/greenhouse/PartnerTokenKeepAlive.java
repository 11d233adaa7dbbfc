package io.headhuntr.connector.greenhouse;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.headhuntr.connector.credentials.Credentials;
import io.headhuntr.connector.credentials.PartnerClient;
import io.headhuntr.connector.credentials.PartnerGrant;
import io.headhuntr.connector.credentials.PartnerTokenRow;
import io.headhuntr.connector.credentials.StoredCredential;
import io.headhuntr.harvest.HarvestException;
import io.headhuntr.harvest.HarvestReauthorizationRequiredException;
import io.headhuntr.harvest.HarvestTransportException;
import io.headhuntr.harvest.v3.AccessToken;
import io.headhuntr.harvest.v3.ClientSecret;
import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.TokenPair;
import io.headhuntr.harvest.v3.TokenSource;
import io.headhuntr.harvest.v3.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every "Connect Greenhouse" connection alive while its tenant is idle. Greenhouse's refresh
 * tokens die 24 h after they were issued unless used, so a recurring db-scheduler task (table
 * {@code token_keepalive_tasks}; cluster-safe, one instance runs a round at a time) refreshes each
 * working partner connection whose tokens were last rotated {@link #ROTATE_AFTER} (20 h) ago or
 * more.
 *
 * <p>A refresh takes the tenant's row lock ({@link PartnerTokenRow}), the one every live call
 * refreshes under, and looks again under it: a pair another instance rotated meanwhile is left
 * alone. The rotated pair is committed before its access token is used (introspected, which also
 * proves it works). A refresh Greenhouse refuses marks the tenant {@code needs_reconnect} with
 * Greenhouse's reason, and a marked tenant is not refreshed again. A round sends at most {@link
 * #PER_ROUND} refreshes (the partner client's token budget, 60 calls a minute, is shared by every
 * tenant), and one that meets that budget's limit stops instead of waiting: the next round goes on.
 * A tenant whose refresh failed otherwise (Greenhouse down) is tried again after {@link
 * #RETRY_AFTER}, so it cannot hold up the others.
 */
public final class PartnerTokenKeepAlive implements AutoCloseable {
  /** Tokens this old are refreshed, which leaves four hours of the refresh token's 24. */
  public static final Duration ROTATE_AFTER = Duration.ofHours(20);

  /** The time between rounds. */
  public static final Duration EVERY = Duration.ofMinutes(5);

  /** At most this many refreshes a round (two auth calls each: the refresh and introspection). */
  static final int PER_ROUND = 20;

  /** A tenant whose refresh failed (not refused) waits this long before it is tried again. */
  static final Duration RETRY_AFTER = Duration.ofMinutes(30);

  /** How often db-scheduler looks for the round's execution (less when rounds are closer). */
  private static final Duration POLL = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(PartnerTokenKeepAlive.class);

  /** What a round did: refreshed, marked {@code needs_reconnect}, failed (tried again later). */
  public record Round(int refreshed, int markedNeedsReconnect, int failed, boolean stoppedEarly) {}

  private enum Outcome {
    REFRESHED,
    NOT_DUE,
    NEEDS_RECONNECT,
    FAILED,
    RATE_LIMITED
  }

  private final Credentials credentials;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Map<UUID, Instant> failedAt = new ConcurrentHashMap<>();

  /** A keep-alive running a round every {@link #EVERY}. */
  public PartnerTokenKeepAlive(DataSource dataSource, Credentials credentials, Clock clock) {
    this(dataSource, credentials, clock, EVERY);
  }

  /**
   * A keep-alive running a round every {@code every} (its rounds use {@code clock}; db-scheduler
   * itself runs on the system clock).
   */
  public PartnerTokenKeepAlive(
      DataSource dataSource, Credentials credentials, Clock clock, Duration every) {
    this.credentials = credentials;
    this.clock = clock;
    RecurringTask<Void> task =
        Tasks.recurring("greenhouse-partner-keepalive", FixedDelay.of(every))
            .execute((instance, context) -> runOnce());
    this.scheduler =
        Scheduler.create(dataSource)
            .tableName("token_keepalive_tasks")
            .startTasks(task)
            .serializer(new JacksonSerializer())
            .pollingInterval(every.compareTo(POLL) < 0 ? every : POLL)
            .threads(1)
            .shutdownMaxWait(Duration.ofSeconds(10))
            .build();
  }

  /** Starts the recurring rounds (db-scheduler keeps the schedule in its table). */
  public void start() {
    scheduler.start();
  }

  /**
   * One round now: refreshes every connection due (up to {@link #PER_ROUND}) and says what it did.
   * Rounds of several instances may overlap safely: each refresh looks again under the row lock.
   */
  public Round runOnce() {
    Optional<PartnerClient> partner = credentials.partnerClient();
    if (partner.isEmpty()) {
      return new Round(0, 0, 0, false);
    }
    Instant now = clock.instant();
    Instant cutoff = now.minus(ROTATE_AFTER);
    failedAt.values().removeIf(at -> !at.plus(RETRY_AFTER).isAfter(now));
    List<UUID> due =
        credentials.partnerConnectionsRotatedBy(cutoff, PER_ROUND + failedAt.size()).stream()
            .filter(tenant -> !failedAt.containsKey(tenant))
            .limit(PER_ROUND)
            .toList();
    int refreshed = 0;
    int marked = 0;
    int failed = 0;
    for (UUID tenant : due) {
      Outcome outcome = refresh(tenant, partner.get(), cutoff);
      switch (outcome) {
        case REFRESHED -> refreshed++;
        case NEEDS_RECONNECT -> marked++;
        case FAILED -> {
          failed++;
          failedAt.put(tenant, now);
        }
        case RATE_LIMITED -> {
          return new Round(refreshed, marked, failed, true);
        }
        case NOT_DUE -> {}
      }
    }
    if (refreshed + marked + failed > 0) {
      log.info(
          "partner keep-alive: {} connection(s) refreshed, {} need a reconnect, {} failed",
          refreshed,
          marked,
          failed);
    }
    return new Round(refreshed, marked, failed, false);
  }

  private Outcome refresh(UUID tenantId, PartnerClient partner, Instant cutoff) {
    PartnerTokenRow row = credentials.partnerTokens(tenantId);
    DueForRefresh tokens = null;
    try {
      Optional<StoredCredential> credential = credentials.load(tenantId);
      if (credential.isEmpty() || !(credential.get().credential() instanceof PartnerGrant)) {
        return Outcome.NOT_DUE; // replaced by another kind meanwhile
      }
      Optional<String> locked;
      try {
        locked = row.lockIfRotatedBy(cutoff);
      } catch (PartnerTokenRow.NeedsReconnect marked) {
        return Outcome.NOT_DUE; // marked meanwhile
      }
      if (locked.isEmpty()) {
        return Outcome.NOT_DUE; // another instance rotated it meanwhile
      }
      tokens = new DueForRefresh(PartnerTokenStore.decode(locked.get()), row);
      HarvestV3Client client =
          HarvestV3Client.builder()
              .tokenSource(
                  TokenSource.partner(
                      partner.clientId(),
                      ClientSecret.of(partner.clientSecret().value()),
                      partner.redirectUri(),
                      tokens))
              .harvestUrl(credential.get().baseUrl())
              .authUrl(partner.authUrl())
              .clock(clock)
              .sleeper(
                  wait -> {
                    throw new WaitRefused(wait);
                  })
              .connectTimeout(Duration.ofSeconds(5))
              .requestTimeout(Duration.ofSeconds(15))
              .build();
      if (!client.introspect().active()) {
        log.warn("tenant {}: Greenhouse called a just-refreshed partner token inactive", tenantId);
      }
      return Outcome.REFRESHED;
    } catch (HarvestReauthorizationRequiredException refused) {
      row.releaseHeld(); // first: marking the tenant updates that very row
      credentials.markNeedsReconnect(tenantId, refused.getMessage());
      return Outcome.NEEDS_RECONNECT;
    } catch (WaitRefused e) {
      log.info(
          "partner keep-alive: Greenhouse's token endpoint asks to wait {} s; the next round goes on",
          e.wait.toSeconds());
      return Outcome.RATE_LIMITED;
    } catch (HarvestTransportException e) {
      if (tokens != null && tokens.saved) {
        return Outcome.REFRESHED; // only the introspection of the new token went unanswered
      }
      log.warn(
          "tenant {}: the keep-alive refresh got no answer{}: {}",
          tenantId,
          e.mayHaveApplied() ? " (Greenhouse may have used the refresh token)" : "",
          e.getMessage());
      return Outcome.FAILED;
    } catch (HarvestException | IllegalStateException e) {
      if (tokens != null && tokens.saved) {
        return Outcome.REFRESHED; // only the introspection of the new token failed
      }
      // e.g. Greenhouse failed, or the stored pair does not decrypt with this master key
      log.warn("tenant {}: the keep-alive refresh failed: {}", tenantId, e.getMessage());
      return Outcome.FAILED;
    } finally {
      row.releaseHeld();
    }
  }

  @Override
  public void close() {
    scheduler.stop();
  }

  /**
   * The pair read under the row lock this thread holds, its access token shown as expired: the
   * client refreshes when the stored access token is about to expire, and the keep-alive wants that
   * refresh now. The rotated pair is saved through the row (committing and releasing the lock).
   */
  private static final class DueForRefresh implements TokenStore {
    private final TokenPair stored;
    private final PartnerTokenRow row;
    private volatile boolean saved;

    DueForRefresh(TokenPair stored, PartnerTokenRow row) {
      this.stored = stored;
      this.row = row;
    }

    @Override
    public Optional<TokenPair> load() {
      return Optional.of(
          new TokenPair(
              AccessToken.of(stored.accessToken().reveal(), Instant.EPOCH), stored.refreshToken()));
    }

    @Override
    public void save(TokenPair pair) {
      row.save(PartnerTokenStore.encode(pair));
      saved = true;
    }
  }

  /** The client wanted to wait for the token endpoint's rate limit; the round stops instead. */
  private static final class WaitRefused extends RuntimeException {
    private final Duration wait;

    WaitRefused(Duration wait) {
      super("the token endpoint's rate limit asks to wait " + wait, null, false, false);
      this.wait = wait;
    }
  }
}
