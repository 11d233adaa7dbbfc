package io.headhuntr.sandbox.faults;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;

/**
 * Reaches under Javalin to Jetty 12's connection of a request: resets it (TCP RST, by closing with
 * {@code SO_LINGER 0}) or stretches its idle timeout so that a held request is not answered by
 * Jetty.
 */
final class ConnectionAbort {

  private ConnectionAbort() {}

  /**
   * Resets the request's TCP connection; the client sees "connection reset" without any response
   * bytes.
   */
  static void reset(Context ctx) {
    reset(endPoint(ctx));
  }

  /**
   * Resets a connection captured earlier: a held request may already be recycled by Jetty (its
   * client gave up), so the endpoint is kept rather than looked up again; an endpoint already
   * closed is left alone.
   */
  static void reset(EndPoint endPoint) {
    if (!endPoint.isOpen()) {
      return;
    }
    if (endPoint instanceof SocketChannelEndPoint socket) {
      try {
        socket.getChannel().setOption(StandardSocketOptions.SO_LINGER, 0);
      } catch (IOException | RuntimeException e) {
        // the close below still ends the connection, with a FIN instead of an RST
      }
    }
    endPoint.close();
  }

  /**
   * Ends a request left asynchronous on purpose, so that stopping the server does not wait for it;
   * a request Jetty already finished and recycled is left alone.
   */
  static void endAsync(HttpServletRequest request) {
    try {
      if (request.isAsyncStarted()) {
        request.getAsyncContext().complete();
      }
    } catch (RuntimeException alreadyRecycled) {
      // nothing left to end
    }
  }

  /** Keeps Jetty from timing out a held request before {@code hold} has passed. */
  static void extendIdleTimeout(EndPoint endPoint, Duration hold) {
    endPoint.setIdleTimeout(Math.max(endPoint.getIdleTimeout(), hold.plusSeconds(30).toMillis()));
  }

  static EndPoint endPoint(Context ctx) {
    return ServletContextRequest.getServletContextRequest(ctx.req())
        .getConnectionMetaData()
        .getConnection()
        .getEndPoint();
  }
}
