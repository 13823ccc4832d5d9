package dev.ndnj.faces.websocket;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Answers the HTTP requests a {@link WebSocketChannel} gets that are not WebSocket upgrades (on the same port, so a
 * forwarder can serve the pages of its browser demo next to its WebSocket faces). Set with
 * {@link WebSocketFacesConfig#httpHandler}; the default answers 404.
 *
 * <p>Called on the connection's Netty event loop, one request at a time per connection: it must not block for long
 * (reading a small file is fine; anything slow belongs on another thread, answering later through {@code ctx}).
 */
@FunctionalInterface
public interface HttpRequestHandler {
  /** Answers every request with 404 Not Found. */
  HttpRequestHandler NOT_FOUND = (ctx, request) ->
      HttpResponses.send(ctx, request, HttpResponseStatus.NOT_FOUND, "text/plain; charset=utf-8",
          HttpResponses.utf8("not found\n"));

  /**
   * Writes exactly one response to {@code request} on {@code ctx}, now or later (for example with
   * {@link HttpResponses#send}, which also keeps the connection alive or closes it as the request asks).
   *
   * @param request <em>borrowed</em>: released when this method returns; {@code retain()} it to answer later
   * @throws RuntimeException is answered with 500 and closes the connection
   */
  void handle(ChannelHandlerContext ctx, FullHttpRequest request);
}
