package dev.ndnj.faces.websocket;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.faces.net.FaceUris;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The last handler of a client connection until the WebSocket handshake completes: sends the upgrade request when the
 * connection is up, checks the server's answer, then replaces itself with the face's handlers and adds the face.
 * {@code done} fails if the TLS or WebSocket handshake fails, the connection closes first, or no answer comes within
 * the connect timeout. Event loop only.
 */
final class ClientHandshakeHandler extends ChannelInboundHandlerAdapter {
  private final WebSocketFaces owner;
  private final WebSocketClientHandshaker handshaker;
  private final WsUris.Target target;
  private final FacePersistency persistency;
  private final CompletableFuture<Face> done;
  private ScheduledFuture<?> deadline;

  ClientHandshakeHandler(WebSocketFaces owner, WebSocketClientHandshaker handshaker, WsUris.Target target,
      FacePersistency persistency, CompletableFuture<Face> done) {
    this.owner = owner;
    this.handshaker = handshaker;
    this.target = target;
    this.persistency = persistency;
    this.done = done;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    Channel ch = ctx.channel();
    deadline = ctx.executor().schedule(() -> fail(ctx, new TimeoutException("no WebSocket handshake with "
        + target.uri() + " within " + owner.config().connectTimeoutMillis + " ms")),
        owner.config().connectTimeoutMillis, TimeUnit.MILLISECONDS);
    handshaker.handshake(ch).addListener(f -> {
      if (!f.isSuccess()) {
        fail(ctx, f.cause());
      }
    });
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpResponse) || done.isDone()) {
      ReferenceCountUtil.release(msg);
      return;
    }
    Channel ch = ctx.channel();
    try {
      handshaker.finishHandshake(ch, (FullHttpResponse) msg);
    } catch (RuntimeException e) { // WebSocketClientHandshakeException: not 101, or a bad Sec-WebSocket-Accept
      fail(ctx, e);
      return;
    } finally {
      ReferenceCountUtil.release(msg);
    }
    cancelDeadline();
    WebSocketFacesConfig c = owner.config();
    InetSocketAddress local = FaceUris.normalize((InetSocketAddress) ch.localAddress());
    InetSocketAddress remote = FaceUris.normalize((InetSocketAddress) ch.remoteAddress());
    WebSocketTransport t = new WebSocketTransport(ch, owner.engine().tasks(),
        WebSocketTransport.scopeOf(local.getAddress(), remote.getAddress()), persistency,
        WsUris.uri(WsUris.CLIENT_SCHEME, local), WsUris.clientFaceRemote(target, remote), c.maxMessageSize,
        c.queueLimits);
    ChannelPipeline p = ch.pipeline();
    p.addLast("keepalive", new IdleStateHandler(c.pingIntervalMillis, 0, 0, TimeUnit.MILLISECONDS));
    p.addLast("face", new WebSocketFrameHandler(t, c.maxMessageSize, c.pongTimeoutMillis, null, null));
    p.remove(this);
    owner.addFace(t, done);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof SslHandshakeCompletionEvent && !((SslHandshakeCompletionEvent) evt).isSuccess()) {
      fail(ctx, ((SslHandshakeCompletionEvent) evt).cause());
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    fail(ctx, new IOException("connection to " + target.uri() + " closed before the WebSocket handshake completed"));
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable c = cause instanceof DecoderException && cause.getCause() != null
        ? cause.getCause() : cause; // a TLS failure comes wrapped
    fail(ctx, c);
  }

  private void fail(ChannelHandlerContext ctx, Throwable cause) {
    cancelDeadline();
    done.completeExceptionally(cause);
    ctx.close();
  }

  private void cancelDeadline() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }
}
