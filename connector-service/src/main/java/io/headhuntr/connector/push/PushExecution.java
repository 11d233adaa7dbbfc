package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.headhuntr.connector.api.Json;
import io.headhuntr.harvest.Application;
import io.headhuntr.harvest.ApplicationPatch;
import io.headhuntr.harvest.Candidate;
import io.headhuntr.harvest.FieldError;
import io.headhuntr.harvest.GreenhouseUserId;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.HarvestForbiddenException;
import io.headhuntr.harvest.HarvestNotFoundException;
import io.headhuntr.harvest.HarvestRateLimitedException;
import io.headhuntr.harvest.HarvestServerException;
import io.headhuntr.harvest.HarvestTransportException;
import io.headhuntr.harvest.HarvestUnauthorizedException;
import io.headhuntr.harvest.HarvestValidationException;
import io.headhuntr.harvest.NewAttachment;
import io.headhuntr.harvest.NewNote;
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
 * with backoff, 422 fails with Greenhouse's field errors, 401/403 pause the tenant.
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

  /** Clock skew allowed when deciding that a person found after an unanswered write is ours. */
  private static final Duration SKEW = Duration.ofMinutes(5);

  private final PushStore store;
  private final PushSteps steps;
  private final PersonLookup lookup;
  private final HarvestRequests requests;
  private final PushConfig config;
  private final Clock clock;

  PushExecution(PushStore store, HarvestRequests requests, PushConfig config, Clock clock) {
    this.store = store;
    this.steps = new PushSteps(store.jdbi());
    this.lookup = new PersonLookup(store.jdbi());
    this.requests = requests;
    this.config = config;
    this.clock = clock;
  }

  /** Runs the claimed push as far as it goes now and returns where it stands. */
  PushProgress run(PushRow push, HarvestClient client) {
    CallRecorder calls = new CallRecorder(clock);
    ArrayNode warnings =
        push.warnings().isArray()
            ? ((ArrayNode) push.warnings()).deepCopy()
            : Json.mapper().createArrayNode();
    Attempt attempt = new Attempt(push, client, calls, warnings);
    try {
      return attempt.run();
    } catch (HarvestRateLimitedException e) {
      return attempt.retry(
          "Greenhouse rate limit: waiting " + e.retryAfter().toSeconds() + " s", e.retryAfter());
    } catch (HarvestServerException | HarvestTransportException e) {
      if (push.attempts() >= config.maxAttempts()) {
        return attempt
            .progress("needs_attention", "gave_up")
            .withError(
                "gave up after " + push.attempts() + " attempts: " + e.getMessage(),
                Json.mapper().createArrayNode());
      }
      return attempt.retry(e.getMessage(), config.backoff(push.attempts()));
    } catch (HarvestUnauthorizedException | HarvestForbiddenException e) {
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
    } catch (HarvestValidationException e) {
      ArrayNode fields = Json.mapper().createArrayNode();
      StringBuilder words = new StringBuilder("Greenhouse refused the push");
      for (FieldError f : e.fieldErrors()) {
        fields.addObject().put("field", f.field()).put("message", f.message());
        words
            .append(f == e.fieldErrors().get(0) ? ": " : "; ")
            .append(f.field() == null ? "" : f.field() + ": ")
            .append(f.message());
      }
      if (e.fieldErrors().isEmpty()) {
        words.append(": ").append(e.greenhouseMessage());
      }
      return attempt.progress("failed", null).withError(words.toString(), fields);
    } catch (HarvestNotFoundException e) {
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
   * A write after the person exists: its step name, the call, and how many of its kind Greenhouse
   * shows since a time ({@code null} when sending it twice is harmless), with {@code earlier} the
   * identical writes this push made before it.
   */
  private record FollowUp(
      String name,
      String method,
      String path,
      Supplier<?> call,
      ToIntFunction<Instant> found,
      int earlier) {}

  /** One run of one push; fields hold what it has learnt so far. */
  private final class Attempt {
    private final PushRow push;
    private final HarvestClient client;
    private final HarvestClient.Acting asUser;
    private final CallRecorder calls;
    private final ArrayNode warnings;
    private final Map<String, PushSteps.Step> recorded;
    private boolean uncertain;
    private String result;
    private Long candidateId;
    private Long applicationId;
    private String resumeStep = "retry_wait";

    Attempt(PushRow push, HarvestClient client, CallRecorder calls, ArrayNode warnings) {
      this.push = push;
      this.client = client;
      this.asUser = client.onBehalfOf(GreenhouseUserId.of(push.greenhouseUserId()));
      this.calls = calls;
      this.warnings = warnings;
      this.recorded = steps.load(push);
      PushSteps.Step person = recorded.get(PushSteps.PERSON);
      this.uncertain = push.writeSentAt() != null || (person != null && person.ambiguous());
    }

    PushProgress run() {
      HarvestRequests.Resolved r =
          requests.resolve(push, client, calls, store.controls().settings(push.tenantId()));
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
      Optional<Candidate> found = Optional.empty();
      List<Candidate> everyone = List.of();
      if (uncertain) {
        // everyone with the email, not only the oldest: ours may be a second profile
        everyone = lookup.everyoneInGreenhouse(r.emails(), client, calls);
        found = everyone.stream().findFirst();
      } else if (links) {
        found = lookup.byEmail(push.tenantId(), r.emails(), client, calls);
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

    private PushProgress create(HarvestRequests.Resolved r) {
      Candidate made;
      if (r.isCandidate()) {
        var body = requests.candidate(r);
        made =
            write(
                PushSteps.PERSON,
                null,
                "POST",
                "/v1/candidates",
                () -> asUser.candidates().create(body));
      } else {
        var body = requests.prospect(r);
        made =
            write(
                PushSteps.PERSON,
                null,
                "POST",
                "/v1/prospects",
                () -> asUser.prospects().create(body));
        if (r.target().hasNonNull("prospect_owner_id")) {
          warn(
              Json.mapper()
                  .createObjectNode()
                  .put("field", "target.prospect_owner_user_id")
                  .put("message", "Harvest v1 cannot set the owner of a new prospect; not set"));
        }
      }
      result = "created";
      candidateId = made.id();
      applicationId = firstApplication(made, r).orElse(null);
      steps.done(push, PushSteps.PERSON, "answered", candidateId, applicationId, result);
      if (made.firstName() == null) { // truncated: Greenhouse is still creating it
        return progress("running", STEP_AWAIT).after(config.awaitVisible()).resettingAttempts();
      }
      return followups(r, 0);
    }

    private PushProgress link(HarvestRequests.Resolved r, Candidate person) {
      candidateId = person.id();
      if (r.isCandidate()) {
        Optional<Application> active =
            person.applications().stream()
                .filter(a -> !a.prospect() && "active".equals(a.status()) && onJob(a, r.jobId()))
                .findFirst();
        if (active.isPresent()) {
          result = "already_on_job";
          applicationId = active.get().id();
          return done();
        }
      }
      var body =
          r.isCandidate()
              ? requests
                  .applicationOnJob(r)
                  .withAttachments(r.attachments().isEmpty() ? null : r.attachments())
              : requests.prospectApplication(
                  r, Optional.ofNullable(r.target().get("prospect_owner_id")).map(n -> n.asLong()));
      Application app =
          write(
              PushSteps.PERSON,
              person.id(),
              "POST",
              "/v1/candidates/" + person.id() + "/applications",
              () -> asUser.candidates().addApplication(person.id(), body));
      result = "linked";
      applicationId = app.id();
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
    private PushProgress followups(HarvestRequests.Resolved r, int legacy) {
      ReadBack readBack = new ReadBack(client, calls);
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
          write(f.name(), candidateId, f.method(), f.path(), f.call());
          steps.done(push, f.name(), "answered", candidateId, null, null);
        } catch (HarvestServerException
            | HarvestTransportException
            | HarvestRateLimitedException e) {
          resumeStep = STEP_FOLLOWUPS; // the person exists: continue with the steps not done
          throw e;
        } catch (HarvestValidationException | HarvestNotFoundException e) {
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
      } catch (HarvestForbiddenException e) {
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

    private List<FollowUp> followUpsOf(HarvestRequests.Resolved r, ReadBack readBack) {
      List<FollowUp> todo = new java.util.ArrayList<>();
      long id = candidateId == null ? 0 : candidateId;
      if ("linked".equals(result)) {
        List<NewNote> notes = r.notes();
        for (int i = 0; i < notes.size(); i++) {
          NewNote note = notes.get(i);
          todo.add(
              new FollowUp(
                  "note:" + i,
                  "POST",
                  "/v1/candidates/" + id + "/activity_feed/notes",
                  () -> asUser.candidates().addNote(id, note),
                  since -> readBack.notes(id, note, since),
                  (int) notes.subList(0, i).stream().filter(note::equals).count()));
        }
        if (!r.isCandidate()) {
          List<NewAttachment> files = r.attachments();
          for (int i = 0; i < files.size(); i++) {
            NewAttachment file = files.get(i);
            todo.add(
                new FollowUp(
                    "attachment:" + i,
                    "POST",
                    "/v1/candidates/" + id + "/attachments",
                    () -> asUser.candidates().addAttachment(id, file),
                    since -> readBack.attachments(id, file, since),
                    (int)
                        files.subList(0, i).stream()
                            .filter(
                                f ->
                                    f.filename().equals(file.filename())
                                        && f.type().equals(file.type()))
                            .count()));
          }
        }
      } else if ("created".equals(result) && !r.isCandidate() && r.poolId() != null) {
        ApplicationPatch patch =
            new ApplicationPatch(null, null, null, null, null, r.poolId(), r.poolStageId(), null);
        long app = applicationId == null ? 0 : applicationId;
        todo.add(
            new FollowUp(
                "pool",
                "PATCH",
                "/v1/applications/" + app,
                () -> asUser.applications().update(app, patch),
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

    private PushProgress awaitVisible(HarvestRequests.Resolved r) {
      try {
        Candidate c =
            calls.call(
                "GET", "/v1/candidates/" + candidateId, () -> client.candidates().get(candidateId));
        if (applicationId == null) {
          applicationId = firstApplication(c, r).orElse(null);
        }
        return followups(r, 0);
      } catch (HarvestNotFoundException e) {
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
    private Optional<PushProgress> adopt(HarvestRequests.Resolved r, Candidate c) {
      Instant since = push.createdAt().minus(SKEW);
      PushSteps.Step person = recorded.get(PushSteps.PERSON);
      boolean recent = c.createdAt() != null && !c.createdAt().isBefore(since);
      // a person the unanswered write linked to is not ours, however new
      boolean ours = recent && (person == null || person.candidateId() == null);
      Optional<Application> app =
          c.applications().stream()
              .filter(a -> r.isCandidate() ? !a.prospect() && onJob(a, r.jobId()) : a.prospect())
              .filter(a -> ours || (a.appliedAt() != null && !a.appliedAt().isBefore(since)))
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
    private <T> T write(String step, Long candidate, String method, String path, Supplier<T> call) {
      if (!steps.sent(push, step, candidate)) {
        throw new IllegalStateException(
            "push " + push.pushId() + " was taken over by another worker");
      }
      uncertain = true;
      try {
        T answer = calls.call(method, path, call);
        uncertain = false;
        return answer;
      } catch (HarvestTransportException e) {
        uncertain = e.mayHaveApplied();
        if (!uncertain) {
          steps.unsent(push, step); // never reached Greenhouse
        }
        throw e;
      } catch (HarvestServerException e) {
        throw e; // a 5xx may or may not have applied: look before sending it again
      } catch (RuntimeException e) {
        uncertain = false; // an answer came: nothing was applied
        steps.unsent(push, step);
        throw e;
      }
    }

    private Optional<Long> firstApplication(Candidate c, HarvestRequests.Resolved r) {
      if (!c.applications().isEmpty()) {
        return c.applications().stream()
            .filter(a -> !r.isCandidate() || onJob(a, r.jobId()) || a.jobs().isEmpty())
            .map(Application::id)
            .findFirst();
      }
      return c.applicationIds().stream().findFirst();
    }

    private static boolean onJob(Application a, long jobId) {
      return a.jobs().stream().anyMatch(j -> j.id() == jobId);
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
