package io.headhuntr.connector.api;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Optional;

/**
 * One line of the route table: what Javalin serves and what {@code /openapi.json} says about it
 * come from the same value, so they cannot drift apart.
 *
 * @param requestSchema the name of the body's schema in {@link ApiSchemas}, if it takes one
 * @param responseSchema the name of the success answer's schema in {@link ApiSchemas}
 * @param responseType the media type of the success answer
 */
public record Route(
    HandlerType method,
    String path,
    Access access,
    String tag,
    String summary,
    Optional<String> requestSchema,
    int status,
    Optional<String> responseSchema,
    String responseType,
    Handler handler) {

  public static Route get(String path, Access access, Handler handler) {
    return of(HandlerType.GET, path, access, handler);
  }

  public static Route post(String path, Access access, Handler handler) {
    return of(HandlerType.POST, path, access, handler);
  }

  public static Route put(String path, Access access, Handler handler) {
    return of(HandlerType.PUT, path, access, handler);
  }

  public static Route delete(String path, Access access, Handler handler) {
    return of(HandlerType.DELETE, path, access, handler);
  }

  private static Route of(HandlerType method, String path, Access access, Handler handler) {
    return new Route(
        method,
        path,
        access,
        "default",
        "",
        Optional.empty(),
        200,
        Optional.empty(),
        "application/json",
        handler);
  }

  public Route doc(String newTag, String newSummary) {
    return new Route(
        method,
        path,
        access,
        newTag,
        newSummary,
        requestSchema,
        status,
        responseSchema,
        responseType,
        handler);
  }

  public Route accepts(String schema) {
    return new Route(
        method,
        path,
        access,
        tag,
        summary,
        Optional.of(schema),
        status,
        responseSchema,
        responseType,
        handler);
  }

  public Route returns(int newStatus, String schema) {
    return new Route(
        method,
        path,
        access,
        tag,
        summary,
        requestSchema,
        newStatus,
        Optional.of(schema),
        responseType,
        handler);
  }

  /** A success answer that is not JSON (HTML, Prometheus text), or has no body ({@code 204}). */
  public Route returnsRaw(int newStatus, String mediaType) {
    return new Route(
        method,
        path,
        access,
        tag,
        summary,
        requestSchema,
        newStatus,
        Optional.empty(),
        mediaType,
        handler);
  }
}
