package io.headhuntr.connector.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the webhook kit says about how a tenant's webhooks get into Greenhouse: the note under
 * {@code registration}, the last run, and the sentences that tell an admin what to do.
 */
final class KitRegistration {
  private KitRegistration() {}

  static String registerPath(UUID tenantId) {
    return "POST /api/v1/tenants/" + tenantId + "/webhooks/register";
  }

  static String note(WebhookRegistration registration, UUID tenantId) {
    return registration == WebhookRegistration.AUTOMATIC
        ? "The connector registers these webhooks in Greenhouse itself (on Connect Greenhouse,"
            + " after a secret rotation, and on "
            + registerPath(tenantId)
            + ") and reads their state from Greenhouse at most once a minute"
        : "Create these webhooks in Greenhouse > Configure > Dev Center > Web Hooks with the"
            + " endpoint URL and secret key above (only a Harvest v3 partner connection, \"Connect"
            + " Greenhouse\", lets the connector register them itself)";
  }

  /** After "no ping yet for: ...": who makes the missing webhooks. */
  static String waitingHint(WebhookRegistration registration, UUID tenantId) {
    return registration == WebhookRegistration.AUTOMATIC
        ? " (the connector registers these webhooks itself: " + registerPath(tenantId) + ")"
        : " (create these webhooks in Greenhouse > Configure > Dev Center > Web Hooks with the"
            + " endpoint URL and secret key above)";
  }

  /** The failure message of a webhook Greenhouse reports {@code deactivated}. */
  static String deactivated(String url, UUID tenantId) {
    return "Greenhouse has deactivated this webhook (its ping failed, or someone turned it off):"
        + " make sure "
        + url
        + " answers Greenhouse with HTTP 200, then register the webhooks again ("
        + registerPath(tenantId)
        + "), which saves it again and Greenhouse pings it";
  }

  /** The last registration run, once there was one. */
  static Optional<WebhookSetup.LastRegistration> lastRun(WebhookRegistrar.State state) {
    return state
        .run()
        .filter(r -> r.attemptedAt().isPresent())
        .map(
            r ->
                new WebhookSetup.LastRegistration(
                    r.trigger().orElse(null),
                    r.attemptedAt().get(),
                    r.created(),
                    r.updated(),
                    r.kept(),
                    r.problem().orElse(null)));
  }

  /** What the connection, the last run and the last read of Greenhouse left undone. */
  static List<String> warnings(WebhookRegistrar.State state) {
    List<String> warnings = new ArrayList<>();
    state.problem().ifPresent(warnings::add);
    state
        .run()
        .ifPresent(
            r -> {
              r.problem()
                  .ifPresent(
                      p ->
                          warnings.add(
                              "registering the webhooks in Greenhouse ("
                                  + r.attemptedAt().map(Instant::toString).orElse("")
                                  + ") left something undone: "
                                  + p));
              r.readProblem()
                  .ifPresent(
                      p ->
                          warnings.add("could not read the webhooks' state from Greenhouse: " + p));
            });
    return warnings;
  }
}
