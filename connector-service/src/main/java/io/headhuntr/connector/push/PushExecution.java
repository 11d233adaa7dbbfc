package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.greenhouse.CreatedProspect;
import io.headhuntr.connector.greenhouse.FieldProblem;
import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.GreenhouseException;
import io.headhuntr.connector.greenhouse.GreenhouseWrites;
import io.headhuntr.connector.greenhouse.Person;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The steps of one push run: look the person up by every email (mirror, then Greenhouse), then
 * create them, or add an application to the person found; wait out asynchronous creation; then the
 * writes that follow ({@link FollowUp}), such as a prospect's pool. Where the adapter makes a new
 * person in one call ({@link GreenhouseWrites#createsInOneCall}, Harvest v1) the create carries the
 * files, educations, employments and notes; otherwise (Harvest v3) the create is the candidate with
 * their application, or the prospect alone followed by their prospect application, and each part is
 * a follow-up. Faults become the next state: 429 waits, 5xx and timeouts retry with backoff, 422
 * fails with Greenhouse's field errors (after the person exists: a warning, or a wait while
 * Greenhouse does not show them or their new application yet), 401/403 pause the tenant, except a
 * 401 of a connection that needs a reconnect: then the push waits ({@link #STEP_RECONNECT}).
 *
 * <p>Every write is a step recorded in {@link PushSteps} before it is sent and after it applied. A
 * person write (create, or application on a person found) without an answer is looked up by email
 * for up to {@link PushConfig#confirmWindow()} (Greenhouse creates asynchronously) before it is
 * sent again, and a person this push's create made is adopted as {@code created}, given the
 * prospect application it still lacks; a new prospect's own application without an answer is looked
 * for on the person for as long; a follow-up write without an answer is read back ({@link
 * ReadBack}) first. The class is over 400 lines because the steps share one attempt's state and
 * read best in one place.
 */
final class PushExecution {
  static final String STEP_AWAIT = "await_visible";
  static final String STEP_FOLLOWUPS = "followups";
  static final String STEP_CONFIRM = "awaiting_confirmation";

  /** A queued push waits for a person to connect the tenant's Greenhouse again. */
  static final String STEP_RECONNECT = "waiting_for_reconnect";

  /** Clock skew allowed when deciding that a person found after an unanswered write is ours. */
  private static final Duration SKEW = Duration.ofMinutes(5);

  private final PushStore store;
  private final PushSteps steps;
  private final PersonLookup lookup;
  private final PushRequests requests;
  private final PushConfig config;
  private final Clock clock;
  private final ReconnectCheck reconnect;
  private final Duration reconnectRecheck;

  PushExecution(
      PushStore store,
      PushRequests requests,
      PushConfig config,
      Clock clock,
      ReconnectCheck reconnect,
      Duration reconnectRecheck) {
    this.reconnect = reconnect;
    this.reconnectRecheck = reconnectRecheck;
    this.store = store;
    this.steps = new PushSteps(store.jdbi());
    this.lookup = new PersonLookup(store.jdbi());
    this.requests = requests;
    this.config = config;
    this.clock = clock;
  }

  /** Runs the claimed push as far as it goes now and returns where it stands. */
  PushProgress run(PushRow push, Greenhouse greenhouse) {
    CallRecorder calls = new CallRecorder(clock);
    Greenhouse client = greenhouse.withCallLog(calls);
    ArrayNode warnings =
        push.warnings().isArray()
            ? ((ArrayNode) push.warnings()).deepCopy()
            : Json.mapper().createArrayNode();
    Attempt attempt = new Attempt(push, client, calls, warnings);
    try {
      return attempt.run();
    } catch (GreenhouseException.RateLimited e) {
      return attempt.retry(
          "Greenhouse rate limit: waiting " + e.retryAfter().toSeconds() + " s", e.retryAfter());
    } catch (GreenhouseException.ServerError | GreenhouseException.Unreachable e) {
      int attempts = attempt.attemptsCounted();
      if (attempts >= config.maxAttempts()) {
        return attempt
            .progress("needs_attention", "gave_up")
            .withError(
                "gave up after " + attempts + " attempts: " + e.getMessage(),
                Json.mapper().createArrayNode());
      }
      PushProgress retry = attempt.retry(e.getMessage(), config.backoff(attempts));
      return attempt.waitEnded ? retry.resettingAttempts() : retry;
    } catch (GreenhouseException.Refused e) {
      Optional<String> reconnectReason =
          e.unauthorized() ? reconnect.reason(push.tenantId()) : Optional.empty();
      if (reconnectReason.isPresent()) {
        // not the credential's fault nor the push's: it waits for the person who reconnects
        return attempt
            .progress("queued", STEP_RECONNECT)
            .after(reconnectRecheck)
            .lookingOnly()
            .withError(waitingWords(push, reconnectReason.get()), Json.mapper().createArrayNode());
      }
      String reason =
          "Greenhouse refused the credential ("
              + e.status()
              + "): "
              + e.getMessage()
              + " Fix the key or its permissions, then resume the tenant's pushes.";
      store.controls().pause(push.tenantId(), reason);
      return attempt
          .progress("needs_attention", "paused")
          .withError(reason, Json.mapper().createArrayNode());
    } catch (GreenhouseException.Invalid e) {
      ArrayNode fields = Json.mapper().createArrayNode();
      StringBuilder words = new StringBuilder("Greenhouse refused the push");
      for (int i = 0; i < e.problems().size(); i++) {
        FieldProblem f = e.problems().get(i);
        fields.addObject().put("field", f.field().orElse(null)).put("message", f.message());
        words
            .append(i == 0 ? ": " : "; ")
            .append(f.field().map(field -> field + ": ").orElse(""))
            .append(f.message());
      }
      if (e.problems().isEmpty()) {
        words.append(": ").append(e.greenhouseMessage());
      }
      return attempt.progress("failed", null).withError(words.toString(), fields);
    } catch (GreenhouseException.NotFound e) {
      return attempt
          .progress("failed", null)
          .withError(
              "Greenhouse answered 404 on "
                  + e.method()
                  + " "
                  + e.path()
                  + " (a job, stage or pool that does not exist, or the acting user is unknown)",
              Json.mapper().createArrayNode());
    }
  }

  /**
   * Where a push stands, without a call, while its tenant's connection needs a reconnect: queued at
   * {@link #STEP_RECONNECT}, looked at again after the recheck interval (woken sooner by a
   * reconnect); what it knew of an unanswered write is kept.
   */
  PushProgress waitingForReconnect(PushRow push, String reason) {
    return PushProgress.of(
            "queued", STEP_RECONNECT, push.warnings(), Json.mapper().createArrayNode())
        .after(reconnectRecheck)
        .uncertain(push.writeSentAt() != null)
        .withError(waitingWords(push, reason), Json.mapper().createArrayNode());
  }

  private String waitingWords(PushRow push, String reason) {
    return "waiting for the Greenhouse connection to be reconnected: Greenhouse no longer accepts"
        + " its authorization ("
        + reason
        + "). A person with access to Greenhouse must connect it again: GET /api/v1/tenants/"
        + push.tenantId()
        + "/greenhouse/oauth/start in a browser, then authorize. This push goes on by itself"
        + " then; nothing is sent to Greenhouse meanwhile (looked at again every "
        + reconnectRecheck.toSeconds()
        + " s)";
  }

  /** One run of one push; fields hold what it has learnt so far. */
  private final class Attempt {
    private final PushRow push;
    private final Greenhouse client;
    private final GreenhouseWrites asUser;
    private final CallRecorder calls;
    private final ArrayNode warnings;
    private final Map<String, PushSteps.Step> recorded;

    /** Whether the adapter makes a new person in one call with everything (no call is made). */
    private final boolean oneCall;

    private boolean uncertain;
    private String result;
    private Long candidateId;
    private Long applicationId;
    private String resumeStep = "retry_wait";

    /**
     * This run saw the end of a wait for Greenhouse to show the person: the runs that waited are
     * not attempts of the writes that follow.
     */
    private boolean waitEnded;

    Attempt(PushRow push, Greenhouse client, CallRecorder calls, ArrayNode warnings) {
      this.push = push;
      this.client = client;
      this.asUser = client.actingAs(push.greenhouseUserId());
      this.oneCall = asUser.createsInOneCall();
      this.calls = calls;
      this.warnings = warnings;
      this.recorded = steps.load(push);
      PushSteps.Step person = recorded.get(PushSteps.PERSON);
      this.uncertain = push.writeSentAt() != null || (person != null && person.ambiguous());
    }

    PushProgress run() {
      PushRequests.Resolved r =
          requests.resolve(push, client, store.controls().settings(push.tenantId()));
      r.warnings().forEach(this::warn);
      if (STEP_AWAIT.equals(push.step())) {
        resumeStep = STEP_AWAIT;
        fromRow();
        return awaitVisible(r);
      }
      if (push.step() != null && push.step().startsWith(STEP_FOLLOWUPS)) {
        fromRow();
        resumeStep = STEP_FOLLOWUPS;
        int colon = push.step().indexOf(':'); // "followups:<n>": n steps done before push_steps
        return afterPerson(r, colon < 0 ? 0 : Integer.parseInt(push.step().substring(colon + 1)));
      }
      PushSteps.Step person = recorded.get(PushSteps.PERSON);
      if (person != null && person.done()) {
        // the person write applied, but the run that made it ended before saving where it stood
        candidateId = person.candidateId();
        applicationId = person.applicationId();
        result = person.result();
        uncertain = false;
        return "created".equals(result) ? awaitVisible(r) : afterPerson(r, 0);
      }
      boolean links = store.controls().settings(push.tenantId()).links();
      Optional<Person> found = Optional.empty();
      List<Person> everyone = List.of();
      if (uncertain) {
        // everyone with the email, not only the oldest: ours may be a second profile
        everyone = lookup.everyoneInGreenhouse(r.emails(), client);
        found = everyone.stream().findFirst();
      } else if (links) {
        found = lookup.byEmail(push.tenantId(), r.emails(), client);
      }
      if (uncertain) {
        if (r.emails().isEmpty()) {
          return progress("needs_attention", "unverifiable")
              .uncertain(true)
              .withError(
                  "a write was sent and no answer came, and the person has no email to look them up"
                      + " by: check Greenhouse, then resume",
                  Json.mapper().createArrayNode());
        }
        for (int i = everyone.size() - 1; i >= 0; i--) { // newest first: ours is the newest
          Optional<PushProgress> adopted = adopt(r, everyone.get(i));
          if (adopted.isPresent()) {
            return adopted.get();
          }
        }
        Instant sent = person != null ? person.sentAt() : push.writeSentAt();
        Duration waited =
            sent == null ? config.confirmWindow() : Duration.between(sent, clock.instant());
        if (waited.compareTo(config.confirmWindow()) < 0) {
          // Greenhouse may still be creating the person: an email lookup cannot see them yet
          return progress("running", STEP_CONFIRM)
              .after(config.confirmDelay(waited))
              .decidingAt(sent.plus(config.confirmWindow()))
              .lookingOnly()
              .withError(
                  "a write was sent and no answer came, and the person is not found by email yet"
                      + " (Greenhouse may still be creating them): looking again for up to "
                      + config.confirmWindow().toSeconds()
                      + " s before sending it again",
                  Json.mapper().createArrayNode());
        }
        uncertain = false; // looked long enough, and nothing of ours is there: it did not apply
      }
      if (found.isPresent() && links) {
        return link(r, found.get());
      }
      return create(r);
    }

    /**
     * Creates the person: in one call with everything where the adapter can; otherwise (Harvest v3)
     * the candidate with their application, or the prospect alone (their prospect application is
     * then a step of its own), and each file, education, employment and note a follow-up.
     */
    private PushProgress create(PushRequests.Resolved r) {
      Person made;
      var person = requests.person(r, oneCall);
      if (r.isCandidate()) {
        var application = requests.applicationOnJob(r, oneCall);
        made = write(PushSteps.PERSON, null, () -> asUser.createCandidate(person, application));
      } else if (!oneCall) {
        made = write(PushSteps.PERSON, null, () -> asUser.createPerson(person));
      } else {
        var application = requests.prospectApplication(r, true, true);
        CreatedProspect created =
            write(PushSteps.PERSON, null, () -> asUser.createProspect(person, application));
        made = created.person();
        created
            .ownerNotSet()
            .ifPresent(
                why ->
                    warn(
                        Json.mapper()
                            .createObjectNode()
                            .put("field", "target.prospect_owner_user_id")
                            .put("message", why)));
      }
      result = "created";
      candidateId = made.id();
      applicationId = firstApplication(made, r).orElse(null);
      steps.done(push, PushSteps.PERSON, "answered", candidateId, applicationId, result);
      if (!made.complete()) { // truncated: Greenhouse is still creating it
        return progress("running", STEP_AWAIT).after(config.awaitVisible()).resettingAttempts();
      }
      return afterPerson(r, 0);
    }

    private PushProgress link(PushRequests.Resolved r, Person person) {
      candidateId = person.id();
      if (r.isCandidate()) {
        Optional<Person.Application> active =
            person.applications().stream()
                .filter(a -> !a.prospect() && "active".equals(a.status()) && a.onJob(r.jobId()))
                .findFirst();
        if (active.isPresent()) {
          result = "already_on_job";
          applicationId = active.get().id();
          return done();
        }
      }
      long added =
          r.isCandidate()
              ? write(
                  PushSteps.PERSON,
                  person.id(),
                  () -> asUser.addApplication(person.id(), requests.applicationOnJob(r, oneCall)))
              : write(
                  PushSteps.PERSON,
                  person.id(),
                  () ->
                      asUser.addProspectApplication(
                          person.id(), requests.prospectApplication(r, false, true)));
      result = "linked";
      applicationId = added;
      steps.done(push, PushSteps.PERSON, "answered", candidateId, applicationId, result);
      if (!r.educations().isEmpty() || !r.employments().isEmpty()) {
        warn(
            Json.mapper()
                .createObjectNode()
                .put("field", "person")
                .put(
                    "message",
                    "an existing person was linked: educations and employments were not added again"));
      }
      return afterPerson(r, 0);
    }

    /**
     * Everything after the person exists: the prospect application a create still owes (where the
     * adapter makes a new prospect in two calls), then the follow-ups. A write refused because
     * Greenhouse does not show the person or their new application yet (asynchronous creation)
     * waits until it does.
     */
    private PushProgress afterPerson(PushRequests.Resolved r, int legacy) {
      resumeStep = STEP_FOLLOWUPS; // the person exists: a retry continues with what is not done
      if ("created".equals(result) && !r.isCandidate() && !oneCall) {
        Optional<PushProgress> waiting = owedApplication(r);
        if (waiting.isPresent()) {
          return waiting.get();
        }
      }
      return followups(r, legacy);
    }

    /**
     * The prospect application of a person this push created without it, sent once: when it went
     * unanswered, the person's prospect applications are read back first, and for up to {@link
     * PushConfig#confirmWindow()} (a new application can take a while to show) before it is sent
     * again. Empty once the push holds it.
     */
    private Optional<PushProgress> owedApplication(PushRequests.Resolved r) {
      PushSteps.Step step = recorded.get(PushSteps.APPLICATION);
      if (step != null && step.done()) {
        applicationId = step.applicationId();
        return Optional.empty();
      }
      if (step != null && applicationId == null) {
        Instant since = step.sentAt().minus(SKEW);
        applicationId = visible().flatMap(c -> prospectApplicationSince(c, since)).orElse(null);
        Duration waited = Duration.between(step.sentAt(), clock.instant());
        if (applicationId == null && waited.compareTo(config.confirmWindow()) < 0) {
          return Optional.of(
              progress("running", STEP_FOLLOWUPS)
                  .after(config.confirmDelay(waited))
                  .decidingAt(step.sentAt().plus(config.confirmWindow()))
                  .lookingOnly()
                  .withError(
                      "the prospect application was sent and no answer came, and Greenhouse does"
                          + " not show it yet (it may still be creating it): looking again for up"
                          + " to "
                          + config.confirmWindow().toSeconds()
                          + " s before sending it again",
                      Json.mapper().createArrayNode()));
        }
      }
      if (applicationId != null) {
        if (step != null) { // found on the person: the unanswered write applied
          steps.done(push, PushSteps.APPLICATION, "read_back", candidateId, applicationId, null);
        }
        return Optional.empty();
      }
      long person = candidateId;
      try {
        applicationId =
            write(
                PushSteps.APPLICATION,
                person,
                () ->
                    asUser.addProspectApplication(
                        person, requests.prospectApplication(r, false, false)));
      } catch (GreenhouseException.Invalid | GreenhouseException.NotFound e) {
        if (notShownYet()) {
          return Optional.of(awaitingVisibility());
        }
        throw e;
      }
      steps.done(push, PushSteps.APPLICATION, "answered", candidateId, applicationId, null);
      return Optional.empty();
    }

    private Optional<Long> prospectApplicationSince(Person c, Instant since) {
      return c.applications().stream()
          .filter(Person.Application::prospect)
          .filter(a -> a.appliedAt().isEmpty() || !a.appliedAt().get().isBefore(since))
          .map(Person.Application::id)
          .findFirst();
    }

    /**
     * Writes after the person exists, each a recorded step so a retry never repeats one that
     * applied: for a linked person the notes (and a prospect's files), for a new prospect its pool
     * and stage. A step sent without an answer is read back before it is sent again. {@code
     * legacy}: steps a push saved as done before steps were recorded.
     */
    private PushProgress followups(PushRequests.Resolved r, int legacy) {
      List<FollowUp> todo =
          FollowUp.of(
              r,
              result,
              candidateId == null ? 0 : candidateId,
              applicationId == null ? 0 : applicationId,
              asUser,
              new ReadBack(client));
      for (int i = 0; i < todo.size(); i++) {
        FollowUp f = todo.get(i);
        PushSteps.Step s = recorded.get(f.name());
        if (s != null ? s.done() : i < legacy) {
          continue;
        }
        try {
          if (s != null && f.found() != null && readBack(f, s.sentAt().minus(SKEW))) {
            steps.done(push, f.name(), "read_back", candidateId, null, null);
            continue; // the unanswered write applied
          }
          write(
              f.name(),
              candidateId,
              () -> {
                f.call().run();
                return null;
              });
          steps.done(push, f.name(), "answered", candidateId, null, null);
        } catch (GreenhouseException.ServerError
            | GreenhouseException.Unreachable
            | GreenhouseException.RateLimited e) {
          resumeStep = STEP_FOLLOWUPS; // the person exists: continue with the steps not done
          throw e;
        } catch (GreenhouseException.Invalid | GreenhouseException.NotFound e) {
          if (notShownYet()) {
            // refused because Greenhouse is still making the person or their new application:
            // nothing applied, and it is sent once they show
            return awaitingVisibility();
          }
          // the person exists, so the push is done; what Greenhouse refused is said, not hidden
          steps.done(push, f.name(), "refused", candidateId, null, null);
          warn(
              Json.mapper()
                  .createObjectNode()
                  .put("field", "followup")
                  .put(
                      "message",
                      "Greenhouse refused a write after the person existed: " + e.getMessage()));
        }
      }
      return done();
    }

    /** Whether an unanswered follow-up applied; a key that may not read it back sends again. */
    private boolean readBack(FollowUp f, Instant since) {
      try {
        return f.found().applyAsInt(since) > f.earlier();
      } catch (GreenhouseException.Refused e) {
        if (e.unauthorized()) {
          throw e;
        }
        warn(
            Json.mapper()
                .createObjectNode()
                .put("field", "followup")
                .put(
                    "message",
                    "a write was sent without an answer and the key may not read it back ("
                        + e.getMessage()
                        + "); it was sent again, so it may show twice. Grant the key that read"
                        + " permission (GET: Retrieve Activity Feed for notes)"));
        return false;
      }
    }

    private void fromRow() {
      candidateId = push.candidateId();
      applicationId = push.applicationId();
      result = push.result();
    }

    private PushProgress awaitVisible(PushRequests.Resolved r) {
      Optional<Person> shown = visible();
      if (shown.isPresent()) {
        waitEnded = STEP_AWAIT.equals(push.step());
        if (applicationId == null) {
          applicationId = firstApplication(shown.get(), r).orElse(null);
        }
        return afterPerson(r, 0);
      }
      if (config.awaitVisible().multipliedBy(push.attempts()).compareTo(config.maxAwait()) > 0) {
        return progress("needs_attention", STEP_AWAIT)
            .withError(
                "Greenhouse answered the write but the person (or their new application) is"
                    + " still not visible after "
                    + config.maxAwait().toMinutes()
                    + " min",
                Json.mapper().createArrayNode());
      }
      return progress("running", STEP_AWAIT).after(config.awaitVisible());
    }

    /** The person, once Greenhouse shows them and the application this push holds for them. */
    private Optional<Person> visible() {
      try {
        Person c = client.person(candidateId);
        return applicationId == null || shows(c, applicationId) ? Optional.of(c) : Optional.empty();
      } catch (GreenhouseException.NotFound e) {
        return Optional.empty();
      }
    }

    /**
     * After a refused write: whether Greenhouse does not show yet what this push just made, the
     * person it created or the application it added. A person found by email who is gone was merged
     * or deleted: that refusal stands.
     */
    private boolean notShownYet() {
      try {
        Person c = client.person(candidateId); // first: a created person may not show yet
        return applicationId != null && !shows(c, applicationId);
      } catch (GreenhouseException.NotFound e) {
        return "created".equals(result);
      }
    }

    private static boolean shows(Person c, long application) {
      return c.applicationIds().contains(application)
          || c.applications().stream().anyMatch(a -> a.id() == application);
    }

    /** Waits for Greenhouse to show the person (and their new application), then goes on. */
    private PushProgress awaitingVisibility() {
      resumeStep = STEP_AWAIT;
      return progress("running", STEP_AWAIT).after(config.awaitVisible()).resettingAttempts();
    }

    /**
     * After an unanswered write: is the person found by email the one we made or linked? A person
     * this push's create made without their prospect application yet (the adapter makes a prospect
     * in two calls, and the first applied) is ours too: the application follows, and the push stays
     * {@code created}.
     */
    private Optional<PushProgress> adopt(PushRequests.Resolved r, Person c) {
      Instant since = push.createdAt().minus(SKEW);
      PushSteps.Step person = recorded.get(PushSteps.PERSON);
      boolean recent = c.createdAt().isPresent() && !c.createdAt().get().isBefore(since);
      // a person the unanswered write linked to is not ours, however new
      boolean ours = recent && (person == null || person.candidateId() == null);
      Optional<Person.Application> app =
          c.applications().stream()
              .filter(a -> r.isCandidate() ? !a.prospect() && a.onJob(r.jobId()) : a.prospect())
              .filter(
                  a -> ours || (a.appliedAt().isPresent() && !a.appliedAt().get().isBefore(since)))
              .findFirst();
      boolean madeWithoutApplication =
          ours
              && !r.isCandidate()
              && !oneCall
              && c.applications().isEmpty()
              && c.applicationIds().isEmpty();
      if (app.isEmpty() && !madeWithoutApplication) {
        return Optional.empty();
      }
      candidateId = c.id();
      applicationId = app.map(Person.Application::id).orElse(null);
      result = ours ? "created" : "linked";
      uncertain = false;
      steps.done(push, PushSteps.PERSON, "read_back", candidateId, applicationId, result);
      return Optional.of(afterPerson(r, 0));
    }

    /** Sends one write as step {@code step}, noted as sent (durably) first. */
    private <T> T write(String step, Long candidate, Supplier<T> call) {
      if (!steps.sent(push, step, candidate)) {
        throw new IllegalStateException(
            "push " + push.pushId() + " was taken over by another worker");
      }
      uncertain = true;
      try {
        T answer = call.get();
        uncertain = false;
        return answer;
      } catch (GreenhouseException.Unreachable e) {
        uncertain = e.mayHaveApplied();
        if (!uncertain) {
          steps.unsent(push, step); // never reached Greenhouse
        }
        throw e;
      } catch (GreenhouseException.ServerError e) {
        throw e; // a 5xx may or may not have applied: look before sending it again
      } catch (RuntimeException e) {
        uncertain = false; // an answer came: nothing was applied
        steps.unsent(push, step);
        throw e;
      }
    }

    private Optional<Long> firstApplication(Person c, PushRequests.Resolved r) {
      if (!c.applications().isEmpty()) {
        return c.applications().stream()
            .filter(a -> !r.isCandidate() || a.onJob(r.jobId()) || a.jobIds().isEmpty())
            .map(Person.Application::id)
            .findFirst();
      }
      return c.applicationIds().stream().findFirst();
    }

    private void warn(com.fasterxml.jackson.databind.JsonNode warning) {
      for (com.fasterxml.jackson.databind.JsonNode w : warnings) {
        if (w.equals(warning)) {
          return;
        }
      }
      warnings.add(warning);
    }

    private PushProgress done() {
      uncertain = false; // every write of the push is known to have applied (or was refused)
      return progress("done", null);
    }

    /** The attempts that count against {@link PushConfig#maxAttempts()}, this one included. */
    int attemptsCounted() {
      return waitEnded ? 1 : push.attempts();
    }

    PushProgress retry(String why, Duration delay) {
      return progress("running", resumeStep)
          .after(delay)
          .withError(why, Json.mapper().createArrayNode());
    }

    PushProgress progress(String status, String step) {
      return PushProgress.of(status, step, warnings, calls.calls())
          .withIds(result, candidateId, applicationId)
          .uncertain(uncertain);
    }
  }
}
