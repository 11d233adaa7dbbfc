package io.headhuntr.connector.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.greenhouse.GreenhouseConnections;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** HTTP handlers for a tenant's platform users and their Greenhouse user mapping. */
public final class UserMappingApi {

  /** Uploads above this size are refused with 413 (a 5,000-user export is well under 1 MB). */
  public static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024;

  private final UserDirectory directory;
  private final GreenhouseConnections greenhouse;

  public UserMappingApi(Jdbi jdbi, GreenhouseConnections greenhouse) {
    this(jdbi, greenhouse, Clock.systemUTC());
  }

  public UserMappingApi(Jdbi jdbi, GreenhouseConnections greenhouse, Clock clock) {
    this.directory = new UserDirectory(jdbi, clock);
    this.greenhouse = greenhouse;
  }

  /** {@code PUT /api/v1/tenants/{tenant_id}/users}: replaces the set; nothing saved on error. */
  public void putUsers(Context ctx) {
    answer(ctx, directory.replaceUsers(tenantId(ctx), jsonBody(ctx)));
  }

  /** {@code GET /api/v1/tenants/{tenant_id}/users}. */
  public void listUsers(Context ctx) {
    answer(ctx, directory.users(tenantId(ctx)));
  }

  /**
   * {@code POST /api/v1/tenants/{tenant_id}/user-mappings/import}: multipart field {@code file}, or
   * the file as the raw body; answers a preview and saves nothing.
   */
  public void importExport(Context ctx) {
    if (ctx.contentLength() > MAX_UPLOAD_BYTES) {
      throw tooLarge();
    }
    byte[] file;
    String fileName;
    if (ctx.isMultipartFormData()) {
      UploadedFile upload = ctx.uploadedFile("file");
      if (upload == null) {
        throw ProblemException.invalid(
            "file", "no file: send the export in the multipart field named 'file'");
      }
      if (upload.size() > MAX_UPLOAD_BYTES) {
        throw tooLarge();
      }
      fileName = upload.filename();
      try (InputStream in = upload.content()) {
        file = in.readNBytes((int) MAX_UPLOAD_BYTES + 1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      fileName = Optional.ofNullable(ctx.queryParam("filename")).orElse("");
      file = ctx.bodyAsBytes();
    }
    if (file.length > MAX_UPLOAD_BYTES) {
      throw tooLarge();
    }
    answer(ctx, directory.preview(tenantId(ctx), file, fileName));
  }

  /** {@code PUT /api/v1/tenants/{tenant_id}/user-mappings}: verifies every id, then saves. */
  public void putMappings(Context ctx) {
    UUID tenantId = tenantId(ctx);
    answer(ctx, directory.saveMappings(tenantId, jsonBody(ctx), lookup(tenantId)));
  }

  /** {@code GET /api/v1/tenants/{tenant_id}/user-mappings}: one row per platform user. */
  public void listMappings(Context ctx) {
    answer(ctx, directory.mappings(tenantId(ctx)));
  }

  /**
   * {@code POST /api/v1/tenants/{tenant_id}/user-mappings/verify}: checks every stored id against
   * Greenhouse again (a user may have been deactivated since).
   */
  public void verifyMappings(Context ctx) {
    UUID tenantId = tenantId(ctx);
    answer(ctx, directory.reverify(tenantId, lookup(tenantId)));
  }

  /**
   * {@code POST /api/v1/tenants/{tenant_id}/user-mappings/{platform_user_id}/confirm} (admin token
   * only): confirms a pair whose emails differ.
   */
  public void confirmMapping(Context ctx) {
    UUID tenantId;
    try {
      tenantId = tenantId(ctx); // an admin route: the guard did not check the tenant
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("no such tenant");
    }
    answer(
        ctx,
        directory.confirmMismatch(tenantId, ctx.pathParam("platform_user_id"), lookup(tenantId)));
  }

  /** How many platform users have a verified Greenhouse id (activation needs at least one). */
  public int verifiedMappedUsers(UUID tenantId) {
    return directory.verifiedMappedUsers(tenantId);
  }

  /** The service behind these handlers (for the CLI and the demo). */
  public UserDirectory directory() {
    return directory;
  }

  private Optional<GreenhouseUserLookup> lookup(UUID tenantId) {
    return greenhouse.forTenant(tenantId).map(PortUserLookup::new);
  }

  private static UUID tenantId(Context ctx) {
    return UUID.fromString(ctx.pathParam("tenant_id"));
  }

  private static ProblemException tooLarge() {
    return ProblemException.tooLarge(
        "the upload is larger than 5 MB: Greenhouse's user export is far smaller; check the file");
  }

  private static JsonNode jsonBody(Context ctx) {
    try {
      return mapper().readTree(ctx.bodyAsBytes());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ProblemException.badRequest("the body is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void answer(Context ctx, Object value) {
    try {
      ctx.status(200).contentType("application/json").result(mapper().writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectMapper mapper() {
    return Json.mapper();
  }
}
