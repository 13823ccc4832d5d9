package dev.ndnj.faces.websocket;

import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.faces.net.FaceUris;
import dev.ndnj.faces.net.NetChannel;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WebSocket listener, as NFD's {@code WebSocketChannel}: an HTTP/1.1 server (HTTPS with TLS) on one address whose
 * WebSocket upgrades, on any path, become on-demand, point-to-point faces; other requests go to the configured
 * {@link HttpRequestHandler}. Its URI is {@code ws://0.0.0.0:9696} ({@code wss://…} with TLS).
 *
 * <p>Pipeline of an accepted connection: {@code [tls] http-codec http-aggregator http-idle handshake}; the handshake
 * handler answers plain HTTP requests, refuses a disallowed Origin with 403, and on an upgrade replaces itself with
 * {@code keepalive face} ({@link WebSocketFrameHandler}) behind Netty's WebSocket decoder and encoder. A connection
 * that has not upgraded is closed after {@link #HTTP_IDLE_TIMEOUT_MILLIS} without traffic.
 *
 * <p>Any thread.
 */
public final class WebSocketChannel implements NetChannel {
  /** How long an HTTP connection (not upgraded) may stay silent before it is closed: 30 s. */
  public static final long HTTP_IDLE_TIMEOUT_MILLIS = 30_000;
  /** Largest HTTP request (headers aside) accepted; a larger one is answered 413. */
  static final int MAX_HTTP_CONTENT = 64 * 1024;

  private final WebSocketFaces owner;
  private final SslContext tls; // null: plain ws
  private final OriginPolicy origins;
  private final ChannelGroup connections;
  private final ChannelGroup faces;
  private final AtomicLong framingErrors = new AtomicLong();
  private final AtomicLong rejectedOrigins = new AtomicLong();
  private final AtomicLong deadPeers = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Channel server;
  private volatile InetSocketAddress localAddress;
  private volatile String localUri;

  WebSocketChannel(WebSocketFaces owner, SslContext tls, OriginPolicy origins) {
    this.owner = owner;
    this.tls = tls;
    this.origins = origins;
    this.connections = new DefaultChannelGroup(owner.bossExecutor());
    this.faces = new DefaultChannelGroup(owner.bossExecutor());
  }

  /** Set once bound, before accepting starts. */
  void bound(Channel serverChannel) {
    server = serverChannel;
    localAddress = FaceUris.normalize((InetSocketAddress) serverChannel.localAddress());
    localUri = WsUris.uri(scheme(), localAddress);
  }

  /** {@code ws} or {@code wss}. */
  String scheme() {
    return tls == null ? "ws" : "wss";
  }

  WebSocketFaces owner() {
    return owner;
  }

  OriginPolicy origins() {
    return origins;
  }

  /** The initializer of accepted connections. */
  ChannelInitializer<Channel> childInitializer() {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        connections.add(ch);
        if (tls != null) {
          ch.pipeline().addLast("tls", tls.newHandler(ch.alloc()));
        }
        ch.pipeline().addLast("http-codec", new HttpServerCodec())
            .addLast("http-aggregator", new HttpObjectAggregator(MAX_HTTP_CONTENT))
            .addLast(ServerHandshakeHandler.HTTP_IDLE,
                new IdleStateHandler(0, 0, HTTP_IDLE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
            .addLast("handshake", new ServerHandshakeHandler(WebSocketChannel.this));
      }
    };
  }

  /**
   * The transport of a connection being upgraded (event loop): URIs from its socket addresses, local scope when both
   * are loopback, on-demand.
   */
  WebSocketTransport newTransport(Channel ch) {
    InetSocketAddress local = FaceUris.normalize((InetSocketAddress) ch.localAddress());
    InetSocketAddress remote = FaceUris.normalize((InetSocketAddress) ch.remoteAddress());
    WebSocketFacesConfig c = owner.config();
    return new WebSocketTransport(ch, owner.engine().tasks(),
        WebSocketTransport.scopeOf(local.getAddress(), remote.getAddress()), FacePersistency.ON_DEMAND,
        WsUris.uri(scheme(), local), WsUris.uri(WsUris.CLIENT_SCHEME, remote), c.maxMessageSize, c.queueLimits);
  }

  /** The handler at the end of an upgraded connection. */
  WebSocketFrameHandler newFrameHandler(WebSocketTransport t) {
    WebSocketFacesConfig c = owner.config();
    return new WebSocketFrameHandler(t, c.maxMessageSize, c.pongTimeoutMillis, framingErrors, deadPeers);
  }

  /** A connection upgraded (event loop): its face goes to the engine. */
  void upgraded(WebSocketTransport t) {
    faces.add(t.nettyChannel());
    owner.addFace(t, null);
  }

  void originRejected() {
    rejectedOrigins.incrementAndGet();
  }

  @Override
  public String localUri() {
    return localUri;
  }

  @Override
  public SocketAddress localAddress() {
    return localAddress;
  }

  /** Whether the channel serves {@code wss} (TLS). */
  public boolean isSecure() {
    return tls != null;
  }

  /**
   * Connections closed for a WebSocket protocol violation (a frame Netty's decoder rejects: unmasked, reserved bits
   * or opcodes, a frame above the hard size limit, bad Close payload); each is also a drop on its face.
   */
  @Override
  public long framingErrors() {
    return framingErrors.get();
  }

  /** Handshakes refused with 403 because of their Origin. */
  public long rejectedOrigins() {
    return rejectedOrigins.get();
  }

  /** Connections closed because the peer did not answer a ping in time. */
  public long deadPeers() {
    return deadPeers.get();
  }

  /** WebSocket faces of this channel open now (HTTP connections that have not upgraded are not counted). */
  @Override
  public int faceCount() {
    return faces.size();
  }

  @Override
  public boolean isOpen() {
    return !closed.get() && server != null && server.isOpen();
  }

  /** Stops listening and closes every connection (faces send a Close frame first). Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (server != null) {
      server.close().syncUninterruptibly();
    }
    for (Channel ch : faces) {
      ch.eventLoop().execute(() -> WebSocketTransport.closeNow(ch, "channel closed"));
    }
    connections.close().awaitUninterruptibly();
  }

  @Override
  public String toString() {
    return "WebSocketChannel(" + localUri + ")";
  }
}
