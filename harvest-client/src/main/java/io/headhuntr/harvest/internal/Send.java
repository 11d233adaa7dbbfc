package io.headhuntr.harvest.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** The last link: sends the request with the JDK {@link HttpClient} and classifies I/O failures. */
public final class Send implements Interceptor {
  private final HttpClient http;
  private final Duration requestTimeout;

  public Send(HttpClient http, Duration requestTimeout) {
    this.http = http;
    this.requestTimeout = requestTimeout;
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
    try {
      HttpResponse<byte[]> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new HarvestResponse(response.statusCode(), response.headers(), response.body());
    } catch (HttpConnectTimeoutException e) {
      throw new SendFailure("Could not connect within the connect timeout.", false, e);
    } catch (ConnectException e) {
      throw new SendFailure("Could not connect (" + e.getClass().getSimpleName() + ").", false, e);
    } catch (HttpTimeoutException e) {
      throw new SendFailure("No answer within " + requestTimeout.toMillis() + " ms.", true, e);
    } catch (IOException e) {
      throw new SendFailure(
          "The connection failed (" + e.getClass().getSimpleName() + ").", true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SendFailure("Interrupted while waiting for the answer.", true, e);
    }
  }
}
