package io.headhuntr.connector;

import io.javalin.Javalin;

/** Test access to the Javalin instance behind an {@link App}. */
public final class AppAccess {
  private AppAccess() {}

  public static Javalin javalin(App app) {
    return app.javalin();
  }
}
