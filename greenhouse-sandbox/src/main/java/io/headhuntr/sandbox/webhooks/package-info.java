/**
 * The sandbox's Greenhouse webhooks: a registry configured through admin routes, payloads built
 * from Harvest-shaped objects, and signed deliveries with Greenhouse's retry schedule
 * (WEBHOOKS.md).
 *
 * <h2>Pieces</h2>
 *
 * <ul>
 *   <li>{@link io.headhuntr.sandbox.webhooks.WebhookHub}: handlers for {@code POST/GET
 *       /sandbox/webhooks}, {@code PATCH /sandbox/webhooks/{id}}, {@code GET /sandbox/deliveries},
 *       {@code GET /sandbox/notices}, {@code POST /sandbox/deliveries/retry}, {@code DELETE
 *       /sandbox/webhooks/{id}}; {@code publish(action, payload)} for the store's changes.
 *   <li>{@link io.headhuntr.sandbox.webhooks.WebhookPayloads} with {@link
 *       io.headhuntr.sandbox.webhooks.SandboxLookups}: one method per documented payload shape.
 *   <li>{@link io.headhuntr.sandbox.webhooks.GreenhouseJson} (escaping), {@link
 *       io.headhuntr.sandbox.webhooks.WebhookSignature}, {@link
 *       io.headhuntr.sandbox.webhooks.RetrySchedule}, {@link
 *       io.headhuntr.sandbox.webhooks.WebhookEvent} (When labels to actions).
 * </ul>
 *
 * <h2>Decisions where the docs are silent (WEBHOOKS.md section 11)</h2>
 *
 * <ul>
 *   <li>{@code Greenhouse-Event-ID}: a random UUID per event and webhook, <b>reused by every
 *       retry</b> (the safer emulation for receivers that dedupe on it); the body bytes and
 *       signature are fixed at the first attempt.
 *   <li>The ping is signed like any delivery, gets one attempt (no retries); a failed ping saves
 *       the webhook inactive and records a failure notice. Every save (PATCH) pings again, except
 *       {@code "active": false}.
 *   <li>Failure = anything but HTTP 200 (201/202/204 included), a timeout ({@code deliveryTimeout},
 *       default 10 s) or a network error. Redirects are not followed.
 *   <li>Schedule: 7 attempts, retries after 1, 15, 60, 120, 240, 480 minutes divided by the time
 *       scale; the documented jitter is left out so the schedule is testable. After the 7th failure
 *       the delivery is "failed" and a failure notice (the error e-mail) is recorded; webhooks are
 *       not auto-disabled (undocumented).
 *   <li>Escaping: {@code <} {@code >} {@code &} as {@code \u003c} {@code \u003e} {@code \u0026},
 *       {@code /} as {@code \/}, every non-ASCII character as lowercase {@code \}{@code uXXXX}; the
 *       exact set Greenhouse uses is undocumented.
 *   <li>{@code User-Agent}: {@code Greenhouse-Sandbox-Webhooks/1.0} (Greenhouse's value is
 *       undocumented).
 *   <li>Endpoint URLs may be {@code http} (Greenhouse demands {@code https}) so that local
 *       receivers work.
 *   <li>"When" labels: the setup guide's 14, plus the docs headings for actions whose UI label no
 *       source confirms (e.g. "Application created" for {@code new_candidate_application}).
 *   <li>Payloads: {@code source} carries both {@code public_name} and {@code name} (the docs
 *       examples differ per action); interviews of the current stage are "to_be_scheduled" with the
 *       stage's default interviewers ("needs_action"); a hire without a stored offer gets one
 *       derived from the application.
 *   <li>A {@code merge_candidate} with no active "Merged Candidate" webhook goes to the "Delete
 *       Candidate" webhooks as {@code delete_candidate} (documented), with an empty {@code
 *       deleted_application_ids}.
 *   <li>Retries keep the webhook as it was when the event happened (URL, secret); a webhook
 *       disabled or deleted has its waiting retries cancelled (status "cancelled"): disabled
 *       webhooks do not fire.
 * </ul>
 *
 * <h2>Advanced settings</h2>
 *
 * Create and PATCH also take {@code basic_auth_username}, {@code basic_auth_password} (sent as
 * {@code Authorization: Basic}, the password never shown) and {@code additional_headers} (an
 * object; Greenhouse's reserved headers are refused with 422 naming {@code
 * additional_headers.<name>}).
 *
 * <h2>Known gaps</h2>
 *
 * The retry count is fixed at the documented 7 (the older support text's configurable count,
 * default 25, is not emulated) and retries carry no jitter; offer, interview, scorecard, department
 * and office events can be registered and published but have no payload builder (no example
 * exists); the delivery log keeps the latest 10,000 deliveries in memory.
 */
package io.headhuntr.sandbox.webhooks;
