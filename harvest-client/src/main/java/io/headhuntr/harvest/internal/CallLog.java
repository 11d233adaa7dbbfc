package io.headhuntr.harvest.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * Logs each attempt (method, path, status, time taken) through {@link System.Logger} named {@code
 * io.headhuntr.harvest}: never the query (it may hold an e-mail), a header (the key) or a body.
 */
public final class CallLog implements Interceptor {
  static final System.Logger LOG = System.getLogger("io.headhuntr.harvest");

  @Override
  public HarvestResponse intercept(Chain chain) throws IOException {
    HarvestRequest request = chain.request();
    long start = System.nanoTime();
    try {
      HarvestResponse response = chain.proceed(request);
      // Throttling and server errors matter to an operator; refusals are the caller's to report.
      Level level = response.status() == 429 || response.status() >= 500 ? Level.INFO : Level.DEBUG;
      if (LOG.isLoggable(level)) {
        LOG.log(
            level,
            "{0} {1} -> {2} in {3} ms",
            request.method(),
            request.path(),
            response.status(),
            (System.nanoTime() - start) / 1_000_000);
      }
      return response;
    } catch (IOException e) {
      LOG.log(
          Level.INFO,
          "{0} {1} -> no answer ({2}) after {3} ms",
          request.method(),
          request.path(),
          e.getClass().getSimpleName(),
          (System.nanoTime() - start) / 1_000_000);
      throw e;
    }
  }
}
