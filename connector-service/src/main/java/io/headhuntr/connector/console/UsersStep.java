package io.headhuntr.connector.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.users.ImportPreview;
import io.headhuntr.connector.users.MappingStatus;
import io.headhuntr.connector.users.PlatformUser;
import io.headhuntr.connector.users.UserMappingApi;
import io.headhuntr.connector.users.UserMappingRow;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Step 3, users: upload Greenhouse's users export and review what it matched by email (matched,
 * unmatched, ambiguous, row errors) as a table whose Greenhouse User IDs can be corrected in place
 * before they are saved and verified; the saved mapping, one row per platform user, each fixable on
 * its own; verify everything again. Every save goes through the users capability the API's {@code
 * PUT .../user-mappings} uses, so a refused id is marked with the API's words and nothing is saved.
 */
public final class UsersStep {
  private static final Pattern ROW = Pattern.compile("mappings\\[(\\d+)]");

  /** The API's answer to a tenant token on an admin route (BearerAuth says the same). */
  static final String ADMIN_ONLY = "this route needs the admin token";

  /** One line of the review table: what the export proposed or the admin typed, and any refusal. */
  public record ReviewRow(
      String platformUserId,
      String name,
      String email,
      String greenhouseUserId,
      String hint,
      String error,
      boolean invalid) {}

  /**
   * The page: the saved mapping ({@code typed} and {@code rowErrors} by platform user id after a
   * refused inline fix), the preview of an upload and its review table, and messages.
   */
  public record Page(
      Shell shell,
      String base,
      List<UserMappingRow> rows,
      long verified,
      Map<String, String> typed,
      Map<String, String> rowErrors,
      Optional<ImportPreview> preview,
      String fileName,
      List<ReviewRow> review,
      Form upload,
      Optional<String> reviewError,
      Optional<String> notice,
      Optional<String> error) {}

  private final ConsoleServices services;
  private final Views views;
  private final Wizard wizard;

  UsersStep(ConsoleServices services, Views views, Wizard wizard) {
    this.services = services;
    this.views = views;
    this.wizard = wizard;
  }

  void page(TenantRequest request) {
    Optional<String> notice =
        switch (Optional.ofNullable(request.ctx().queryParam("done")).orElse("")) {
          case "saved" -> Optional.of("Saved and verified with Greenhouse.");
          case "verified" -> Optional.of("Every mapped id was checked with Greenhouse again.");
          case "confirmed" -> Optional.of("Confirmed: pushes may now run as that Greenhouse user.");
          default -> Optional.empty();
        };
    show(request, 200, empty(request).withNotice(notice));
  }

  /** Reads the uploaded export and shows what it would map; nothing is saved. */
  void preview(TenantRequest request) {
    UploadedFile upload =
        request.ctx().isMultipartFormData() ? request.ctx().uploadedFile("file") : null;
    try {
      if (upload == null) {
        throw ProblemException.invalid(
            "file", "no file: send the export in the multipart field named 'file'");
      }
      if (upload.size() > UserMappingApi.MAX_UPLOAD_BYTES) {
        throw tooLarge();
      }
      byte[] file;
      try (InputStream in = upload.content()) {
        file = in.readNBytes((int) UserMappingApi.MAX_UPLOAD_BYTES + 1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (file.length > UserMappingApi.MAX_UPLOAD_BYTES) {
        throw tooLarge();
      }
      ImportPreview preview = services.users().preview(request.id(), file, upload.filename());
      Draft draft = empty(request);
      draft.preview = Optional.of(preview);
      draft.fileName = upload.filename();
      draft.review = review(preview, services.users().users(request.id()));
      show(request, 200, draft);
    } catch (ProblemException e) {
      Draft draft = empty(request);
      draft.upload = Form.empty().refused(e);
      show(request, 422, draft);
    }
  }

  /**
   * Saves the posted rows ({@code platform_user_id} and {@code greenhouse_user_id}, repeated) as
   * {@code PUT .../user-mappings} would. From the review table ({@code source=review}) a row left
   * empty is skipped; a single row fixed in place with an empty id clears that mapping, as the
   * API's {@code null} does.
   */
  void save(TenantRequest request) {
    List<String> users = request.ctx().formParams("platform_user_id");
    List<String> ids = request.ctx().formParams("greenhouse_user_id");
    List<String> hints = request.ctx().formParams("hint");
    boolean fromReview = "review".equals(request.form("source"));
    ArrayNode body = Json.mapper().createArrayNode();
    List<Integer> sent = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      String id = i < ids.size() ? ids.get(i).strip() : "";
      if (fromReview && id.isEmpty()) {
        continue;
      }
      body.addObject()
          .put("platform_user_id", users.get(i))
          .put("greenhouse_user_id", id.isEmpty() ? null : id);
      sent.add(i);
    }
    try {
      if (body.isEmpty()) {
        throw ProblemException.invalid(
            "mappings", "type at least one Greenhouse User ID, or upload the export again");
      }
      services.users().saveMappings(request.id(), body, services.userLookup(request.id()));
    } catch (ProblemException e) {
      Draft draft = empty(request);
      List<Integer> marked = marked(e);
      if (fromReview) {
        Map<String, PlatformUser> byId = platformUsers(request);
        List<ReviewRow> rows = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
          int at = sent.indexOf(i);
          boolean first = at >= 0 && at == firstIndex(e);
          PlatformUser user = byId.get(users.get(i));
          rows.add(
              new ReviewRow(
                  users.get(i),
                  user == null ? users.get(i) : user.name(),
                  user == null ? "" : user.email(),
                  i < ids.size() ? ids.get(i) : "",
                  i < hints.size() ? hints.get(i) : "",
                  first ? e.detail() : null,
                  at >= 0 && marked.contains(at)));
        }
        draft.review = rows;
        if (firstIndex(e) < 0) {
          draft.reviewError = Optional.of(e.detail());
        }
      } else if (!users.isEmpty()) {
        draft.typed.put(users.get(0), ids.isEmpty() ? "" : ids.get(0));
        draft.rowErrors.put(users.get(0), e.detail());
      } else {
        draft.error = Optional.of(e.detail());
      }
      show(request, 422, draft);
      return;
    }
    request.ctx().redirect(request.base() + "/users?done=saved", HttpStatus.SEE_OTHER);
  }

