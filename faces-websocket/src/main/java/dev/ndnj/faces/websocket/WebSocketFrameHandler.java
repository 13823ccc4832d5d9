package dev.ndnj.faces.websocket;

import dev.ndnj.engine.face.FaceDrop;
import dev.ndnj.faces.net.TlvFrames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The end of an upgraded connection's pipeline (server and client faces alike): turns WebSocket messages into frames
 * for the {@link WebSocketTransport}, answers control frames, and keeps the connection alive.
 *
 * <ul>
 *   <li>A binary message (one frame, or a first frame and continuations) must be exactly one TLV element of at most
 *       {@code maxMessageSize} octets. A larger one is dropped ({@code OVERSIZED}) without being buffered beyond the
 *       limit; one that is not a single element is dropped ({@code MALFORMED}). Either way the connection stays up,
 *       as NFD's "Failed to parse message payload" leaves it up.
 *   <li>A text message is dropped ({@code MALFORMED}); NDN packets are binary.
 *   <li>Ping is answered with Pong; Close is answered with Close and the connection closes.
 *   <li>Keepalive: when an {@code IdleStateHandler} in front reports the peer silent (reader idle), a Ping goes out;
 *       without a Pong within the timeout the peer is dead: a Close frame is sent and the connection closes, and with
 *       it the face.
 *   <li>A protocol violation found by Netty's decoder (which has already sent the Close frame with its status) is
 *       counted ({@code OVERSIZED} for a frame above the decoder's hard limit, else {@code MALFORMED}) and closes.
 * </ul>
 * Event loop only. Buffers: each frame read is owned here and released or handed to the transport.
 */
final class WebSocketFrameHandler extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger(WebSocketFrameHandler.class.getName());
  private static final byte[] PING_PAYLOAD = "ndnj".getBytes(StandardCharsets.US_ASCII);

  private final WebSocketTransport transport;
  private final int maxMessageSize;
  private final long pongTimeoutMillis;
  private final AtomicLong framingErrors; // the channel's, or null for a client face
  private final AtomicLong deadPeers; // the channel's, or null for a client face
  private CompositeByteBuf partial; // a binary message being assembled from continuation frames
  private boolean discarding; // the binary message under way is over the limit: its continuations are dropped
  private boolean inText; // a text message under way: its continuations are dropped
  private ScheduledFuture<?> pongDeadline;

  WebSocketFrameHandler(WebSocketTransport transport, int maxMessageSize, long pongTimeoutMillis,
      AtomicLong framingErrors, AtomicLong deadPeers) {
    this.transport = transport;
    this.maxMessageSize = maxMessageSize;
    this.pongTimeoutMillis = pongTimeoutMillis;
    this.framingErrors = framingErrors;
    this.deadPeers = deadPeers;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof BinaryWebSocketFrame) {
      BinaryWebSocketFrame f = (BinaryWebSocketFrame) msg;
      if (f.isFinalFragment()) {
        message(f.content());
      } else {
        first(ctx, f.content());
      }
    } else if (msg instanceof ContinuationWebSocketFrame) {
      ContinuationWebSocketFrame f = (ContinuationWebSocketFrame) msg;
      continuation(f.content(), f.isFinalFragment());
    } else if (msg instanceof TextWebSocketFrame) {
      TextWebSocketFrame f = (TextWebSocketFrame) msg;
      inText = !f.isFinalFragment();
      f.release();
      drop(FaceDrop.MALFORMED, "text message");
    } else if (msg instanceof PingWebSocketFrame) {
      ctx.writeAndFlush(new PongWebSocketFrame(((PingWebSocketFrame) msg).content()), ctx.voidPromise());
    } else if (msg instanceof PongWebSocketFrame) {
      ((PongWebSocketFrame) msg).release();
      transport.pongReceived();
      cancelPongDeadline();
    } else if (msg instanceof CloseWebSocketFrame) {
      CloseWebSocketFrame f = (CloseWebSocketFrame) msg;
      int status = f.statusCode();
      f.release();
      LOG.log(System.Logger.Level.DEBUG, () -> "close frame (" + status + ") from " + transport.remoteUri());
      CloseWebSocketFrame reply = WebSocketCloseStatus.isValidStatusCode(status)
          ? new CloseWebSocketFrame(status, null) : new CloseWebSocketFrame();
      ctx.writeAndFlush(reply).addListener(ChannelFutureListener.CLOSE);
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  /** A first frame of a fragmented binary message (ownership passes). */
  private void first(ChannelHandlerContext ctx, ByteBuf content) {
    if (content.readableBytes() > maxMessageSize) {
      content.release();
      discarding = true;
      return;
    }
    partial = ctx.alloc().compositeBuffer(Integer.MAX_VALUE);
    partial.addComponent(true, content);
  }

  /** A continuation frame (ownership passes). */
  private void continuation(ByteBuf content, boolean last) {
    if (inText) {
      content.release();
      inText = !last;
      return;
    }
    if (discarding) {
      content.release();
      if (last) {
        discarding = false;
        drop(FaceDrop.OVERSIZED, "message over " + maxMessageSize + " octets");
      }
      return;
    }
    if (partial == null) { // the decoder rejects a continuation outside a message; nothing to add it to anyway
      content.release();
      return;
    }
    if (partial.readableBytes() + (long) content.readableBytes() > maxMessageSize) {
      content.release();
      releasePartial();
      if (last) {
        drop(FaceDrop.OVERSIZED, "message over " + maxMessageSize + " octets");
      } else {
        discarding = true;
      }
      return;
    }
    partial.addComponent(true, content);
    if (last) {
      ByteBuf whole = partial;
      partial = null;
      message(whole);
    }
  }

  /** A complete binary message (ownership passes): one TLV element goes to the transport, anything else drops. */
  private void message(ByteBuf m) {
    int n = m.readableBytes();
    if (n > maxMessageSize) {
      m.release();
      drop(FaceDrop.OVERSIZED, "message of " + n + " octets, over " + maxMessageSize);
      return;
    }
    int element = TlvFrames.frameLength(m, maxMessageSize);
    if (element != n) {
      m.release();
      drop(FaceDrop.MALFORMED, element < 0 ? "message is not a TLV element" : "message of " + n
          + " octets holds an element of " + element);
      return;
    }
    transport.frameRead(m);
  }

  private void drop(FaceDrop reason, String why) {
    LOG.log(System.Logger.Level.DEBUG, () -> "DROP " + why + " from " + transport.remoteUri());
    transport.countDrop(reason);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    transport.readComplete();
    ctx.fireChannelReadComplete();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      if (((IdleStateEvent) evt).state() == IdleState.READER_IDLE && pongDeadline == null && ctx.channel().isActive()) {
        ping(ctx);
      }
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  private void ping(ChannelHandlerContext ctx) {
    ctx.writeAndFlush(new PingWebSocketFrame(Unpooled.wrappedBuffer(PING_PAYLOAD)), ctx.voidPromise());
    transport.pingSent();
    pongDeadline = ctx.executor().schedule(() -> deadPeer(ctx), pongTimeoutMillis, TimeUnit.MILLISECONDS);
  }

  private void deadPeer(ChannelHandlerContext ctx) {
    pongDeadline = null;
    LOG.log(System.Logger.Level.DEBUG, () -> "no pong from " + transport.remoteUri() + " within "
        + pongTimeoutMillis + " ms, closing");
    if (deadPeers != null) {
      deadPeers.incrementAndGet();
    }
    if (ctx.channel().isActive()) {
      ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE, "pong timeout"));
    }
    ctx.close();
  }

  private void cancelPongDeadline() {
    if (pongDeadline != null) {
      pongDeadline.cancel(false);
      pongDeadline = null;
    }
  }

  private void releasePartial() {
    if (partial != null) {
      partial.release();
      partial = null;
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    releasePartial();
    cancelPongDeadline();
    transport.channelInactive();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    releasePartial();
    cancelPongDeadline();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof CorruptedWebSocketFrameException) {
      CorruptedWebSocketFrameException c = (CorruptedWebSocketFrameException) cause;
      boolean tooBig = c.closeStatus() != null
          && c.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code();
      drop(tooBig ? FaceDrop.OVERSIZED : FaceDrop.MALFORMED, "WebSocket protocol violation (" + c.getMessage()
          + "), closing");
      if (framingErrors != null) {
        framingErrors.incrementAndGet();
      }
    } else {
      LOG.log(System.Logger.Level.DEBUG, () -> "closing " + transport.remoteUri() + ": " + cause);
    }
    ctx.close();
  }
}
