/**
 * Fault injection for the sandbox's Harvest endpoints, configured through {@code POST
 * /sandbox/faults}.
 *
 * <p>{@link io.headhuntr.sandbox.faults.FaultInjector#around} wraps each Harvest handler. Per
 * matching rule (longest path prefix wins; method optional): {@code latency_ms} first
 * (asynchronous: no server thread waits), then a {@code rate_limit_storm} answers 429 with {@code
 * Retry-After: 10} and {@code X-RateLimit-Reset}; otherwise one random draw picks a connection
 * reset ({@code reset_rate}), a 500 {@code {"message":"Server timeout in API"}} ({@code
 * error_rate}, nothing applied), a timeout after apply ({@code timeout_after_apply_rate}: the
 * handler runs, the request is then held asynchronously via {@code ctx.future} with no thread
 * blocked, Jetty's idle timeout is stretched, and after the hold, default 5 minutes, or on {@code
 * close()} the connection is reset instead of answered), or the normal answer.
 *
 * <p>The held request's future is never completed: once its client has given up, Jetty recycles the
 * request, and letting Javalin finish it then fails on every step (seen as an endless loop of
 * "Response does not exist" errors). The connection captured while the request was live is reset
 * and the servlet async context ended instead; a reset drawn after a latency ends the same way.
 *
 * <p>Resets reach under Javalin to Jetty 12's {@code EndPoint} and close its socket channel with
 * {@code SO_LINGER 0}, so the client sees a TCP RST without a response byte. Rules are validated
 * (rates in 0..1 summing to at most 1, latency 0..600000 ms, known methods, no unknown fields); a
 * refusal is 422 naming the field such as {@code rules[0].error_rate} and leaves the previous rules
 * in force.
 */
package io.headhuntr.sandbox.faults;
