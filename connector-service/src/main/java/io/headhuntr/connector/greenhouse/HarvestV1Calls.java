package io.headhuntr.connector.greenhouse;

import io.headhuntr.harvest.FieldError;
import io.headhuntr.harvest.HarvestException;
import io.headhuntr.harvest.HarvestForbiddenException;
import io.headhuntr.harvest.HarvestNotFoundException;
import io.headhuntr.harvest.HarvestRateLimitedException;
import io.headhuntr.harvest.HarvestServerException;
import io.headhuntr.harvest.HarvestTransportException;
import io.headhuntr.harvest.HarvestUnauthorizedException;
import io.headhuntr.harvest.HarvestValidationException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Runs Harvest v1 calls for the adapter: tells the {@link CallLog} of each (a success counts as 200
 * for a read, 201 for a write, as the push log always showed) and turns the client's exceptions
 * into {@link GreenhouseException}s with the same message.
 */
final class HarvestV1Calls {
  private final CallLog log;

  HarvestV1Calls(CallLog log) {
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

  /** A lazy Harvest stream whose failures, when read, are thrown as Greenhouse exceptions. */
  static <T> Stream<T> translated(Stream<T> stream) {
    Iterator<T> raw = stream.iterator();
    Iterator<T> safe =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            try {
              return raw.hasNext();
            } catch (HarvestException e) {
              throw translate(e);
            }
          }

          @Override
          public T next() {
            try {
              return raw.next();
            } catch (HarvestException e) {
              throw translate(e);
            }
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(safe, Spliterator.ORDERED), false)
        .onClose(stream::close);
  }

  static GreenhouseException translate(HarvestException e) {
    String method = e.method();
    String path = e.path();
    String message = e.getMessage();
    if (e instanceof HarvestNotFoundException) {
      return new GreenhouseException.NotFound(method, path, message, e);
    }
    if (e instanceof HarvestValidationException v) {
      return new GreenhouseException.Invalid(
          method,
          path,
          v.status(),
          message,
          v.greenhouseMessage(),
          v.fieldErrors().stream().map(HarvestV1Calls::problem).toList(),
          e);
    }
    if (e instanceof HarvestUnauthorizedException || e instanceof HarvestForbiddenException) {
      return new GreenhouseException.Refused(method, path, e.status(), message, e);
    }
    if (e instanceof HarvestRateLimitedException r) {
      return new GreenhouseException.RateLimited(method, path, r.retryAfter(), message, e);
    }
    if (e instanceof HarvestServerException) {
      return new GreenhouseException.ServerError(method, path, e.status(), message, e);
    }
    if (e instanceof HarvestTransportException t) {
      return new GreenhouseException.Unreachable(method, path, t.mayHaveApplied(), message, e);
    }
    return new GreenhouseException.Failed(method, path, e.status(), message, e);
  }

  private static FieldProblem problem(FieldError f) {
    return new FieldProblem(Optional.ofNullable(f.field()), f.message());
  }
}
