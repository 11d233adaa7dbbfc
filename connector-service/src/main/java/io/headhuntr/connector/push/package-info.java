/**
 * Push (issue 7): sourced people into a tenant's Greenhouse, once, on behalf of the acting user's
 * mapped Greenhouse user.
 *
 * <p>Flow: {@link io.headhuntr.connector.push.PushApi} validates a push (fields named as Greenhouse
 * names them), resolves {@code acting_user_id} to a verified Greenhouse user id and commits it to
 * the {@code pushes} table (V5__push.sql) before answering 202; the same {@code Idempotency-Key}
 * returns the same push. {@link io.headhuntr.connector.push.PushWorker} claims due pushes with
 * {@code FOR UPDATE SKIP LOCKED} and runs the steps in {@code PushExecution}: look the person up by
 * every email (mirror first, then {@code GET /v1/candidates?email=}); a person found gets an
 * application ({@code already_on_job} when active on the job; policy {@code link}, the default, or
 * {@code always_create}); otherwise one {@code POST /v1/candidates} carries the application,
 * attachments, educations, employments and notes, or one {@code POST /v1/prospects} (+ {@code PATCH
 * /v1/applications/{id}} for a pool and stage). Every Greenhouse call is recorded on the push (the
 * paths named here are those of the Harvest v1 adapter behind the {@link
 * io.headhuntr.connector.greenhouse.Greenhouse} port). Harvest v3 writes one thing per call: the
 * candidate with their application ({@code POST /v3/candidates}), or the prospect and then their
 * prospect application, then each file, education, employment and note (and a linked candidate's
 * files) as a step of its own, exactly as the follow-ups below.
 *
 * <p>Faults: a 429 waits for {@code Retry-After}; 5xx and timeouts retry with capped backoff
 * ({@link io.headhuntr.connector.push.PushConfig}), then the push needs attention; every write is a
 * step ({@link io.headhuntr.connector.push.PushSteps}, {@code push_steps}, V7) committed as sent
 * before it goes out and as done once it applied, so a write without an answer, or a worker that
 * died mid-write, is never simply repeated: a create or an application on a person found is looked
 * up by email (everyone with it) for {@code confirmWindow}, through Greenhouse's asynchronous
 * creation, and adopted when found (a person the create made without their v3 prospect application
 * is given it and stays {@code created}); a note, file, education or employment is read back
 * ({@link io.headhuntr.connector.push.ReadBack}) before it is sent again; a truncated create answer
 * (asynchronous creation), or a write after it refused because Greenhouse does not show the person
 * or their new application yet, is polled until they are visible; a 422 fails the push with
 * Greenhouse's field errors in plain words; a 401/403 pauses all of the tenant's pushes ({@code
 * push_pauses}) until {@code POST .../pushes/resume}.
 *
 * <p>Outcome: derived when read, from the mirror rows of the recorded application and candidate
 * ({@code active} at a named stage, {@code rejected}, {@code hired}, {@code deleted}, {@code
 * merged} with {@code merged_into_candidate_id}); merges re-point {@code pushes.candidate_id}
 * through {@code connector_repoint_candidate}, which V5 extends. A finished push appends a {@code
 * person_pushed} event to the feed.
 *
 * <p>Tenant state: a {@code draft} tenant's pushes are refused (409 listing what activation still
 * lacks, nothing stored); a {@code paused} tenant's are accepted and stay queued until it resumes.
 *
 * <p>Known limits: a person without email cannot be checked after an unanswered write (the push
 * needs attention instead of risking a duplicate); a create whose person stays invisible longer
 * than {@code confirmWindow} is sent again; reading notes back needs the key's activity-feed read
 * (without it an unanswered note is sent again, with a warning); a new prospect's owner cannot be
 * set through Harvest v1 (a warning says so); educations and employments are not added to a person
 * who already existed.
 */
package io.headhuntr.connector.push;
