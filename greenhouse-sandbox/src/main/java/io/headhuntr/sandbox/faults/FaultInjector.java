package io.headhuntr.sandbox.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.eclipse.jetty.io.EndPoint;

/**
 * Injects faults into Harvest handlers per path prefix and method, as configured by {@code POST
 * /sandbox/faults} {@code {"rules": [...]}} ({@link FaultRule}); off until configured, {@code
 * {"rules": []}} clears.
 *
 * <p>Order for a matching request: latency, then a 429 storm, then one draw decides reset / 500 /
 * timeout after apply / normal. When several rules match, the longest path prefix wins. A "timeout
 * after apply" runs the handler and then holds the request asynchronously (no Jetty thread blocked)
 * for {@code hold} (default 5 minutes), after which the connection is reset instead of answered;
 * {@link #close()} releases every held request the same way.
 */
public final class FaultInjector implements AutoCloseable {

  /** Seconds a 429 storm asks clients to wait. */
  static final int STORM_RETRY_AFTER_SECONDS = 10;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RandomGenerator random;
  private final Duration hold;
  private final Set<CompletableFuture<Void>> held = ConcurrentHashMap.newKeySet();
  private volatile List<FaultRule> rules = List.of();
  private volatile boolean closed;

  /** Runs handlers once their latency is over (daemon threads, created as needed). */
  private final ExecutorService afterLatency =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "sandbox-fault-latency");
            thread.setDaemon(true);
            return thread;
          });

  public FaultInjector(RandomGenerator random) {
    this(random, Duration.ofMinutes(5));
  }

  /** {@code hold}: how long a "timeout after apply" keeps the request before resetting it. */
  public FaultInjector(RandomGenerator random, Duration hold) {
    this.random = random;
    this.hold = hold;
  }

  /** The rules in force. */
  public List<FaultRule> rules() {
    return rules;
  }

  /** Replaces the rules; an empty list turns faults off. */
  public void setRules(List<FaultRule> newRules) {
    rules = List.copyOf(newRules);
  }

  /**
   * {@code POST /sandbox/faults} {@code {"rules":[{path, method?, error_rate,
   * timeout_after_apply_rate, reset_rate, latency_ms, rate_limit_storm}]}}: 200 echoing the rules,
   * or 422 naming the bad field.
   */
  public void configure(Context ctx) {
    try {
      setRules(parse(ctx.bodyAsBytes()));
      ObjectNode body = JSON.createObjectNode();
      ArrayNode array = body.putArray("rules");
      rules.forEach(r -> array.add(view(r)));
      send(ctx, 200, body);
    } catch (InvalidFaultRule e) {
      ObjectNode body = JSON.createObjectNode();
      body.put("message", "Validation error");
      ObjectNode error = body.putArray("errors").addObject();
      error.put("message", e.field() + ": " + e.getMessage());
      error.put("field", e.field());
      send(ctx, 422, body);
    }
  }

  /**
   * Wraps a Harvest handler: may answer 5xx/429 or reset before it runs, add latency, or run it and
   * never answer.
   */
  public Handler around(Handler harvestHandler) {
    return ctx -> {
      Optional<FaultRule> rule = ruleFor(ctx.path(), ctx.method().name());
      if (rule.isEmpty()) {
        harvestHandler.handle(ctx);
        return;
      }
      FaultRule r = rule.get();
      if (r.latencyMs() == 0) {
        apply(r, ctx, harvestHandler, false).ifPresent(held -> ctx.future(() -> held));
        return;
      }
      // latency without holding a Jetty thread: the rest runs when the delay is over
      Executor later =
          CompletableFuture.delayedExecutor(r.latencyMs(), TimeUnit.MILLISECONDS, afterLatency);
      ctx.future(
          () ->
              CompletableFuture.runAsync(() -> {}, later)
                  .thenCompose(
                      ignored -> {
                        try {
                          return apply(r, ctx, harvestHandler, true)
                              .orElse(CompletableFuture.completedFuture(null));
                        } catch (Exception e) {
                          return CompletableFuture.failedFuture(e);
                        }
                      }));
    };
  }

  /**
   * The storm or the drawn fault, else the handler; returns the future of a held or reset request,
   * which never completes (Javalin must not answer on a connection that is gone).
   */
  private Optional<CompletableFuture<?>> apply(
      FaultRule r, Context ctx, Handler harvestHandler, boolean async) throws Exception {
    if (r.rateLimitStorm()) {
      storm(ctx);
      return Optional.empty();
    }
    double draw = random.nextDouble();
    if (draw < r.resetRate()) {
      ConnectionAbort.reset(ctx);
      if (async) {
        ConnectionAbort.endAsync(ctx.req());
        return Optional.of(new CompletableFuture<>());
      }
    } else if (draw < r.resetRate() + r.errorRate()) {
      send(ctx, 500, JSON.createObjectNode().put("message", "Server timeout in API"));
    } else if (draw < r.resetRate() + r.errorRate() + r.timeoutAfterApplyRate()) {
      harvestHandler.handle(ctx);
      return Optional.of(holdThenReset(ctx));
    } else {
      harvestHandler.handle(ctx);
    }
    return Optional.empty();
  }

  /** Resets every held request now. */
  @Override
  public void close() {
    closed = true;
    afterLatency.shutdown();
    for (CompletableFuture<Void> future : List.copyOf(held)) {
      future.complete(null);
    }
  }

  /** Requests held right now by "timeout after apply". */
  int heldCount() {
    return held.size();
  }

  Optional<FaultRule> ruleFor(String path, String method) {
    return rules.stream()
        .filter(r -> r.matches(path, method))
        .max(Comparator.comparingInt((FaultRule r) -> r.path().length()));
  }

  /**
   * Holds the answer: the request goes asynchronous on a future that is never completed (completing
   * it after Jetty recycled a request whose client gave up makes Javalin fail on every step), and
   * the captured connection is reset when the hold ends or the injector closes.
   */
  private CompletableFuture<Void> holdThenReset(Context ctx) {
    EndPoint endPoint = ConnectionAbort.endPoint(ctx);
    HttpServletRequest request = ctx.req();
    ConnectionAbort.extendIdleTimeout(endPoint, hold);
    CompletableFuture<Void> release = new CompletableFuture<>();
    held.add(release);
    release.whenComplete(
        (ignored, error) -> {
          held.remove(release);
          ConnectionAbort.reset(endPoint);
          ConnectionAbort.endAsync(request);
        });
    release.completeOnTimeout(null, hold.toMillis(), TimeUnit.MILLISECONDS);
    if (closed) {
      release.complete(null);
    }
    return new CompletableFuture<>();
  }

  private static void storm(Context ctx) {
    long resetAt = System.currentTimeMillis() / 1000 + STORM_RETRY_AFTER_SECONDS;
    ctx.header("Retry-After", String.valueOf(STORM_RETRY_AFTER_SECONDS));
    ctx.header("X-RateLimit-Reset", String.valueOf(resetAt));
    send(ctx, 429, JSON.createObjectNode().put("message", "Too Many Requests"));
  }

  static List<FaultRule> parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new InvalidFaultRule("body", "not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidFaultRule("body", "must be a JSON object with \"rules\"");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!field.equals("rules")) {
        throw new InvalidFaultRule(field, "unknown field; only \"rules\" is accepted");
      }
    }
    JsonNode array = root.get("rules");
    if (array == null || !array.isArray()) {
      throw new InvalidFaultRule("rules", "is required and must be an array");
    }
    List<FaultRule> parsed = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      parsed.add(FaultRule.fromJson(array.get(i), "rules[" + i + "]"));
    }
    return parsed;
  }

  private static ObjectNode view(FaultRule r) {
    ObjectNode node = JSON.createObjectNode();
    node.put("path", r.path());
    r.method().ifPresentOrElse(m -> node.put("method", m), () -> node.putNull("method"));
    node.put("error_rate", r.errorRate());
    node.put("timeout_after_apply_rate", r.timeoutAfterApplyRate());
    node.put("reset_rate", r.resetRate());
    node.put("latency_ms", r.latencyMs());
    node.put("rate_limit_storm", r.rateLimitStorm());
    return node;
  }

  private static void send(Context ctx, int status, JsonNode body) {
    try {
      ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
