package io.headhuntr.connector.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes every error answer as RFC 9457 {@code application/problem+json}. */
public final class ProblemMapper {
  public static final String CONTENT_TYPE = "application/problem+json";
  private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

  private ProblemMapper() {}

  public static void write(ProblemException problem, Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", problem.title());
    body.put("status", problem.status());
    body.put("detail", problem.detail());
    body.put("instance", ctx.path());
    problem.field().ifPresent(f -> body.put("field", f));
    if (!problem.problems().isEmpty()) {
      body.put("problems", problem.problems());
    }
    ctx.status(problem.status());
    if (problem.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer");
    }
    ctx.contentType(CONTENT_TYPE);
    ctx.result(toJson(body));
  }

  /** An unexpected failure: logged with its stack, answered without internals. */
  public static void unexpected(Exception e, Context ctx) {
    log.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
    write(ProblemException.internal("unexpected error; see the connector log"), ctx);
  }

  /** A refusal Javalin raised itself (a body over the size limit, for example). */
  public static void javalin(io.javalin.http.HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    ProblemException problem =
        status == 413
            ? ProblemException.tooLarge("the request body is larger than this route accepts")
            : ProblemException.withStatus(status, "Refused", e.getMessage());
    write(problem, ctx);
  }

  /** Answers a status Javalin produced itself (unknown route, wrong method) as a problem. */
  public static void forStatus(Context ctx) {
    String type = ctx.res().getContentType();
    if (type != null && type.startsWith(CONTENT_TYPE)) {
      return;
    }
    int status = ctx.statusCode();
    ProblemException problem =
        status == 404
            ? ProblemException.notFound("no route " + ctx.method() + " " + ctx.path())
            : status == 405
                ? ProblemException.withStatus(
                    405, "Method not allowed", "method " + ctx.method() + " not allowed here")
                : ProblemException.withStatus(
                    status, "Refused", "request refused (" + status + ")");
    write(problem, ctx);
  }

  private static String toJson(Map<String, Object> body) {
    try {
      return Json.mapper().writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
