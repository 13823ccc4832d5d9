package dev.ndnj.faces.websocket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The last handler of an accepted connection until it upgrades: plain HTTP requests go to the channel's
 * {@link HttpRequestHandler}; a WebSocket upgrade (any path, as NFD's websocketpp server takes any resource) has its
 * Origin checked (403 and close when disallowed), then the handshake is answered and the pipeline becomes the face's.
 * Event loop only.
 */
final class ServerHandshakeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  static final String HTTP_IDLE = "http-idle";
  private static final System.Logger LOG = System.getLogger(ServerHandshakeHandler.class.getName());

  private final WebSocketChannel channel;

  ServerHandshakeHandler(WebSocketChannel channel) {
    this.channel = channel;
  }

  /** Frames Netty's decoder accepts before the face applies the message limit; above it: Close 1009. */
  static int hardFrameLimit(int maxMessageSize) {
    return Math.max(64 * 1024, maxMessageSize);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    if (!req.decoderResult().isSuccess()) {
      HttpResponses.sendAndClose(ctx, HttpResponseStatus.BAD_REQUEST, "bad request\n");
      return;
    }
    String upgrade = req.headers().get(HttpHeaderNames.UPGRADE);
    if (upgrade == null || !HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(upgrade.trim())) {
      serveHttp(ctx, req);
      return;
    }
    String origin = req.headers().get(HttpHeaderNames.ORIGIN);
    String host = req.headers().get(HttpHeaderNames.HOST);
    if (!channel.origins().allows(origin, host)) {
      channel.originRejected();
      LOG.log(System.Logger.Level.DEBUG, () -> "refused WebSocket from " + ctx.channel().remoteAddress()
          + ": Origin " + origin + " not allowed (Host " + host + ")");
      HttpResponses.sendAndClose(ctx, HttpResponseStatus.FORBIDDEN, "origin not allowed\n");
      return;
    }
    upgrade(ctx, req);
  }

  private void serveHttp(ChannelHandlerContext ctx, FullHttpRequest req) {
    try {
      channel.owner().config().httpHandler.handle(ctx, req);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "HTTP handler failed on " + req.method() + " " + req.uri() + ": " + e, e);
      HttpResponses.sendAndClose(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error\n");
    }
  }

  private void upgrade(ChannelHandlerContext ctx, FullHttpRequest req) {
    WebSocketFacesConfig c = channel.owner().config();
    WebSocketDecoderConfig decoder = WebSocketDecoderConfig.newBuilder()
        .maxFramePayloadLength(hardFrameLimit(c.maxMessageSize))
        .expectMaskedFrames(true)
        .allowMaskMismatch(false)
        .allowExtensions(false)
        .closeOnProtocolViolation(true)
        .withUTF8Validator(false) // text messages are dropped whatever they hold
        .build();
    String url = channel.scheme() + "://" + req.headers().get(HttpHeaderNames.HOST, "localhost") + req.uri();
    WebSocketServerHandshaker hs = new WebSocketServerHandshakerFactory(url, null, decoder).newHandshaker(req);
    Channel ch = ctx.channel();
    if (hs == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ch).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    try {
      // writes 101 and puts the WebSocket decoder and encoder in place of the HTTP codec (no read happens before
      // this method returns, so the face's handlers below are there for the first frame)
      hs.handshake(ch, req).addListener((ChannelFutureListener) f -> {
        if (!f.isSuccess()) {
          LOG.log(System.Logger.Level.DEBUG, () -> "WebSocket handshake with " + ch.remoteAddress() + " failed: "
              + f.cause());
          ch.close();
        }
      });
    } catch (WebSocketHandshakeException e) {
      LOG.log(System.Logger.Level.DEBUG, () -> "bad WebSocket handshake from " + ch.remoteAddress() + ": "
          + e.getMessage());
      HttpResponses.sendAndClose(ctx, HttpResponseStatus.BAD_REQUEST, "bad WebSocket handshake\n");
      return;
    }
    WebSocketTransport t = channel.newTransport(ch);
    ChannelPipeline p = ch.pipeline();
    p.remove(HTTP_IDLE);
    p.addLast("keepalive", new IdleStateHandler(c.pingIntervalMillis, 0, 0, TimeUnit.MILLISECONDS));
    p.addLast("face", channel.newFrameHandler(t));
    p.remove(this);
    channel.upgraded(t);
    LOG.log(System.Logger.Level.DEBUG, () -> "WebSocket " + t.remoteUri() + " -> " + t.localUri() + " path "
        + req.uri());
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      ctx.close(); // an HTTP connection silent for too long (or one that never sent a request)
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.log(System.Logger.Level.DEBUG, () -> "closing HTTP connection from " + ctx.channel().remoteAddress() + ": "
        + cause);
    ctx.close();
  }
}
