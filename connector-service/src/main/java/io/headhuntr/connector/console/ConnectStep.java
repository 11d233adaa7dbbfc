package io.headhuntr.connector.console;

import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.credentials.CredentialStatus;
import io.headhuntr.connector.credentials.PermissionReport;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Step 1, connect Greenhouse: paste a Harvest v1 API key or Harvest v3 client credentials (each
 * verified with Greenhouse before it is saved, by the credentials capability the API uses), or
 * "Connect Greenhouse" through the operator's partner client; then the permission report as a
 * checklist saying what to tick in Greenhouse for each permission still missing.
 */
public final class ConnectStep {
  /** The page; {@code key} and {@code client} are the two forms (secrets are never echoed). */
  public record Page(
      Shell shell,
      String base,
      CredentialStatus credential,
      String summary,
      Form key,
      Form client,
      boolean partnerAvailable,
      Optional<String> notice) {}

  /** The checklist fragment: the report, or why there is none yet. */
  public record Permissions(
      String base, String csrf, Optional<PermissionReport> report, Optional<String> problem) {}

  private final ConsoleServices services;
  private final Views views;
  private final Wizard wizard;

  ConnectStep(ConsoleServices services, Views views, Wizard wizard) {
    this.services = services;
    this.views = views;
    this.wizard = wizard;
  }

  void page(TenantRequest request) {
    Optional<String> notice =
        "saved".equals(request.ctx().queryParam("done"))
            ? Optional.of("Saved: Greenhouse accepted the credential.")
            : Optional.empty();
    show(request, 200, Form.empty(), Form.empty(), notice);
  }

  void saveKey(TenantRequest request) {
    Form typed = Form.of(values(request, "base_url"));
    try {
      required(request, "api_key");
      services
          .credentials()
          .save(request.id(), request.form("api_key"), optional(request.form("base_url")));
    } catch (ProblemException e) {
      show(
          request, e.status() == 502 ? 502 : 422, typed.refused(e), Form.empty(), Optional.empty());
      return;
    }
    request.ctx().redirect(request.base() + "/connect?done=saved", HttpStatus.SEE_OTHER);
  }

  void saveClient(TenantRequest request) {
    Form typed = Form.of(values(request, "client_id", "base_url", "auth_url"));
    try {
      required(request, "client_id");
      required(request, "client_secret");
      services
          .credentials()
          .saveClientCredentials(
              request.id(),
              request.form("client_id"),
              request.form("client_secret"),
              optional(request.form("base_url")),
              optional(request.form("auth_url")));
    } catch (ProblemException e) {
      show(
          request, e.status() == 502 ? 502 : 422, Form.empty(), typed.refused(e), Optional.empty());
      return;
    }
    request.ctx().redirect(request.base() + "/connect?done=saved", HttpStatus.SEE_OTHER);
  }

  /** "Connect Greenhouse": the same start the API's {@code .../greenhouse/oauth/start} makes. */
  void partner(TenantRequest request) {
    request.ctx().header("Cache-Control", "no-store");
    request.ctx().redirect(services.partner().start(request.id()).toString(), HttpStatus.FOUND);
  }

  void permissions(TenantRequest request) {
    checklist(request, false);
  }

  void recheck(TenantRequest request) {
    checklist(request, true);
  }

  private void checklist(TenantRequest request, boolean refresh) {
    Optional<PermissionReport> report = Optional.empty();
    Optional<String> problem = Optional.empty();
    if (!services.credentials().status(request.id()).configured()) {
      problem = Optional.of("Connect Greenhouse first: the checklist reads the saved credential.");
    } else {
      try {
        report = Optional.of(services.credentials().permissions(request.id(), refresh));
      } catch (ProblemException e) {
        problem = Optional.of(e.detail());
      }
    }
    views.render(
        request.ctx(),
        200,
        "permissions.jte",
        new Permissions(request.base(), request.session().csrfToken(), report, problem));
  }

  private void show(
      TenantRequest request, int status, Form key, Form client, Optional<String> notice) {
    request.keepUrl();
    CredentialStatus credential = services.credentials().status(request.id());
    views.render(
        request.ctx(),
        status,
        "connect.jte",
        new Page(
            wizard.shell(request, "Connect Greenhouse", Wizard.CONNECT),
            request.base(),
            credential,
            Wizard.describe(credential),
            key,
            client,
            services.credentials().partnerClient().isPresent(),
            notice));
  }

  private static Map<String, String> values(TenantRequest request, String... names) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : names) {
      values.put(name, request.form(name));
    }
    return values;
  }

  /** The API's presence rule for a required body field, in its words. */
  private static void required(TenantRequest request, String field) {
    if (request.form(field).isEmpty()) {
      throw ProblemException.invalid(field, field + " is required");
    }
  }

  private static Optional<String> optional(String value) {
    return value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
