package io.headhuntr.harvest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.headhuntr.harvest.FieldError;
import io.headhuntr.harvest.GreenhouseUserId;
import io.headhuntr.harvest.HarvestException;
import io.headhuntr.harvest.HarvestRateLimitedException;
import io.headhuntr.harvest.HarvestReauthorizationRequiredException;
import io.headhuntr.harvest.HarvestServerException;
import io.headhuntr.harvest.HarvestTransportException;
import io.headhuntr.harvest.HarvestUnauthorizedException;
import io.headhuntr.harvest.HarvestValidationException;
import io.headhuntr.harvest.Sleeper;
import io.headhuntr.harvest.v3.AccessToken;
import io.headhuntr.harvest.v3.RefreshToken;
import io.headhuntr.harvest.v3.TokenIntrospection;
import io.headhuntr.harvest.v3.TokenSource;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The auth host's {@code POST /token} and {@code POST /introspect}, with Basic client
 * authentication and a form body. It has its own pacer (the token endpoint has its own budget,
 * documented as 60 calls per 60 s), and maps every token error in one place ({@link #failure}).
 */
final class TokenEndpoint {
  static final Duration DOCUMENTED_WINDOW = Duration.ofSeconds(60);
  // Greenhouse documents one hour; used only when an answer names no expiry at all.
  private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  private final URI authOrigin;
  private final TokenSource source;
  private final Clock clock;
  private final RateLimitPacer pacer;
  private final List<Interceptor> interceptors;

  TokenEndpoint(
      URI authOrigin,
      TokenSource source,
      HttpClient http,
      Duration requestTimeout,
      Clock clock,
      Sleeper sleeper,
      int maxAttempts) {
    this.authOrigin = authOrigin;
    this.source = source;
    this.clock = clock;
    this.pacer = RateLimitPacer.learningWindow(clock, sleeper, 0, DOCUMENTED_WINDOW);
    this.interceptors =
        List.of(new TokenRetry(maxAttempts), pacer, new CallLog(), new Send(http, requestTimeout));
  }

  /** {@code grant_type=client_credentials}, with {@code sub} when acting as a user. */
  TokenAnswer clientCredentials(Optional<GreenhouseUserId> sub) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    sub.ifPresent(user -> form.put("sub", Long.toString(user.value())));
    return token(form);
  }

  /** {@code grant_type=authorization_code}: the code a person's consent returned. */
  TokenAnswer authorizationCode(String code, URI redirectUri) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri.toString());
    return token(form);
  }

  /** {@code grant_type=refresh_token}; the answer holds the next refresh token (rotation). */
  TokenAnswer refresh(RefreshToken refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken.reveal());
    return token(form);
  }

  /** What Greenhouse says about {@code token}. */
  TokenIntrospection introspect(AccessToken token) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", token.reveal());
    form.put("token_type_hint", "access_token");
    JsonNode root = post("/introspect", form);
    JsonNode claims = root.path("https://auth.greenhouse.io/claims");
    JsonNode organization = claims.path("organization");
    String scope = text(root, "scope").orElse("");
    return new TokenIntrospection(
        root.path("active").asBoolean(false),
        text(root, "client_id"),
        text(root, "sub")
            .filter(s -> s.matches("[1-9][0-9]{0,17}"))
            .map(s -> GreenhouseUserId.of(Long.parseLong(s))),
        scope.isBlank() ? Set.of() : Set.of(scope.trim().split("\\s+")),
        organization.path("id").canConvertToLong()
            ? OptionalLong.of(organization.path("id").asLong())
            : OptionalLong.empty(),
        text(organization, "name"),
        text(claims, "user_role"));
  }

  private TokenAnswer token(Map<String, String> form) {
    JsonNode root = post("/token", form);
    Instant now = clock.instant();
    Optional<String> access = text(root, "access_token");
    if (access.isEmpty()) {
      throw new HarvestServerException(
          "POST", "/token", 200, "the token answer has no access_token");
    }
    AccessToken token = AccessToken.of(access.get(), expiry(root, now));
    return new TokenAnswer(token, text(root, "refresh_token").map(RefreshToken::of), now);
  }

  /** {@code expires_at} (ISO-8601) first, as the contract decides; else {@code expires_in}. */
  private static Instant expiry(JsonNode root, Instant now) {
    Optional<String> at = text(root, "expires_at");
    if (at.isPresent()) {
      try {
        return OffsetDateTime.parse(at.get()).toInstant();
      } catch (DateTimeParseException unreadable) {
        // fall through to expires_in
      }
    }
    JsonNode in = root.path("expires_in");
    if (in.canConvertToLong() && in.asLong() > 0) {
      return now.plusSeconds(in.asLong());
    }
    return now.plus(DEFAULT_LIFETIME);
  }

  private JsonNode post(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    String credentials = source.clientId() + ":" + source.clientSecret().reveal();
    HarvestRequest request =
        new HarvestRequest(
            "POST",
            URI.create(authOrigin + path),
            Map.of(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)),
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Accept",
                "application/json"),
            body.getBytes(StandardCharsets.UTF_8),
            null,
            0);
    HarvestResponse response;
    try {
      response = new InterceptorChain(interceptors, 0, request).proceed(request);
    } catch (IOException e) {
      boolean sent = !(e instanceof SendFailure failure) || failure.mayHaveBeenSent();
      // A refresh that reached Greenhouse may have used up the stored refresh token.
      boolean mayHaveApplied = sent && "refresh_token".equals(form.get("grant_type"));
      String what = e instanceof SendFailure ? e.getMessage() : "I/O failure.";
      throw new HarvestTransportException("POST", path, mayHaveApplied, what, null);
    }
    if (!response.isSuccessful()) {
      throw failure(path, form, response);
    }
    try {
      JsonNode root = Json.mapper().readTree(response.body());
      if (root == null || !root.isObject()) {
        throw new IOException("not a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new HarvestServerException(
          "POST", path, response.status(), "the answer is not the expected JSON object");
    }
  }

  /**
   * Every token-endpoint error, mapped once: {@code invalid_client} means the credential is wrong;
   * {@code invalid_grant} on a code or refresh token means a person must reconnect, on the
   * client-credentials grant that the {@code sub} user cannot act.
   */
  private HarvestException failure(
      String path, Map<String, String> form, HarvestResponse response) {
    int status = response.status();
    JsonNode root = readQuietly(response.body());
    String error = text(root, "error").orElse("");
    String said =
        redact(
            (error + ": " + text(root, "error_description").orElse("")).replaceAll("^: |: $", ""),
            form);
    String grant = form.getOrDefault("grant_type", "");
    if (status == 429) {
      return new HarvestRateLimitedException("POST", path, pacer.retryAfter(response));
    }
    if (status == 401 || error.equals("invalid_client")) {
      return new HarvestUnauthorizedException(
          "POST", path, said + " (check the OAuth client id and secret)");
    }
    if (error.equals("invalid_grant")
        && (grant.equals("refresh_token") || grant.equals("authorization_code"))) {
      return new HarvestReauthorizationRequiredException("POST", path, status, said);
    }
    if (status >= 500) {
      return new HarvestServerException("POST", path, status, said);
    }
    List<FieldError> fields = new ArrayList<>();
    if (error.equals("invalid_grant") && form.containsKey("sub")) {
      fields.add(new FieldError("sub", "user " + form.get("sub") + " cannot act for this client"));
    }
    return new HarvestValidationException("POST", path, status, said, fields);
  }

  /** Greenhouse's description never echoes what we sent, but if it did the secrets stay out. */
  private String redact(String text, Map<String, String> form) {
    String out = text.replace(source.clientSecret().reveal(), "****");
    for (String key : List.of("refresh_token", "code", "token")) {
      String value = form.get(key);
      if (value != null && !value.isEmpty()) {
        out = out.replace(value, "****");
      }
    }
    return out;
  }

  private static JsonNode readQuietly(byte[] body) {
    try {
      JsonNode root = body.length == 0 ? null : Json.mapper().readTree(body);
      return root == null ? Json.mapper().createObjectNode() : root;
    } catch (IOException notJson) {
      return Json.mapper().createObjectNode();
    }
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isEmpty()
        ? Optional.empty()
        : Optional.of(value.asText());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
