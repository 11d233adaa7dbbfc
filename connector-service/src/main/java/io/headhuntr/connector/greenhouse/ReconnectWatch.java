package io.headhuntr.connector.greenhouse;

import io.headhuntr.harvest.HarvestReauthorizationRequiredException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Watches every call of a partner connection's {@link Greenhouse} (and of its writes and lazy
 * listings): after each call the token store's row lock is released if the call left it held, and a
 * refusal whose cause is {@link HarvestReauthorizationRequiredException} reports its reason once
 * per failure (the tenant is marked {@code needs_reconnect}) before it is rethrown unchanged. A
 * dynamic proxy, so the port's many methods need no hand-written delegation.
 */
final class ReconnectWatch implements InvocationHandler {
  private final Object inner;
  private final Runnable afterCall;
  private final Consumer<String> onReauthorization;

  private ReconnectWatch(Object inner, Runnable afterCall, Consumer<String> onReauthorization) {
    this.inner = inner;
    this.afterCall = afterCall;
    this.onReauthorization = onReauthorization;
  }

  /** {@code greenhouse}, watched. */
  static Greenhouse watching(
      Greenhouse greenhouse, Runnable afterCall, Consumer<String> onReauthorization) {
    return wrap(Greenhouse.class, greenhouse, afterCall, onReauthorization);
  }

  private static <T> T wrap(
      Class<T> type, T inner, Runnable afterCall, Consumer<String> onReauthorization) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            new ReconnectWatch(inner, afterCall, onReauthorization)));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return method.invoke(inner, args);
    }
    Object answer;
    try {
      answer = method.invoke(inner, args);
    } catch (InvocationTargetException e) {
      throw watched(e.getCause());
    } finally {
      afterCall.run();
    }
    if (answer instanceof Stream<?> stream) {
      return watchedStream(stream);
    }
    if (answer instanceof Greenhouse greenhouse) {
      return wrap(Greenhouse.class, greenhouse, afterCall, onReauthorization);
    }
    if (answer instanceof GreenhouseWrites writes) {
      return wrap(GreenhouseWrites.class, writes, afterCall, onReauthorization);
    }
    return answer;
  }

  private Throwable watched(Throwable failure) {
    afterCall.run(); // the row lock first: marking the tenant updates that very row
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HarvestReauthorizationRequiredException reauthorization) {
        onReauthorization.accept(reauthorization.getMessage());
        break;
      }
    }
    return failure;
  }

  private <T> Stream<T> watchedStream(Stream<T> stream) {
    Iterator<T> raw = stream.iterator();
    Iterator<T> safe =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            try {
              return raw.hasNext();
            } catch (RuntimeException e) {
              throw (RuntimeException) watched(e);
            } finally {
              afterCall.run();
            }
          }

          @Override
          public T next() {
            try {
              return raw.next();
            } catch (RuntimeException e) {
              throw (RuntimeException) watched(e);
            } finally {
              afterCall.run();
            }
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(safe, Spliterator.ORDERED), false)
        .onClose(stream::close);
  }
}
