package dev.ndnj.faces.websocket;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.GenericLinkService;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * The WebSocket faces of one engine, as NFD's WebSocket channels plus client faces (which NFD does not have): server
 * channels ({@code ws}, or {@code wss} with a certificate) whose connections become on-demand faces, and client faces
 * to {@code ws://} and {@code wss://} servers (another ndnj, or NFD's WebSocket channel). This is what the standalone
 * forwarder calls: {@link #start()} the configured channels (their URIs are for the log), {@link #createFace} for
 * configured neighbours and {@code faces/create}, {@link #close()} at shutdown.
 *
 * <pre>{@code
 * try (Engine engine = JvmEngines.start();
 *      WebSocketFaces ws = new WebSocketFaces(engine, new WebSocketFacesConfig())) {
 *   for (String uri : ws.start()) log("listening on " + uri);           // ws://0.0.0.0:9696, ws://[::]:9696
 *   Face up = ws.createFace("wss://hub.example.net/ws").get(10, TimeUnit.SECONDS);
 * }
 * }</pre>
 *
 * <p>Faces (see {@link WebSocketTransport}): one NDN TLV element per binary message, point-to-point, local only when
 * both ends are loopback; accepted ones on-demand with URIs {@code ws://127.0.0.1:9696} / {@code wsclient://…:50312},
 * created ones persistent (closed on error, not reconnected) with URIs {@code wsclient://…} / {@code ws://…}. Every
 * face is a {@link GenericLinkService} without fragmentation or reassembly (as NFD's WebSocket faces), added to the
 * engine's face table by a task on the engine's entry point.
 *
 * <p>Threading: any thread, but not the forwarding thread for the blocking methods ({@link #start()},
 * {@link #listen}, {@link #close()}); the futures of {@link #createFace} complete on the forwarding thread, so their
 * callbacks must not block.
 */
public final class WebSocketFaces implements AutoCloseable {
  static final System.Logger LOG = System.getLogger(WebSocketFaces.class.getName());

  private final Engine engine;
  private final WebSocketFacesConfig config;
  private final SslContext serverTls;
  private final SslContext clientTls;
  private final OriginPolicy origins;
  private final boolean epoll;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final ChannelGroup outgoing;
  private final List<WebSocketChannel> channels = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * WebSocket faces for {@code engine}, configured by {@code config} (copied now). Reads the TLS files and starts the
   * event loop threads (daemons named {@code ndnj-ws-*}); nothing listens until {@link #start()} or {@link #listen}.
   *
   * @throws IllegalArgumentException if a certificate or key file cannot be read or used
   */
  public WebSocketFaces(Engine engine, WebSocketFacesConfig config) {
    if (engine == null || config == null) {
      throw new IllegalArgumentException("engine and config are required");
    }
    this.engine = engine;
    this.config = config.copy();
    this.origins = new OriginPolicy(this.config.allowedOrigins);
    this.serverTls = serverTls(this.config);
    this.clientTls = clientTls(this.config);
    this.epoll = this.config.preferNative && Epoll.isAvailable();
    if (epoll) {
      boss = new EpollEventLoopGroup(1, new DefaultThreadFactory("ndnj-ws-accept", true));
      workers = new EpollEventLoopGroup(this.config.ioThreads, new DefaultThreadFactory("ndnj-ws-io", true));
    } else {
      boss = new NioEventLoopGroup(1, new DefaultThreadFactory("ndnj-ws-accept", true));
      workers = new NioEventLoopGroup(this.config.ioThreads, new DefaultThreadFactory("ndnj-ws-io", true));
    }
    outgoing = new DefaultChannelGroup(boss.next());
  }

  private static SslContext serverTls(WebSocketFacesConfig c) {
    if (c.tlsCertificateChain == null) {
      return null;
    }
    try {
      return SslContextBuilder.forServer(c.tlsCertificateChain.toFile(), c.tlsPrivateKey.toFile(), c.tlsKeyPassword)
          .build();
    } catch (SSLException | RuntimeException e) {
      throw new IllegalArgumentException("cannot use TLS certificate chain " + c.tlsCertificateChain
          + " with key " + c.tlsPrivateKey + " (PEM, PKCS#8 key expected): " + e.getMessage(), e);
    }
  }

  private static SslContext clientTls(WebSocketFacesConfig c) {
    try {
      SslContextBuilder b = SslContextBuilder.forClient();
      if (c.clientTrustedCertificates != null) {
        b.trustManager(c.clientTrustedCertificates.toFile());
      }
      return b.build();
    } catch (SSLException | RuntimeException e) {
      throw new IllegalArgumentException("cannot use trusted certificates " + c.clientTrustedCertificates + ": "
          + e.getMessage(), e);
    }
  }

  Engine engine() {
    return engine;
  }

  WebSocketFacesConfig config() {
    return config;
  }

  EventExecutor bossExecutor() {
    return boss.next();
  }

  /** Whether the native epoll transport is in use (else NIO). */
  public boolean isNative() {
    return epoll;
  }

  /** The channels listening now, in the order they started. */
  public List<WebSocketChannel> channels() {
    List<WebSocketChannel> open = new ArrayList<>();
    for (WebSocketChannel c : channels) {
      if (c.isOpen()) {
        open.add(c);
      }
    }
    return open;
  }

  // ------------------------------------------------------------------------------------------------- channels

  /**
   * Starts a channel on each configured address and returns their URIs, for the log ({@code ws://0.0.0.0:9696},
   * {@code ws://[::]:9696}; {@code wss://…} with TLS). Without the native transport an IPv4 and an IPv6 wildcard on
   * the same port are served by one dual-stack IPv6 socket. On a failure the channels already started are closed.
   *
   * @throws UncheckedIOException if an address cannot be bound
   */
  public List<String> start() {
    List<WebSocketChannel> started = new ArrayList<>();
    try {
      for (InetSocketAddress a : effective(config.listen)) {
        started.add(listen(a));
      }
    } catch (RuntimeException e) {
      for (WebSocketChannel c : started) {
        c.close();
      }
      throw e;
    }
    List<String> uris = new ArrayList<>();
    for (WebSocketChannel c : started) {
      uris.add(c.localUri());
    }
    return uris;
  }

  private List<InetSocketAddress> effective(List<InetSocketAddress> addrs) {
    return dev.ndnj.faces.net.NetFaces.effectiveListenAddresses(addrs, epoll);
  }

  /**
   * Starts a channel on {@code address} (port 0: an ephemeral port, see the channel's URI), with the configured TLS,
   * Origin allow-list and HTTP handler.
   *
   * @throws UncheckedIOException if the address cannot be bound
   * @throws IllegalStateException if these faces are closed
   */
  public WebSocketChannel listen(InetSocketAddress address) {
    checkOpen();
    WebSocketChannel ch = new WebSocketChannel(this, serverTls, origins);
    ServerBootstrap b = dev.ndnj.faces.net.NetFaces.serverBootstrap(boss, workers, address, epoll)
        .childHandler(ch.childInitializer());
    ChannelFuture f = b.bind(address).awaitUninterruptibly();
    if (!f.isSuccess()) {
      Throwable c = f.cause();
      IOException io = c instanceof IOException ? (IOException) c : new IOException(c);
      throw new UncheckedIOException("cannot listen on WebSocket " + address + ": " + c.getMessage(), io);
    }
    Channel server = f.channel();
    ch.bound(server);
    channels.add(ch);
    server.config().setAutoRead(true);
    LOG.log(System.Logger.Level.DEBUG, () -> "listening on " + ch.localUri());
    return ch;
  }

  // ------------------------------------------------------------------------------------------- client faces

  /** {@link #createFace(String, FacePersistency)} with persistency persistent, as NFD's faces/create default. */
  public CompletableFuture<Face> createFace(String uri) {
    return createFace(uri, FacePersistency.PERSISTENT);
  }

  /**
   * Connects to the WebSocket server at {@code uri} ({@code ws://host[:port][/path]} or {@code wss://…}; ports 80
   * and 443 when absent; a name is resolved to its first address) and makes a face of the connection once the
   * handshake succeeds. {@code wss} verifies the server's certificate chain (against
   * {@link WebSocketFacesConfig#clientTrustedCertificates} or the JDK's trust store) and host name. No Origin header
   * is sent.
   *
   * @return completes with the face once it is in the engine's face table (on the forwarding thread), or with the
   *     resolution, connection, TLS or handshake failure (a refusal: {@code WebSocketClientHandshakeException}
   *     with the HTTP status)
   * @throws IllegalArgumentException if the URI is not a WebSocket URI, or {@code persistency} is null
   */
  public CompletableFuture<Face> createFace(String uri, FacePersistency persistency) {
    WsUris.Target target = WsUris.parse(uri);
    if (persistency == null) {
      throw new IllegalArgumentException("persistency is required");
    }
    if (closed.get()) {
      return CompletableFuture.failedFuture(new IllegalStateException("WebSocket faces are closed"));
    }
    CompletableFuture<InetSocketAddress> resolved;
    if (target.hasAddressLiteral()) {
      resolved = CompletableFuture.completedFuture(resolve(target));
    } else {
      // the common pool: name resolution blocks, and must not hold an event loop
      resolved = CompletableFuture.supplyAsync(() -> resolve(target));
    }
    return resolved.thenCompose(a -> connect(target, a, persistency));
  }

  private static InetSocketAddress resolve(WsUris.Target t) {
    try {
      return new InetSocketAddress(InetAddress.getByName(t.host()), t.port());
    } catch (UnknownHostException e) {
      throw new CompletionException(e);
    }
  }

  private CompletableFuture<Face> connect(WsUris.Target target, InetSocketAddress to, FacePersistency persistency) {
    CompletableFuture<Face> done = new CompletableFuture<>();
    WebSocketClientHandshaker hs = WebSocketClientHandshakerFactory.newHandshaker(target.uri(),
        WebSocketVersion.V13, null, false, new DefaultHttpHeaders(),
        ServerHandshakeHandler.hardFrameLimit(config.maxMessageSize), true, false, -1, false, false);
    Bootstrap b = new Bootstrap().group(workers)
        .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, config.connectTimeoutMillis)
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel ch) {
            if (target.secure()) {
              ch.pipeline().addLast("tls", clientTlsHandler(ch, target));
            }
            ch.pipeline().addLast("http-codec", new HttpClientCodec())
                .addLast("http-aggregator", new HttpObjectAggregator(WebSocketChannel.MAX_HTTP_CONTENT))
                .addLast("handshake", new ClientHandshakeHandler(WebSocketFaces.this, hs, target, persistency, done));
          }
        });
    b.connect(to).addListener((ChannelFuture f) -> {
      if (!f.isSuccess()) {
        done.completeExceptionally(f.cause());
        return;
      }
      if (closed.get()) {
        f.channel().close();
        done.completeExceptionally(new IllegalStateException("WebSocket faces are closed"));
        return;
      }
      outgoing.add(f.channel());
    });
    return done;
  }

  /** TLS for a client connection: SNI and host name verification for the URI's host. */
  private SslHandler clientTlsHandler(Channel ch, WsUris.Target target) {
    SslHandler h = clientTls.newHandler(ch.alloc(), target.host(), target.port());
    SSLEngine e = h.engine();
    SSLParameters p = e.getSSLParameters();
    p.setEndpointIdentificationAlgorithm("HTTPS");
    e.setSSLParameters(p);
    h.setHandshakeTimeoutMillis(config.connectTimeoutMillis);
    return h;
  }

  // ------------------------------------------------------------------------------------------ adding faces

  /**
   * Makes a face of {@code t} and adds it to the engine's face table, by a task on the engine's entry point (any
   * thread). {@code done} (may be null) completes with the face, or fails if the transport closed first or the
   * engine stopped.
   */
  void addFace(WebSocketTransport t, CompletableFuture<Face> done) {
    if (!engine.execute(() -> addFaceNow(t, done))) {
      t.nettyChannel().close();
      if (done != null) {
        done.completeExceptionally(new IllegalStateException("the engine is closed"));
      }
    }
  }

  private void addFaceNow(WebSocketTransport t, CompletableFuture<Face> done) {
    if (t.isClosed()) {
      if (done != null) {
        done.completeExceptionally(new IOException(t.remoteUri() + " closed before its face was added"));
      }
      return;
    }
    GenericLinkService.Options options =
        new GenericLinkService.Options(engine.clock(), engine.scheduler(), engine.random())
            .allowFragmentation(false)
            .allowReassembly(false);
    Face f = new Face(new GenericLinkService(options), t);
    engine.forwarder().faceTable().add(f);
    LOG.log(System.Logger.Level.DEBUG, () -> "face " + f.id() + " added: local=" + f.localUri() + " remote="
        + f.remoteUri() + " " + f.scope() + " " + f.persistency());
    if (done != null) {
      done.complete(f);
    }
  }

  // ----------------------------------------------------------------------------------------------- closing

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("WebSocket faces are closed");
    }
  }

  /**
   * Closes every channel and face (faces send a Close frame; each transport reports closed to the engine, which
   * removes the face) and shuts the event loops down, waiting up to a few seconds. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (WebSocketChannel c : channels) {
      c.close();
    }
    for (Channel ch : outgoing) {
      ch.eventLoop().execute(() -> WebSocketTransport.closeNow(ch, "closed by ndnj"));
    }
    outgoing.close().awaitUninterruptibly();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
