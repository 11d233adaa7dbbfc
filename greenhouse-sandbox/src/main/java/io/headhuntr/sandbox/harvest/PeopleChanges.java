package io.headhuntr.sandbox.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Application;
import io.headhuntr.sandbox.store.Attachment;
import io.headhuntr.sandbox.store.Candidate;
import java.time.Duration;
import java.util.Set;

/**
 * The v1 mutation logic of people and applications, opened to Harvest v3's handlers so that both
 * APIs change the account the same way. Bodies use v1 field names; every refusal is a {@code
 * HarvestError} 422 naming the field. Call under the write lock.
 */
public final class PeopleChanges {
  private final Account account;

  public PeopleChanges(Account account) {
    this.account = account;
  }

  /**
   * A new person (not yet stored) from {@code first_name}, {@code last_name} and the contact
   * fields, with the "Candidate Created" activity by {@code actingUser}.
   */
  public Candidate newCandidate(ObjectNode body, long actingUser) {
    PersonInput.requiredText(body, "first_name");
    PersonInput.requiredText(body, "last_name");
    Candidate c = new Candidate(account.newId(), "", "", account.now());
    PersonInput input = new PersonInput(account);
    input.applyPersonFields(c, body);
    account.record(
        c.id,
        input.activity(
            actingUser, "Candidate Created", c.firstName + " " + c.lastName + " was added"));
    return c;
  }

  /** Stores a new person; with asynchronous creation it stays invisible for {@code delay}. */
  public void store(Candidate c, Duration delay) {
    if (!delay.isZero()) {
      c.visibleFrom = account.now() + delay.toMillis();
    }
    account.candidates.put(c.id, c);
  }

  public void applyPersonFields(Candidate c, ObjectNode body) {
    new PersonInput(account).applyPersonFields(c, body);
  }

  /** A candidate application: job_id, initial_stage_id, source_id, referrer, recruiter_id, .. */
  public Application candidateApplication(Candidate c, JsonNode body) {
    return new ApplicationInput(account).candidateApplication(c, body);
  }

  /** A prospect application with pool, stage, owner and prospective department/office. */
  public Application prospectApplication(Candidate c, JsonNode body) {
    return new ApplicationInput(account).prospectApplication(c, body, true);
  }

  /** Links a new application to its person, stores it and starts its stage history. */
  public void attach(Candidate c, Application a) {
    new ApplicationInput(account).attach(c, a);
  }

  /** An uploaded file: filename, type (one of {@code types}), content+content_type or url. */
  public Attachment attachment(JsonNode body, Set<String> types, long owner) {
    return new PersonInput(account).attachment(body, types, owner);
  }
}
