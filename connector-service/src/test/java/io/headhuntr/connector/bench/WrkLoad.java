package io.headhuntr.connector.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A burst of signed deliveries sent by {@code wrk} (Debian's package; C, one epoll thread), a
 * process of its own: on 2 cores the JDK {@code HttpClient} load generator spent more CPU than the
 * endpoint it measured, so the bare endpoint itself looked slow. The deliveries are written as raw
 * HTTP/1.1 requests to a file that a small Lua script reads; {@code connections} keep-alive
 * connections each keep one request in flight, every delivery is sent once, and wrk stops when the
 * last one is answered. wrk records each request's latency from writing it to reading its answer.
 */
final class WrkLoad {
  private static final Pattern RESULT =
      Pattern.compile(
          "wrk-result answered=(\\d+) ok=(\\d+) other=(\\d+) socket_errors=(\\d+)"
              + " duration_us=(\\d+) p50_us=(\\d+) p99_us=(\\d+) max_us=(\\d+)");
  private static final Pattern CHILD_TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");

  private final Path wrk;

  private WrkLoad(Path wrk) {
    this.wrk = wrk;
  }

  /** wrk from the PATH, or empty when it is not installed ({@code apt-get install wrk}). */
  static Optional<WrkLoad> find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "wrk");
      if (Files.isExecutable(candidate)) {
        return Optional.of(new WrkLoad(candidate));
      }
    }
    return Optional.empty();
  }

  /**
   * Sends every delivery once to {@code endpoint} over {@code connections} connections; a delivery
   * answered with another status, or not at all (a socket error), is sent but not acknowledged.
   */
  IntakeBenchmark.Acks send(URI endpoint, List<SignedDelivery> deliveries, int connections)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("wrk-burst-");
    try {
      Path requests = dir.resolve("requests.bin");
      writeRequests(requests, endpoint, deliveries);
      Path script = dir.resolve("burst.lua");
      Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
      // bash's `times` prints the CPU time of its children (wrk) once wrk has exited
      List<String> command =
          List.of(
              "bash",
              "-c",
              "\"$0\" \"$@\" && times",
              wrk.toString(),
              "-t1",
              "-c" + connections,
              "-d600s",
              "--timeout",
              "30s",
              "-s",
              script.toString(),
              endpoint.toString(),
              requests.toString(),
              Integer.toString(deliveries.size()));
      long start = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("wrk failed: " + output);
      }
      long end = System.nanoTime();
      Matcher result = RESULT.matcher(output);
      if (!result.find()) {
        throw new IllegalStateException("wrk printed no result: " + output);
      }
      long cpu = childCpuNanos(output);
      double seconds = Long.parseLong(result.group(5)) / 1e6;
      return new IntakeBenchmark.Acks(
          deliveries.size(),
          Integer.parseInt(result.group(2)),
          seconds,
          Long.parseLong(result.group(6)) / 1e3,
          Long.parseLong(result.group(7)) / 1e3,
          Long.parseLong(result.group(8)) / 1e3,
          start,
          end,
          cpu);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  /** Each request as a 10-digit length and then the raw request, as the script reads them. */
  private static void writeRequests(Path file, URI endpoint, List<SignedDelivery> deliveries)
      throws IOException {
    String head =
        "POST "
            + endpoint.getRawPath()
            + " HTTP/1.1\r\nHost: "
            + endpoint.getHost()
            + ":"
            + endpoint.getPort()
            + "\r\nContent-Type: application/json\r\n";
    try (OutputStream out =
        new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      for (SignedDelivery d : deliveries) {
        byte[] headers =
            (head
                    + "Signature: "
                    + d.signature()
                    + "\r\nGreenhouse-Event-ID: "
                    + d.eventId()
                    + "\r\nContent-Length: "
                    + d.body().length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        int length = headers.length + d.body().length;
        out.write(String.format(Locale.ROOT, "%010d", length).getBytes(StandardCharsets.US_ASCII));
        out.write(headers);
        out.write(d.body());
      }
    }
  }

  private static long childCpuNanos(String output) {
    Matcher times = CHILD_TIMES.matcher(output);
    List<Long> nanos = new ArrayList<>();
    while (times.find()) {
      nanos.add(
          (long)
              ((Long.parseLong(times.group(1)) * 60
                      + Double.parseDouble(times.group(2))
                      + Long.parseLong(times.group(3)) * 60
                      + Double.parseDouble(times.group(4)))
                  * 1e9));
    }
    // the first line is the shell's own time, the second its children's
    return nanos.size() >= 2 ? nanos.get(1) : 0;
  }

  /**
   * One request per delivery in the file's order. Once every delivery is out, a connection whose
   * answer came back waits (delay) rather than sending anything else; the thread stops at the last
   * answer. Answers are counted here (wrk's own summary cannot tell 200 from other 2xx). Written
   * for wrk 4.1 (Debian 12's), whose {@code wrk.thread:stop()} ends the run early.
   */
  private static final String SCRIPT =
      """
      -- LuaJIT's FFI: a monotonic clock, and the signal that ends wrk's run early (wrk's main
      -- thread sleeps for the whole -d otherwise, even once the worker thread has stopped)
      local ffi = require("ffi")
      ffi.cdef[[
        typedef struct { long tv_sec; long tv_nsec; } timespec_t;
        int clock_gettime(int clock, timespec_t *ts);
        int getpid(void);
        int kill(int pid, int sig);
      ]]
      local ts = ffi.new("timespec_t")
      local function now_us()
        ffi.C.clock_gettime(1, ts)
        return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
      end

      -- globals, so that done() can read them from the thread with get()
      requests = {}
      total, sent, answered, ok, other = 0, 0, 0, 0, 0
      started_us, finished_us = 0, 0

      function init(args)
        local f = assert(io.open(args[1], "rb"))
        while true do
          local size = f:read(10)
          if not size then break end
          requests[#requests + 1] = f:read(tonumber(size))
        end
        f:close()
        total = tonumber(args[2])
        assert(#requests == total, "expected " .. total .. " requests, read " .. #requests)
      end

      function delay()
        if sent >= total then return 60000 end
        return 0
      end

      -- wrk calls request() once before the run to check the script (its answer is never sent)
      checked = false
      function request()
        if not checked then
          checked = true
          return requests[1]
        end
        if sent == 0 then started_us = now_us() end
        sent = sent + 1
        return requests[sent]
      end

      function response(status, headers, body)
        answered = answered + 1
        if status == 200 then ok = ok + 1 else other = other + 1 end
        if answered >= total then
          finished_us = now_us()
          wrk.thread:stop()
          ffi.C.kill(ffi.C.getpid(), 2)
        end
      end

      local threads = {}
      function setup(thread) table.insert(threads, thread) end

      function done(summary, latency, reqs)
        local t = threads[1]
        local e = summary.errors
        io.write(string.format(
          "wrk-result answered=%d ok=%d other=%d socket_errors=%d duration_us=%d"
            .. " p50_us=%d p99_us=%d max_us=%d\\n",
          t:get("answered"), t:get("ok"), t:get("other"),
          e.connect + e.read + e.write + e.timeout,
          t:get("finished_us") - t:get("started_us"),
          latency:percentile(50), latency:percentile(99), latency.max))
      end
      """;
}
