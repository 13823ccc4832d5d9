package dev.ndnj.faces.websocket;

import dev.ndnj.engine.face.FaceDrop;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.platform.TaskQueue;
import dev.ndnj.faces.net.FaceUris;
import dev.ndnj.faces.net.NettyTransport;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.net.InetAddress;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WebSocket face's transport: one connection, one NDN TLV element per binary message each way, point-to-point,
 * as NFD's {@code WebSocketTransport}. Local scope only when both ends are loopback addresses. The MTU is the largest
 * message accepted ({@link WebSocketFacesConfig#maxMessageSize}), so the link service drops (and counts) a packet
 * too large for the peer to take instead of sending it; it never fragments (NDNLPv2 fragmentation is off on
 * WebSocket faces, as in NFD).
 *
 * <p>Frames are read by a handler at the end of the channel's pipeline, which passes each accepted binary message to
 * {@link NettyTransport#frameRead}; outbound frames become {@link BinaryWebSocketFrame}s. Closing sends a Close frame
 * (1000, "closed by ndnj") and closes the connection. Threading as {@link NettyTransport}; the ping counters may be
 * read from any thread.
 */
public final class WebSocketTransport extends NettyTransport {
  private final AtomicLong outPings = new AtomicLong();
  private final AtomicLong inPongs = new AtomicLong();

  WebSocketTransport(Channel channel, TaskQueue tasks, FaceScope scope, FacePersistency persistency,
      String localUri, String remoteUri, int maxMessageSize, QueueLimits limits) {
    super(channel, tasks, scope, LinkType.POINT_TO_POINT, persistency, localUri, remoteUri, maxMessageSize, limits);
  }

  /** Local when both ends are loopback addresses (IPv4-mapped ones included), else non-local, as NFD. */
  static FaceScope scopeOf(InetAddress local, InetAddress remote) {
    return FaceUris.normalize(local).isLoopbackAddress() && FaceUris.normalize(remote).isLoopbackAddress()
        ? FaceScope.LOCAL : FaceScope.NON_LOCAL;
  }

  /** Pings sent to the peer (NFD's {@code nOutPings}). */
  public long outPings() {
    return outPings.get();
  }

  /** Pongs received from the peer (NFD's {@code nInPongs}). */
  public long inPongs() {
    return inPongs.get();
  }

  void pingSent() {
    outPings.incrementAndGet();
  }

  void pongReceived() {
    inPongs.incrementAndGet();
  }

  /** The Netty channel (for the channel's bookkeeping). */
  Channel nettyChannel() {
    return channel();
  }

  /** Counts a drop on this face, on the forwarding thread (any thread). */
  void countDrop(FaceDrop reason) {
    tasks().execute(() -> {
      if (face() != null) {
        face().counters().drop(reason);
      }
    });
  }

  /** Wraps the frame (ownership passes) in a binary message. */
  @Override
  protected Object encodeOutbound(ByteBuf frame) {
    return new BinaryWebSocketFrame(frame);
  }

  /**
   * Sends a Close frame after what is already queued and closes the connection (forwarding thread); the face goes
   * once the channel is inactive.
   */
  @Override
  public void close() {
    Channel ch = channel();
    try {
      ch.eventLoop().execute(() -> closeNow(ch, "closed by ndnj"));
    } catch (RejectedExecutionException e) {
      ch.close(); // the event loop is gone (shutting down): the channel is closing anyway
    }
  }

  /** On the event loop: a Close frame if the connection is up and upgraded, then close. */
  static void closeNow(Channel ch, String reason) {
    if (ch.isActive() && ch.pipeline().get(WebSocketFrameHandler.class) != null) {
      ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE, reason));
    }
    ch.close();
  }
}
