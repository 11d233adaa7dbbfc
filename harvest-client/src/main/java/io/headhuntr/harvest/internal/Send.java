package io.headhuntr.harvest.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The last link: sends the request with the JDK {@link HttpClient} and classifies I/O failures.
 * Every answer is bounded: the request timeout is a deadline for the whole answer, body included
 * (the JDK's own timeout stops at the headers, so a body trickling in could hold a thread for
 * ever), and a body larger than {@link #MAX_ANSWER_BYTES} is cut off while it streams in.
 */
public final class Send implements Interceptor {
  /** The largest answer read: far above any Harvest page (500 records), far below a heap. */
  public static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;

  private final HttpClient http;
  private final Duration requestTimeout;
  private final int maxAnswerBytes;

  public Send(HttpClient http, Duration requestTimeout) {
    this(http, requestTimeout, MAX_ANSWER_BYTES);
  }

  Send(HttpClient http, Duration requestTimeout, int maxAnswerBytes) {
    this.http = http;
    this.requestTimeout = requestTimeout;
    this.maxAnswerBytes = maxAnswerBytes;
  }

  @Override
  public HarvestResponse intercept(Chain chain) throws IOException {
    HarvestRequest request = chain.request();
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(requestTimeout);
    request.headers().forEach(builder::header);
    builder.method(
        request.method(),
        request.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    CompletableFuture<HttpResponse<byte[]>> answer =
        http.sendAsync(builder.build(), info -> new CappedBody(maxAnswerBytes));
    try {
      HttpResponse<byte[]> response = answer.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return new HarvestResponse(response.statusCode(), response.headers(), response.body());
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new SendFailure(
          "No complete answer within " + requestTimeout.toMillis() + " ms.", true, e);
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new SendFailure("Interrupted while waiting for the answer.", true, e);
    } catch (ExecutionException e) {
      throw classify(e.getCause() == null ? e : e.getCause());
    }
  }

  private SendFailure classify(Throwable cause) {
    if (cause instanceof HttpConnectTimeoutException) {
      return new SendFailure("Could not connect within the connect timeout.", false, cause);
    }
    if (cause instanceof ConnectException) {
      return new SendFailure(
          "Could not connect (" + cause.getClass().getSimpleName() + ").", false, cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new SendFailure("No answer within " + requestTimeout.toMillis() + " ms.", true, cause);
    }
    if (cause instanceof AnswerTooLarge) {
      return new SendFailure(cause.getMessage(), true, cause);
    }
    return new SendFailure(
        "The connection failed (" + cause.getClass().getSimpleName() + ").", true, cause);
  }

  /** The answer was larger than the cap: reading stopped there. */
  static final class AnswerTooLarge extends IOException {
    AnswerTooLarge(int cap) {
      super("The answer was larger than " + cap + " bytes; reading stopped there.");
    }
  }

  /** Collects a body up to {@code cap} bytes, cancelling the stream past it. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    private Flow.Subscription subscription;

    CappedBody(int cap) {
      this.cap = cap;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > cap) {
          subscription.cancel();
          result.completeExceptionally(new AnswerTooLarge(cap));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable failure) {
      result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }
}
