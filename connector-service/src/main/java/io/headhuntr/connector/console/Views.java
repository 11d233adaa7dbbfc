package io.headhuntr.connector.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * Renders the console's jte templates (precompiled by the Maven plugin into classes) and answers
 * them with the headers every console page carries: no caching, no framing, and a content security
 * policy that lets only this origin's scripts run.
 */
final class Views {
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /** Answers {@code template} (e.g. {@code "connect.jte"}) rendered with its one parameter. */
  void render(Context ctx, int status, String template, Object model) {
    StringOutput out = new StringOutput();
    engine.render(template, model, out);
    secure(ctx);
    ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
  }

  static void secure(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
  }
}
