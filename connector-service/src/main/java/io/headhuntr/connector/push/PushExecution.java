package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.greenhouse.CreatedProspect;
import io.headhuntr.connector.greenhouse.FieldProblem;
import io.headhuntr.connector.greenhouse.FileEntry;
import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.GreenhouseException;
import io.headhuntr.connector.greenhouse.GreenhouseWrites;
import io.headhuntr.connector.greenhouse.NoteEntry;
import io.headhuntr.connector.greenhouse.Person;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The steps of one push run: look the person up by every email (mirror, then Greenhouse), then
 * create them in one call, or add an application to the person found; wait out asynchronous
 * creation; set a prospect's pool. Faults become the next state: 429 waits, 5xx and timeouts retry
 * with backoff, 422 fails with Greenhouse's field errors, 401/403 pause the tenant, except a 401 of
 * a connection that needs a reconnect: then the push waits ({@link #STEP_RECONNECT}).
 *
 * <p>Every write is a step recorded in {@link PushSteps} before it is sent and after it applied. A
 * person write (create, or application on a person found) without an answer is looked up by email
 * for up to {@link PushConfig#confirmWindow()} (Greenhouse creates asynchronously) before it is
 * sent again; a follow-up write without an answer is read back ({@link ReadBack}) first. The class
 * is over 400 lines because the steps share one attempt's state and read best in one place.
 */
final class PushExecution {
  static final String STEP_AWAIT = "await_visible";
  static final String STEP_FOLLOWUPS = "followups";
  static final String STEP_CONFIRM = "confirm_write";

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
      if (push.attempts() >= config.maxAttempts()) {
        return attempt
            .progress("needs_attention", "gave_up")
            .withError(
                "gave up after " + push.attempts() + " attempts: " + e.getMessage(),
                Json.mapper().createArrayNode());
      }
      return attempt.retry(e.getMessage(), config.backoff(push.attempts()));
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

  /**
   * A write after the person exists: its step name, the call, and how many of its kind Greenhouse
   * shows since a time ({@code null} when sending it twice is harmless), with {@code earlier} the
   * identical writes this push made before it.
   */
  private record FollowUp(
      String name, Supplier<?> call, ToIntFunction<Instant> found, int earlier) {}

  /** One run of one push; fields hold what it has learnt so far. */
  private final class Attempt {
    private final PushRow push;
    private final Greenhouse client;
    private final GreenhouseWrites asUser;
    private final CallRecorder calls;
    private final ArrayNode warnings;
    private final Map<String, PushSteps.Step> recorded;
    private boolean uncertain;
    private String result;
    private Long candidateId;
    private Long applicationId;
    private String resumeStep = "retry_wait";

    Attempt(PushRow push, Greenhouse client, CallRecorder calls, ArrayNode warnings) {
      this.push = push;
      this.client = client;
      this.asUser = client.actingAs(push.greenhouseUserId());
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
        return followups(r, colon < 0 ? 0 : Integer.parseInt(push.step().substring(colon + 1)));
      }
      PushSteps.Step person = recorded.get(PushSteps.PERSON);
      if (person != null && person.done()) {
        // the person write applied, but the run that made it ended before saving where it stood
        candidateId = person.candidateId();
        applicationId = person.applicationId();
        result = person.result();
        uncertain = false;
        return "created".equals(result) ? awaitVisible(r) : followups(r, 0);
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

    private PushProgress create(PushRequests.Resolved r) {
      Person made;
      var person = requests.person(r);
      if (r.isCandidate()) {
        var application = requests.applicationOnJob(r);
        made = write(PushSteps.PERSON, null, () -> asUser.createCandidate(person, application));
      } else {
        var application = requests.prospectApplication(r, true);
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
      return followups(r, 0);
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
                  () -> asUser.addApplication(person.id(), requests.applicationOnJob(r)))
              : write(
                  PushSteps.PERSON,
                  person.id(),
                  () ->
                      asUser.addProspectApplication(
                          person.id(), requests.prospectApplication(r, false)));
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
      return followups(r, 0);
    }

    /**
     * Writes after the person exists, each a recorded step so a retry never repeats one that
     * applied: for a linked person the notes (and a prospect's files), for a new prospect its pool
     * and stage. A step sent without an answer is read back before it is sent again. {@code
     * legacy}: steps a push saved as done before steps were recorded.
     */
    private PushProgress followups(PushRequests.Resolved r, int legacy) {
      ReadBack readBack = new ReadBack(client);
      List<FollowUp> todo = followUpsOf(r, readBack);
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
          write(f.name(), candidateId, f.call());
          steps.done(push, f.name(), "answered", candidateId, null, null);
        } catch (GreenhouseException.ServerError
            | GreenhouseException.Unreachable
            | GreenhouseException.RateLimited e) {
          resumeStep = STEP_FOLLOWUPS; // the person exists: continue with the steps not done
          throw e;
        } catch (GreenhouseException.Invalid | GreenhouseException.NotFound e) {
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

    private List<FollowUp> followUpsOf(PushRequests.Resolved r, ReadBack readBack) {
      List<FollowUp> todo = new java.util.ArrayList<>();
      long id = candidateId == null ? 0 : candidateId;
      if ("linked".equals(result)) {
        List<NoteEntry> notes = r.notes();
        for (int i = 0; i < notes.size(); i++) {
          NoteEntry note = notes.get(i);
          todo.add(
              new FollowUp(
                  "note:" + i,
                  () -> {
                    asUser.addNote(id, note);
                    return null;
                  },
                  since -> readBack.notes(id, note, since),
                  (int) notes.subList(0, i).stream().filter(note::equals).count()));
        }
        if (!r.isCandidate()) {
          List<FileEntry> files = r.attachments();
          long app = applicationId == null ? 0 : applicationId;
          for (int i = 0; i < files.size(); i++) {
            FileEntry file = files.get(i);
            todo.add(
                new FollowUp(
                    "attachment:" + i,
                    () -> {
                      asUser.addAttachment(id, app, file);
                      return null;
                    },
                    since -> readBack.attachments(id, file, since),
                    (int) files.subList(0, i).stream().filter(file::sameFileAs).count()));
          }
        }
      } else if ("created".equals(result) && !r.isCandidate() && r.poolId() != null) {
        long app = applicationId == null ? 0 : applicationId;
        long pool = r.poolId();
        Optional<Long> stage = Optional.ofNullable(r.poolStageId());
        todo.add(
            new FollowUp(
                "pool",
                () -> {
                  asUser.setProspectPool(app, pool, stage);
                  return null;
                },
                null, // setting the same pool and stage twice changes nothing
                0));
      }
      return todo;
    }

    private void fromRow() {
      candidateId = push.candidateId();
      applicationId = push.applicationId();
      result = push.result();
    }

    private PushProgress awaitVisible(PushRequests.Resolved r) {
      try {
        Person c = client.person(candidateId);
        if (applicationId == null) {
          applicationId = firstApplication(c, r).orElse(null);
        }
        return followups(r, 0);
      } catch (GreenhouseException.NotFound e) {
        if (config.awaitVisible().multipliedBy(push.attempts()).compareTo(config.maxAwait()) > 0) {
          return progress("needs_attention", STEP_AWAIT)
              .withError(
                  "Greenhouse answered the create but the person is still not visible after "
                      + config.maxAwait().toMinutes()
                      + " min",
                  Json.mapper().createArrayNode());
        }
        return progress("running", STEP_AWAIT).after(config.awaitVisible());
      }
    }

    /** After an unanswered write: is the person found by email the one we made or linked? */
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
      if (app.isEmpty()) {
        return Optional.empty();
      }
      candidateId = c.id();
      applicationId = app.get().id();
      result = ours ? "created" : "linked";
      uncertain = false;
      steps.done(push, PushSteps.PERSON, "read_back", candidateId, applicationId, result);
      return Optional.of(followups(r, 0));
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