  /**
   * The operator confirms a pair flagged {@code email_mismatch} (the API's {@code POST
   * .../user-mappings/{platform_user_id}/confirm}, admin token only): a tenant's own session is
   * refused with the API's words.
   */
  void confirm(TenantRequest request) {
    Draft draft = empty(request);
    if (!request.session().admin()) {
      draft.error = Optional.of(ADMIN_ONLY);
      show(request, 403, draft);
      return;
    }
    try {
      services
          .users()
          .confirmMismatch(
              request.id(), request.form("platform_user_id"), services.userLookup(request.id()));
    } catch (ProblemException e) {
      draft.error = Optional.of(e.detail());
      show(request, e.status(), draft);
      return;
    }
    request.ctx().redirect(request.base() + "/users?done=confirmed", HttpStatus.SEE_OTHER);
  }

  void verify(TenantRequest request) {
    try {
      services.users().reverify(request.id(), services.userLookup(request.id()));
    } catch (ProblemException e) {
      Draft draft = empty(request);
      draft.error = Optional.of(e.detail());
      show(request, e.status(), draft);
      return;
    }
    request.ctx().redirect(request.base() + "/users?done=verified", HttpStatus.SEE_OTHER);
  }

  /** Every platform user, proposed id first, then those to map by hand with a hint each. */
  private static List<ReviewRow> review(ImportPreview preview, List<PlatformUser> users) {
    Map<String, String> proposed = new LinkedHashMap<>();
    preview
        .mappings()
        .forEach(m -> proposed.put(m.platformUserId(), Long.toString(m.greenhouseUserId())));
    Map<String, String> hints = new LinkedHashMap<>();
    preview
        .matched()
        .forEach(
            m ->
                hints.put(
                    m.platformUserId(),
                    m.disabledInExport()
                        ? "row "
                            + m.row()
                            + " ("
                            + m.greenhouseName()
                            + ") is disabled in Greenhouse"
                        : "row " + m.row() + ": " + m.greenhouseName()));
    preview.ambiguous().stream()
        .filter(a -> a.platformUserId() != null)
        .forEach(a -> hints.put(a.platformUserId(), a.message()));
    preview.unmatched().forEach(u -> hints.put(u.id(), "not in the export: type the User ID"));
    List<ReviewRow> rows = new ArrayList<>();
    for (PlatformUser user : users) {
      rows.add(
          new ReviewRow(
              user.id(),
              user.name(),
              user.email(),
              proposed.getOrDefault(user.id(), ""),
              hints.getOrDefault(user.id(), ""),
              null,
              false));
    }
    return rows;
  }

  /** The indexes (in the body sent) of every row the refusal names; the first one is its field. */
  private static List<Integer> marked(ProblemException e) {
    List<Integer> rows = new ArrayList<>();
    Matcher m = ROW.matcher(e.field().orElse("") + " " + e.detail());
    while (m.find()) {
      rows.add(Integer.parseInt(m.group(1)));
    }
    return rows;
  }

  private static int firstIndex(ProblemException e) {
    Matcher m = ROW.matcher(e.field().orElse(""));
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private Map<String, PlatformUser> platformUsers(TenantRequest request) {
    Map<String, PlatformUser> byId = new LinkedHashMap<>();
    services.users().users(request.id()).forEach(u -> byId.put(u.id(), u));
    return byId;
  }

  private static ProblemException tooLarge() {
    return ProblemException.tooLarge(
        "the upload is larger than 5 MB: Greenhouse's user export is far smaller; check the file");
  }

  /** What the page will show, filled in by the handler that renders it. */
  private static final class Draft {
    List<UserMappingRow> rows;
    final Map<String, String> typed = new LinkedHashMap<>();
    final Map<String, String> rowErrors = new LinkedHashMap<>();
    Optional<ImportPreview> preview = Optional.empty();
    String fileName = "";
    List<ReviewRow> review = List.of();
    Form upload = Form.empty();
    Optional<String> reviewError = Optional.empty();
    Optional<String> notice = Optional.empty();
    Optional<String> error = Optional.empty();

    Draft withNotice(Optional<String> message) {
      notice = message;
      return this;
    }
  }

  private Draft empty(TenantRequest request) {
    Draft draft = new Draft();
    draft.rows = services.users().mappings(request.id());
    return draft;
  }

  private void show(TenantRequest request, int status, Draft draft) {
    request.keepUrl();
    long verified = draft.rows.stream().filter(r -> r.status() == MappingStatus.VERIFIED).count();
    views.render(
        request.ctx(),
        status,
        "users.jte",
        new Page(
            wizard.shell(request, "Users", Wizard.USERS),
            request.base(),
            draft.rows,
            verified,
            draft.typed,
            draft.rowErrors,
            draft.preview,
            draft.fileName,
            draft.review,
            draft.upload,
            draft.reviewError,
            draft.notice,
            draft.error));
  }
}
