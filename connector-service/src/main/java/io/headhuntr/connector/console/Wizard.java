package io.headhuntr.connector.console;

import io.headhuntr.connector.credentials.CredentialStatus;
import io.headhuntr.connector.credentials.GreenhouseCredential;
import io.headhuntr.connector.tenant.TenantState;
import io.headhuntr.connector.users.MappingStatus;
import io.headhuntr.connector.users.UserMappingRow;
import io.headhuntr.connector.webhooks.WebhookSetup;
import io.headhuntr.connector.webhooks.WebhookStatus;
import java.util.List;
import java.util.Optional;

/**
 * The setup guide as four steps, each with its state and what it still lacks, read from the
 * capabilities on every page (cheap reads only: the permission probe and the activation checks,
 * which call Greenhouse, run on their own steps' pages).
 */
final class Wizard {
  static final String CONNECT = "connect";
  static final String WEBHOOKS = "webhooks";
  static final String USERS = "users";
  static final String REVIEW = "review";
  static final String HEALTH = "health";

  private final ConsoleServices services;
  private final Assets assets;

  Wizard(ConsoleServices services, Assets assets) {
    this.services = services;
    this.assets = assets;
  }

  Assets assets() {
    return assets;
  }

  Shell shell(TenantRequest request, String title, String current) {
    return new Shell(
        title + " · " + request.tenant().name(),
        assets,
        request.session().csrfToken(),
        request.session().admin(),
        Optional.of(nav(request)),
        current);
  }

  Shell.Nav nav(TenantRequest request) {
    String base = request.base();
    CredentialStatus credential = services.credentials().status(request.id());
    WebhookSetup kit = services.webhooks().setup(request.id());
    long pinged =
        kit.webhooks().stream().filter(w -> w.status() != WebhookStatus.WAITING_FOR_PING).count();
    List<UserMappingRow> mappings = services.users().mappings(request.id());
    long verified = mappings.stream().filter(m -> m.status() == MappingStatus.VERIFIED).count();
    TenantState state = request.tenant().state();
    boolean connected =
        credential.configured() && !CredentialStatus.NEEDS_RECONNECT.equals(credential.status());
    return new Shell.Nav(
        request.id(),
        request.tenant().name(),
        state.wire(),
        List.of(
            new Shell.Step(
                CONNECT,
                1,
                "Connect Greenhouse",
                base + "/connect",
                connected ? "done" : "todo",
                connected ? describe(credential) : notConnected(credential)),
            new Shell.Step(
                WEBHOOKS,
                2,
                "Webhooks",
                base + "/webhooks",
                pinged == kit.webhooks().size() ? "done" : "todo",
                pinged + " of " + kit.webhooks().size() + " pinged"),
            new Shell.Step(
                USERS,
                3,
                "Users",
                base + "/users",
                verified > 0 ? "done" : "todo",
                mappings.isEmpty()
                    ? "no platform users yet"
                    : verified + " of " + mappings.size() + " verified"),
            new Shell.Step(
                REVIEW,
                4,
                "Review and activate",
                base + "/review",
                state == TenantState.DRAFT ? "todo" : "done",
                state.wire())));
  }

  /** What a saved credential is, in a few words (its secret's last four characters at most). */
  static String describe(CredentialStatus credential) {
    if (!credential.configured()) {
      return "not connected";
    }
    return switch (credential.kind() == null ? "" : credential.kind()) {
      case GreenhouseCredential.V3_CLIENT_CREDENTIALS ->
          "Harvest v3 client " + credential.clientId();
      case GreenhouseCredential.V3_PARTNER ->
          "Connected (Greenhouse partner)"
              + (credential.organizationName() == null
                  ? ""
                  : " to " + credential.organizationName());
      default -> "Harvest v1 API key ····" + credential.last4();
    };
  }

  private static String notConnected(CredentialStatus credential) {
    return CredentialStatus.NEEDS_RECONNECT.equals(credential.status())
        ? "needs a reconnect"
        : "not connected";
  }
}
