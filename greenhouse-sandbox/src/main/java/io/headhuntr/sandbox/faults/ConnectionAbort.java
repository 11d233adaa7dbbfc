package io.headhuntr.sandbox.faults;

import io.javalin.http.Context;
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
    EndPoint endPoint = endPoint(ctx);
    if (endPoint instanceof SocketChannelEndPoint socket) {
      try {
        socket.getChannel().setOption(StandardSocketOptions.SO_LINGER, 0);
      } catch (IOException | RuntimeException e) {
        // the close below still ends the connection, with a FIN instead of an RST
      }
    }
    endPoint.close();
  }

  /** Keeps Jetty from timing out a held request before {@code hold} has passed. */
  static void extendIdleTimeout(Context ctx, Duration hold) {
    EndPoint endPoint = endPoint(ctx);
    endPoint.setIdleTimeout(Math.max(endPoint.getIdleTimeout(), hold.plusSeconds(30).toMillis()));
  }

  private static EndPoint endPoint(Context ctx) {
    return ServletContextRequest.getServletContextRequest(ctx.req())
        .getConnectionMetaData()
        .getConnection()
        .getEndPoint();
  }
}
