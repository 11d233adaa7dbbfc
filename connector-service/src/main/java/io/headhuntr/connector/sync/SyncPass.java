package io.headhuntr.connector.sync;

import io.headhuntr.connector.events.EventLog;
import io.headhuntr.connector.greenhouse.CallerWaits;
import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.GreenhouseException;
import io.headhuntr.connector.greenhouse.ListingStart;
import io.headhuntr.connector.greenhouse.Page;
import io.headhuntr.connector.greenhouse.ResumeToken;
import io.headhuntr.connector.mirror.MirrorStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One pass of a tenant's sync over every resource, in {@link SyncResource} order. Each page is
 * upserted and its checkpoint (with the listing's resume token) moved in one transaction; a
 * transient Greenhouse failure retries the page; a resume token the listing refuses restarts that
 * resource's listing from its watermark; a 401/403 pauses the tenant's sync with the reason;
 * anything else fails the resource and ends the pass (the next pass resumes from the checkpoint).
 */
final class SyncPass {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SyncPass.class);

  /**
   * The longest a sync thread waits inside a call for the tenant's rate limit (spacing calls within
   * a window); a longer wait ends the pass at its checkpoint, scheduled again for then.
   */
  static final Duration WORKER_WAIT = CallerWaits.WORKER_WAIT;

  /** A rescheduled pass waits at least this long (an answer that gives no time to wait). */
  private static final Duration MIN_WAIT = Duration.ofMillis(50);

  /** The largest page Greenhouse serves: what a whole reference listing is counted in. */
  private static final int PER_PAGE = 500;

  private final Jdbi jdbi;
  private final MirrorStore mirror;
  private final SyncCheckpoints checkpoints;
  private final SyncConfig config;
  private final Clock clock;
  private final SyncObserver observer;
  private final FullReconciliation reconciliation;

  SyncPass(
      Jdbi jdbi,
      MirrorStore mirror,
      SyncCheckpoints checkpoints,
      SyncConfig config,
      Clock clock,
      SyncObserver observer) {
    this.jdbi = jdbi;
    this.mirror = mirror;
    this.checkpoints = checkpoints;
    this.config = config;
    this.clock = clock;
    this.observer = observer;
    this.reconciliation = new FullReconciliation(jdbi, mirror, checkpoints, new EventLog(), clock);
  }

  /**
   * One pass of {@code tenant}; a full reconciliation when one is asked for or {@code fullInterval}
   * old.
   */
  PassResult run(UUID tenant, Greenhouse client, Duration fullInterval) {
    SyncCheckpoints.PassStart passStart = checkpoints.passStart(tenant, clock.instant());
    PassResult result =
        CallerWaits.atMost(WORKER_WAIT, () -> run(tenant, client, fullInterval, passStart));
    if (result.outcome() != PassResult.Outcome.WAITING) {
      checkpoints.passOver(tenant);
    }
    return result;
  }

  private PassResult run(
      UUID tenant, Greenhouse client, Duration fullInterval, SyncCheckpoints.PassStart passStart) {
    Instant candidatesStarted = null;
    Instant fullSince =
        checkpoints.fullPassSince(tenant, clock.instant(), fullInterval).orElse(null);
    for (SyncResource resource : SyncResource.inOrder()) {
      boolean listable = resource == SyncResource.JOBS || resource == SyncResource.CANDIDATES;
      if (listable && fullSince != null && listedSince(tenant, resource, fullSince).isPresent()) {
        // listed completely for the full pass in progress (a run that failed later): keep that
        continue;
      }
      Optional<ResourceProgress> before =
          jdbi.withHandle(h -> checkpoints.load(h, tenant, resource));
      if (passStart.continuing()
          && before.isPresent()
          && finishedSince(before.get(), passStart.at())) {
        // finished earlier in this pass, before it stopped to wait: not read again
        if (resource == SyncResource.CANDIDATES) {
          candidatesStarted = before.get().passStartedAt();
        }
        continue;
      }
      ResourceProgress progress =
          checkpoints.begin(
              tenant, resource, clock.instant(), config.overlap(), listable ? fullSince : null);
      if (resource == SyncResource.CANDIDATES) {
        candidatesStarted = progress.passStartedAt();
      }
      try {
        if (resource.isReference()) {
          refresh(tenant, resource, client);
        } else if (resource == SyncResource.APPLICATIONS && "backfill".equals(progress.mode())) {
          embeddedInCandidates(tenant, candidatesStarted);
        } else {
          page(tenant, resource, progress, client);
        }
      } catch (GreenhouseException.Refused e) {
        String reason = pauseReason(resource, e);
        checkpoints.stop(tenant, resource, SyncState.PAUSED, reason);
        checkpoints.pause(tenant, reason, clock.instant());
        return new PassResult(PassResult.Outcome.PAUSED, reason);
      } catch (GreenhouseException.RateLimited e) {
        // the tenant's budget is spent (or Greenhouse said Retry-After): the thread goes on with
        // other tenants' work and this pass continues from its checkpoint when the budget is back
        Instant at = in(atLeast(e.retryAfter(), MIN_WAIT));
        checkpoints.waitUntil(tenant, resource, at, null);
        return PassResult.waiting(
            "waiting for Greenhouse's rate limit while reading "
                + resource.key()
                + "; the pass continues where it stopped at "
                + at,
            at);
      } catch (GreenhouseException.ServerError | GreenhouseException.Unreachable e) {
        String error = describe(resource, e);
        int failures = checkpoints.failures(tenant, resource) + 1;
        Instant at = in(config.retryAfterFailures(failures));
        checkpoints.waitUntil(tenant, resource, at, error);
        if (failures >= config.pageAttempts()) {
          checkpoints.stop(tenant, resource, SyncState.FAILED, error);
          return new PassResult(PassResult.Outcome.FAILED, error);
        }
        return PassResult.waiting(
            error
                + " (attempt "
                + failures
                + " of "
                + config.pageAttempts()
                + "); trying again at "
                + at,
            at);
      } catch (RuntimeException e) {
        String error = describe(resource, e);
        checkpoints.stop(tenant, resource, SyncState.FAILED, error);
        return new PassResult(PassResult.Outcome.FAILED, error);
      }
    }
    checkpoints.markBackfilled(tenant, clock.instant());
    if (fullSince != null) {
      try {
        return reconcile(tenant, client, fullSince);
      } catch (GreenhouseException.Refused e) {
        String reason = pauseReason(SyncResource.CANDIDATES, e);
        checkpoints.pause(tenant, reason, clock.instant());
        return new PassResult(PassResult.Outcome.PAUSED, reason);
      } catch (GreenhouseException.RateLimited e) {
        // the look-ups confirmed so far are tombstoned; the rest are looked up at Greenhouse's time
        Instant at = in(atLeast(e.retryAfter(), MIN_WAIT));
        return PassResult.waiting(
            "the full pass's deletion check waits for Greenhouse's rate limit; it continues at "
                + at,
            at);
      } catch (RuntimeException e) {
        return new PassResult(
            PassResult.Outcome.FAILED,
            "the full pass's deletion check failed (it runs again next pass): "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      }
    }
    return PassResult.completed();
  }

  /**
   * Ends a full reconciliation once jobs and candidates have both been listed completely since it
   * started (possibly over several runs after a crash): what they did not list is confirmed deleted
   * and tombstoned. Until then nothing is tombstoned.
   */
  private PassResult reconcile(UUID tenant, Greenhouse client, Instant fullSince) {
    Optional<Instant> jobsListed = listedSince(tenant, SyncResource.JOBS, fullSince);
    Optional<Instant> candidatesListed = listedSince(tenant, SyncResource.CANDIDATES, fullSince);
    if (jobsListed.isEmpty() || candidatesListed.isEmpty()) {
      return new PassResult(
          PassResult.Outcome.COMPLETED,
          "every resource is up to date; the full pass continues at the next pass");
    }
    FullReconciliation.Deleted deleted =
        reconciliation.run(tenant, client, jobsListed.get(), candidatesListed.get());
    jdbi.useTransaction(h -> checkpoints.finishFull(h, tenant, fullSince, deleted.total()));
    return new PassResult(
        PassResult.Outcome.COMPLETED,
        "every resource is up to date; the full pass found "
            + deleted.jobs()
            + " jobs, "
            + deleted.candidates()
            + " candidates and "
            + deleted.applications()
            + " applications deleted in Greenhouse");
  }

  /** When the resource's complete full listing started, if it completed one since {@code since}. */
  private Optional<Instant> listedSince(UUID tenant, SyncResource resource, Instant since) {
    return jdbi.withHandle(h -> checkpoints.load(h, tenant, resource))
        .filter(p -> "full".equals(p.mode()) && p.state() == SyncState.DONE)
        .map(ResourceProgress::passStartedAt)
        .filter(started -> !started.isBefore(since));
  }

  private void refresh(UUID tenant, SyncResource resource, Greenhouse client) {
    // the database's time when the listing starts: a row written after it (a webhook that came
    // while the listing was read) is newer than the listing and never taken for vanished
    Instant listingStarted =
        jdbi.withHandle(h -> h.createQuery("select clock_timestamp()").mapTo(Instant.class).one());
    ReferenceSource.Listing listing = ReferenceSource.read(resource, client);
    Instant readAt = clock.instant();
    int requests = Math.max(1, (listing.ids().size() + PER_PAGE - 1) / PER_PAGE);
    jdbi.useTransaction(
        h -> {
          // listed, so it exists: a tombstone from before the listing goes, then the row is
          // written as listed
          VanishedRows.revive(h, tenant, resource, listing.ids(), listingStarted);
          listing.write(h, mirror, tenant, readAt);
          VanishedRows.tombstone(h, tenant, resource, listing.ids(), readAt, listingStarted);
          h.createUpdate(
                  "update sync_resource set records_seen = :n, pages = :p"
                      + " where tenant_id = :t and resource = :r")
              .bind("n", listing.ids().size())
              .bind("p", requests)
              .bind("t", tenant)
              .bind("r", resource.key())
              .execute();
          checkpoints.finish(h, tenant, resource, requests, clock.instant());
        });
  }

  /**
   * A backfill reads applications inside the candidate list: nothing to fetch, and they are
   * complete as of the candidate pass's start (the first incremental pass filters from there).
   */
  private void embeddedInCandidates(UUID tenant, Instant candidatesStarted) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "update sync_resource set pass_started_at = coalesce(:c, pass_started_at)"
                      + " where tenant_id = :t and resource = :r")
              .bind("c", candidatesStarted)
              .bind("t", tenant)
              .bind("r", SyncResource.APPLICATIONS.key())
              .execute();
          checkpoints.finish(h, tenant, SyncResource.APPLICATIONS, 0, clock.instant());
        });
  }

  @SuppressWarnings("unchecked")
  private <T> void page(
      UUID tenant, SyncResource resource, ResourceProgress start, Greenhouse client) {
    PagedSource<T> source = (PagedSource<T>) PagedSource.of(resource);
    boolean full = "full".equals(start.mode());
    int nextPage = start.nextPage();
    Optional<ResumeToken> resume = checkpoints.resumeToken(tenant, resource);
    while (true) {
      // a backfill or full pass counts the first page it asks for (for the time left) where the
      // API can, and skips the count on the others: no extra request
      ListingStart from =
          new ListingStart(Optional.ofNullable(start.watermark()), resume, start.listsEverything());
      try (Stream<Page<T>> stream = source.list(client, from);
          PrefetchedPages<T> pages = new PrefetchedPages<>(stream.iterator(), source::prepare)) {
        while (true) {
          Optional<PrefetchedPages.Ready> next = pages.next();
          if (next.isEmpty()) {
            finish(tenant, resource, 0);
            return;
          }
          PreparedPage page = next.get().page();
          Integer lastPage =
              next.get().lastPage().isPresent() ? next.get().lastPage().getAsInt() : null;
          if (page.size() == 0) {
            // an empty page (nothing changed, or the list shrank): one request, nothing to write
            finish(tenant, resource, 1);
            return;
          }
          int number = nextPage;
          Optional<ResumeToken> after = next.get().next();
          jdbi.useTransaction(
              h -> {
                writeOrPark(h, tenant, page);
                if (full) {
                  checkpoints.seen(h, tenant, page.seen());
                }
                checkpoints.pageCommitted(
                    h, tenant, resource, page.size(), clock.instant(), lastPage, after);
              });
          nextPage++;
          resume = after;
          observer.pageCommitted(tenant, resource, number, page.size());
        }
      } catch (GreenhouseException.ResumeRefused e) {
        if (resume.isEmpty()) {
          throw e;
        }
        // the token outlived its listing: list again from the watermark (upserts are idempotent,
        // a full pass keeps what it has seen)
        resume = Optional.empty();
        nextPage = 1;
        jdbi.useTransaction(h -> checkpoints.restartListing(h, tenant, resource));
      }
    }
  }

  /**
   * Writes the page; when the database refuses it, writes its records one by one, each behind a
   * savepoint, parking each one it refuses with the reason, so the pass goes on.
   */
  private void writeOrPark(Handle h, UUID tenant, PreparedPage page) {
    h.savepoint("page");
    try {
      page.write(h, mirror, tenant);
      h.releaseSavepoint("page");
      ParkedRecords.storedAll(h, tenant, page.seen());
      return;
    } catch (RuntimeException refused) {
      h.rollbackToSavepoint("page");
      log.warn(
          "tenant {}: a page of {} records was refused; writing them one by one",
          tenant,
          page.size());
    }
    for (PreparedPage.Part part : page.parts()) {
      h.savepoint("record");
      try {
        part.page().write(h, mirror, tenant);
        h.releaseSavepoint("record");
        ParkedRecords.stored(h, tenant, part.kind(), part.id());
      } catch (RuntimeException refused) {
        h.rollbackToSavepoint("record");
        String reason = ParkedRecords.reason(refused);
        ParkedRecords.park(h, tenant, part.kind(), part.id(), reason);
        log.warn("tenant {}: {} {} parked: {}", tenant, part.kind(), part.id(), reason);
      }
    }
  }

  private void finish(UUID tenant, SyncResource resource, int extraRequests) {
    jdbi.useTransaction(
        h -> checkpoints.finish(h, tenant, resource, extraRequests, clock.instant()));
  }

  /**
   * {@code wait} from now, as the database keeps it (microseconds): the time answered is the time
   * stored.
   */
  private Instant in(Duration wait) {
    return clock.instant().plus(wait).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  /** True when the resource finished its listing at or after {@code passStart}. */
  private static boolean finishedSince(ResourceProgress p, Instant passStart) {
    return p.state() == SyncState.DONE
        && p.finishedAt() != null
        && !p.finishedAt().isBefore(passStart);
  }

  private static Duration atLeast(Duration wait, Duration floor) {
    return wait == null || wait.compareTo(floor) < 0 ? floor : wait;
  }

  private static String pauseReason(SyncResource resource, GreenhouseException.Refused e) {
    boolean unauthorized = e.unauthorized();
    return (unauthorized
            ? "Greenhouse refused the credential (401) while reading "
                + resource.key()
                + ": the API key or OAuth client was revoked or replaced in Greenhouse."
            : "Greenhouse refused access (403) while reading "
                + resource.key()
                + ": the credential lost a permission (v1 key) or scope (v3) this sync needs.")
        + " Save a working credential (PUT .../greenhouse/credential, or connect Greenhouse"
        + " again), then POST .../sync to resume.";
  }

  private static String describe(SyncResource resource, RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return "reading " + resource.key() + " failed: " + message;
  }
}
