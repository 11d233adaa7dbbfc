package io.headhuntr.connector.console;

import io.headhuntr.connector.tenant.ConsoleSessions;
import io.headhuntr.connector.tenant.TokenHash;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;

/**
 * The console's sign-in state on the wire: the session cookie ({@code HttpOnly}, {@code
 * SameSite=Strict}, {@code Secure} when the console is reached over https), the CSRF token every
 * form sends back, and the pre-session cookie that protects the sign-in form itself. The sessions
 * live in {@link ConsoleSessions}; a cookie only ever holds a random secret.
 */
final class ConsoleAuth {
  static final String SESSION_COOKIE = "ghc_console";
  static final String SIGN_IN_COOKIE = "ghc_console_sign_in";
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String SESSION = "console.session";

  private final ConsoleSessions sessions;
  private final boolean httpsOrigin;

  /**
   * {@code publicBaseUrl}: an https origin marks the cookies {@code Secure} even behind a proxy.
   */
  ConsoleAuth(ConsoleSessions sessions, URI publicBaseUrl) {
    this.sessions = sessions;
    this.httpsOrigin = "https".equalsIgnoreCase(publicBaseUrl.getScheme());
  }

  ConsoleSessions sessions() {
    return sessions;
  }

  /** The request's live session, read once per request. */
  Optional<ConsoleSessions.Session> session(Context ctx) {
    @SuppressWarnings("unchecked")
    Optional<ConsoleSessions.Session> known =
        (Optional<ConsoleSessions.Session>) ctx.attribute(SESSION);
    if (known != null) {
      return known;
    }
    Optional<ConsoleSessions.Session> found = sessions.find(ctx.cookie(SESSION_COOKIE));
    ctx.attribute(SESSION, found);
    return found;
  }

  /** Opens a session and hands the browser its cookie. */
  ConsoleSessions.Session signIn(Context ctx, Optional<UUID> tenantId) {
    ConsoleSessions.Opened opened = sessions.open(tenantId);
    setCookie(ctx, SESSION_COOKIE, opened.secret(), "/console", -1);
    setCookie(ctx, SIGN_IN_COOKIE, "", "/console/sign-in", 0);
    ctx.attribute(SESSION, Optional.of(opened.session()));
    return opened.session();
  }

  void signOut(Context ctx) {
    sessions.close(ctx.cookie(SESSION_COOKIE));
    setCookie(ctx, SESSION_COOKIE, "", "/console", 0);
    ctx.attribute(SESSION, Optional.empty());
  }

  /**
   * The sign-in form's CSRF token: the value of a cookie set for the form alone (a page on another
   * site can neither read it nor set it), sent back in a hidden field.
   */
  String signInToken(Context ctx) {
    String current = ctx.cookie(SIGN_IN_COOKIE);
    if (current != null && current.length() >= 32 && current.length() <= 100) {
      return current;
    }
    String fresh = TokenHash.randomSecret();
    setCookie(ctx, SIGN_IN_COOKIE, fresh, "/console/sign-in", -1);
    return fresh;
  }

  boolean signInTokenMatches(Context ctx) {
    return same(ctx.cookie(SIGN_IN_COOKIE), ctx.formParam(CSRF_FIELD));
  }

  /** Whether a state-changing request carries the session's CSRF token (field or header). */
  static boolean csrfMatches(Context ctx, ConsoleSessions.Session session) {
    if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
      return true;
    }
    String sent = ctx.header(CSRF_HEADER);
    if (sent == null) {
      sent = ctx.formParam(CSRF_FIELD);
    }
    return same(session.csrfToken(), sent);
  }

  private static boolean same(String expected, String sent) {
    if (expected == null || expected.isEmpty() || sent == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  private void setCookie(Context ctx, String name, String value, String path, int maxAge) {
    StringBuilder cookie =
        new StringBuilder(name).append('=').append(value).append("; Path=").append(path);
    if (maxAge >= 0) {
      cookie.append("; Max-Age=").append(maxAge);
    }
    cookie.append("; HttpOnly; SameSite=Strict");
    if (secure(ctx)) {
      cookie.append("; Secure");
    }
    ctx.res().addHeader("Set-Cookie", cookie.toString());
  }

  private boolean secure(Context ctx) {
    return httpsOrigin
        || "https".equalsIgnoreCase(ctx.scheme())
        || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }
}
