package io.headhuntr.connector.greenhouse;

import io.headhuntr.harvest.HarvestException;
import io.headhuntr.harvest.HarvestReauthorizationRequiredException;
import io.headhuntr.harvest.HarvestValidationException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Runs Harvest v3 calls for the adapter: tells the {@link CallLog} of each (200 for a read, 201 for
 * a write, as over v1) and turns the client's exceptions into {@link GreenhouseException}s the way
 * {@link HarvestV1Calls} does, plus the one v3 adds: a partner authorization that is gone ({@link
 * HarvestReauthorizationRequiredException}) is {@link GreenhouseException.Refused} (401).
 */
final class HarvestV3Calls {
  private final CallLog log;

  HarvestV3Calls(CallLog log) {
    this.log = log;
  }

  CallLog log() {
    return log;
  }

  /** One call, logged as {@code method path}. */
  <T> T call(String method, String path, Supplier<T> call) {
    long started = System.nanoTime();
    int status = 0;
    try {
      T answer = call.get();
      status = method.equals("GET") ? 200 : 201;
      return answer;
    } catch (HarvestException e) {
      status = e.status();
      throw translate(e);
    } finally {
      log.called(method, path, status, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  static GreenhouseException translate(HarvestException e) {
    if (e instanceof HarvestReauthorizationRequiredException) {
      return new GreenhouseException.Refused(
          e.method(),
          e.path(),
          401,
          "Greenhouse no longer accepts this connection's authorization: a person must reconnect"
              + " the integration in Greenhouse. ("
              + e.getMessage()
              + ")",
          e);
    }
    return HarvestV1Calls.translate(e);
  }

  /**
   * A lazy listing whose failures, when read, are thrown as Greenhouse exceptions; when it was
   * resumed from a token, a refused cursor (422) is {@link GreenhouseException.ResumeRefused}.
   */
  static <T> Stream<T> translated(Stream<T> stream, boolean resumed) {
    Iterator<T> raw = stream.iterator();
    Iterator<T> safe =
        new Iterator<>() {
          private boolean first = true;

          @Override
          public boolean hasNext() {
            try {
              return raw.hasNext();
            } catch (HarvestException e) {
              throw translateListing(e, resumed && first);
            }
          }

          @Override
          public T next() {
            try {
              T item = raw.next();
              first = false;
              return item;
            } catch (HarvestException e) {
              throw translateListing(e, resumed && first);
            }
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(safe, Spliterator.ORDERED), false)
        .onClose(stream::close);
  }

  private static GreenhouseException translateListing(HarvestException e, boolean atResume) {
    if (atResume && e instanceof HarvestValidationException && e.status() == 422) {
      return new GreenhouseException.ResumeRefused(
          e.method(),
          e.path(),
          "Greenhouse refused the resume cursor (expired, or not one of this listing's): "
              + e.getMessage(),
          e);
    }
    return translate(e);
  }
}
