package io.headhuntr.connector.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Sends signed deliveries to one webhook endpoint from {@code connections} threads, each with one
 * request in flight (so at most that many HTTP/1.1 connections), and records per delivery its HTTP
 * status (0: no answer) and acknowledgement latency. Bounded: every delivery is sent at most once,
 * and a sender stops at its first connection failure when {@code stopOnFailure}.
 */
public final class DeliverySender {
  private final HttpClient http;
  private final URI endpoint;
  private final int connections;
  private final Duration timeout;

  public DeliverySender(URI endpoint, int connections, Duration timeout) {
    this.endpoint = endpoint;
    this.connections = connections;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newCachedThreadPool(named("bench-http-")))
            .build();
  }

  /**
   * What became of each delivery, by index: status (0 when none came), when it was sent ({@code
   * System.nanoTime()}) and its acknowledgement latency in nanos; {@code startWall} is the wall
   * time at {@code startNanos}, to compare send times with times the service recorded.
   */
  public record Sent(
      int[] status,
      long[] sentAtNanos,
      long[] latencyNanos,
      long startNanos,
      long endNanos,
      java.time.Instant startWall,
      long clientCpuNanos) {

    /** The wall time at which delivery {@code i} was sent. */
    public java.time.Instant sentAt(int i) {
      return startWall.plusNanos(sentAtNanos[i] - startNanos);
    }

    public int acknowledged() {
      int n = 0;
      for (int s : status) {
        n += s == 200 ? 1 : 0;
      }
      return n;
    }
  }

  /**
   * Sends all {@code deliveries}; {@code afterAck} is told the running count of 200s (the crash
   * test pulls its trigger from there).
   */
  public Sent send(List<SignedDelivery> deliveries, boolean stopOnFailure, IntConsumer afterAck)
      throws InterruptedException {
    return send(deliveries, stopOnFailure, afterAck, 0);
  }

  /**
   * Sends delivery {@code i} no earlier than {@code i / perSecond} after the start (an open-loop
   * schedule, so latencies are measured outside a burst); otherwise as {@link #send}.
   */
  public Sent sendPaced(List<SignedDelivery> deliveries, double perSecond)
      throws InterruptedException {
    return send(deliveries, false, acks -> {}, (long) (1e9 / perSecond));
  }

  private Sent send(
      List<SignedDelivery> deliveries,
      boolean stopOnFailure,
      IntConsumer afterAck,
      long intervalNanos)
      throws InterruptedException {
    int n = deliveries.size();
    int[] status = new int[n];
    long[] sentAt = new long[n];
    long[] latency = new long[n];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger acks = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(connections, named("bench-sender-"));
    long cpuBefore = clientCpuNanos();
    java.time.Instant startWall = java.time.Instant.now();
    long start = System.nanoTime();
    try {
      List<Future<?>> senders =
          java.util.stream.IntStream.range(0, connections)
              .<Future<?>>mapToObj(
                  t ->
                      pool.submit(
                          () -> {
                            for (int i = next.getAndIncrement();
                                i < n;
                                i = next.getAndIncrement()) {
                              if (intervalNanos > 0) {
                                // the schedule of a paced run, not a wait for a result
                                long due = start + i * intervalNanos;
                                for (long left = due - System.nanoTime();
                                    left > 0;
                                    left = due - System.nanoTime()) {
                                  java.util.concurrent.locks.LockSupport.parkNanos(left);
                                }
                              }
                              long t0 = System.nanoTime();
                              sentAt[i] = t0;
                              try {
                                status[i] = post(deliveries.get(i));
                              } catch (IOException e) {
                                status[i] = 0;
                                if (stopOnFailure) {
                                  return null;
                                }
                              }
                              latency[i] = System.nanoTime() - t0;
                              if (status[i] == 200) {
                                afterAck.accept(acks.incrementAndGet());
                              }
                            }
                            return null;
                          }))
              .toList();
      for (Future<?> sender : senders) {
        try {
          sender.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
      }
      long end = System.nanoTime();
      return new Sent(status, sentAt, latency, start, end, startWall, clientCpuNanos() - cpuBefore);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * CPU time of the load generator's live threads (senders, the HTTP client's executor and
   * selector): what the same JVM spent on sending, not on serving.
   */
  private static long clientCpuNanos() {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long total = 0;
    for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null
          && (info.getThreadName().startsWith("bench-")
              || info.getThreadName().startsWith("HttpClient-"))) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private int post(SignedDelivery delivery) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Signature", delivery.signature())
            .header("Greenhouse-Event-ID", delivery.eventId())
            .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
