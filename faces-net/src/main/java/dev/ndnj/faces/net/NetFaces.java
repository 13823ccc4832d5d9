package dev.ndnj.faces.net;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.GenericLinkService;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.channel.unix.UnixChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The network faces of one engine: TCP, UDP and Unix stream channels (listeners) and outgoing faces, on Netty event
 * loops of their own. This is what the standalone forwarder calls: {@link #start()} the configured channels,
 * {@link #createFace(String)} for {@code faces/create} and configured neighbours, {@link #close()} at shutdown.
 *
 * <pre>{@code
 * try (Engine engine = JvmEngines.start();
 *      NetFaces net = new NetFaces(engine, new NetFacesConfig().unixPath(Path.of("/run/nfd/nfd.sock")))) {
 *   for (String uri : net.start()) log("listening on " + uri);
 *   Face up = net.createFace("udp4://192.0.2.1:6363").get(10, TimeUnit.SECONDS);
 * }
 * }</pre>
 *
 * <p>Faces (NFD's behaviour):
 * <table>
 *   <caption>face kinds</caption>
 *   <tr><th>kind</th><th>local URI / remote URI</th><th>scope</th><th>persistency</th><th>MTU</th></tr>
 *   <tr><td>TCP</td><td>{@code tcp4://127.0.0.1:6363} / {@code tcp4://127.0.0.1:50312}</td>
 *       <td>local when both ends are loopback</td><td>on-demand (accepted), persistent (created)</td><td>none</td></tr>
 *   <tr><td>UDP</td><td>the channel's {@code udp4://0.0.0.0:6363} / {@code udp4://192.0.2.1:6363}</td>
 *       <td>non-local</td><td>on-demand (first datagram), persistent (created)</td><td>8800 (configurable)</td></tr>
 *   <tr><td>Unix</td><td>{@code unix:///run/ndnj.sock} / {@code fd://23}</td><td>local</td>
 *       <td>on-demand</td><td>none</td></tr>
 * </table>
 * Every face is a {@code GenericLinkService} (NDNLPv2) over a {@link NettyTransport}, added to the engine's face
 * table by a task on the engine's entry point (the face table belongs to the forwarding thread).
 *
 * <p>Threading: every method may be called from any thread. {@link #start()}, the {@code listen*} methods and
 * {@link #close()} wait for sockets, so call them neither on the forwarding thread nor on a Netty event loop;
 * {@link #createFace} never blocks (name resolution and opening a UDP channel happen elsewhere), and its future
 * completes on the forwarding thread, so callbacks on it must not block.
 */
public final class NetFaces implements AutoCloseable {
  static final System.Logger LOG = System.getLogger(NetFaces.class.getName());
  /** setsockopt(IPPROTO_IPV6, IPV6_V6ONLY) on Linux: IPv6 sockets do not take IPv4 traffic, as in NFD. */
  private static final IntegerUnixChannelOption IPV6_V6ONLY = new IntegerUnixChannelOption("IPV6_V6ONLY", 41, 26);

  private final Engine engine;
  private final NetFacesConfig config;
  /** Datagrams a UDP channel reads per system call at most (epoll's recvmmsg). */
  private static final int RECV_DATAGRAMS = 16;
  private final boolean epoll;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final ChannelGroup outgoing;
  private final List<NetChannel> channels = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Network faces for {@code engine}, configured by {@code config} (read now). Starts the event loop threads
   * (daemons named {@code ndnj-net-*}); nothing listens until {@link #start()} or a {@code listen*} call.
   */
  public NetFaces(Engine engine, NetFacesConfig config) {
    if (engine == null || config == null) {
      throw new IllegalArgumentException("engine and config are required");
    }
    this.engine = engine;
    this.config = copy(config);
    this.epoll = config.preferNative && Epoll.isAvailable();
    if (epoll) {
      boss = new EpollEventLoopGroup(1, new DefaultThreadFactory("ndnj-net-accept", true));
      workers = new EpollEventLoopGroup(config.ioThreads, new DefaultThreadFactory("ndnj-net-io", true));
    } else {
      boss = new NioEventLoopGroup(1, new DefaultThreadFactory("ndnj-net-accept", true));
      workers = new NioEventLoopGroup(config.ioThreads, new DefaultThreadFactory("ndnj-net-io", true));
    }
    outgoing = new DefaultChannelGroup(boss.next());
  }

  private static NetFacesConfig copy(NetFacesConfig c) {
    NetFacesConfig n = new NetFacesConfig()
        .tcpListen(c.tcpListen).udpListen(c.udpListen).unixPath(c.unixPath)
        .udpIdleTimeoutMillis(c.udpIdleTimeoutMillis).udpMtu(c.udpMtu).maxFrame(c.maxFrame)
        .queueLimits(c.queueLimits).ioThreads(c.ioThreads).connectTimeoutMillis(c.connectTimeoutMillis)
        .preferNative(c.preferNative);
    return n;
  }

  Engine engine() {
    return engine;
  }

  NetFacesConfig config() {
    return config;
  }

  EventExecutor bossExecutor() {
    return boss.next();
  }

  /**
   * The I/O event loops (epoll when {@link #isNative()}, else NIO), for another Netty server of the same process
   * (WebSocket) to share. Shut down by {@link #close()}.
   */
  public EventLoopGroup ioGroup() {
    return workers;
  }

  /** The accepting event loop (one thread), to share like {@link #ioGroup()}. */
  public EventLoopGroup acceptGroup() {
    return boss;
  }

  /** Whether the native epoll transport is in use (else NIO, and no Unix sockets). */
  public boolean isNative() {
    return epoll;
  }

  /** The channels listening now, in the order they started. */
  public List<NetChannel> channels() {
    List<NetChannel> open = new ArrayList<>();
    for (NetChannel c : channels) {
      if (c.isOpen()) {
        open.add(c);
      }
    }
    return open;
  }

  // ------------------------------------------------------------------------------------------------- channels

  /**
   * Starts the channels of the configuration (TCP, then UDP, then Unix) and returns their local URIs, one per
   * channel, for the log. Without the native transport, an IPv4 and an IPv6 wildcard on the same port are served by
   * one dual-stack IPv6 socket (NIO cannot make an IPv6-only socket). On a failure the channels already started are
   * closed.
   *
   * @throws UncheckedIOException if a socket cannot be bound (address in use, permission, a live Unix socket)
   */
  public List<String> start() {
    List<NetChannel> started = new ArrayList<>();
    try {
      for (InetSocketAddress a : effective(config.tcpListen)) {
        started.add(listenTcp(a));
      }
      for (InetSocketAddress a : effective(config.udpListen)) {
        started.add(listenUdp(a));
      }
      if (config.unixPath != null) {
        started.add(listenUnix(config.unixPath));
      }
    } catch (RuntimeException e) {
      for (NetChannel c : started) {
        c.close();
      }
      throw e;
    }
    List<String> uris = new ArrayList<>();
    for (NetChannel c : started) {
      uris.add(c.localUri());
    }
    return uris;
  }

  private List<InetSocketAddress> effective(List<InetSocketAddress> addrs) {
    return effectiveListenAddresses(addrs, epoll);
  }

  /**
   * The addresses to bind of {@code addrs}: without epoll (NIO), an IPv4 wildcard that a dual-stack IPv6 wildcard on
   * the same port covers is dropped, since binding both fails there. Shared with the WebSocket channels.
   */
  public static List<InetSocketAddress> effectiveListenAddresses(List<InetSocketAddress> addrs, boolean epoll) {
    if (epoll) {
      return addrs;
    }
    List<InetSocketAddress> out = new ArrayList<>();
    for (InetSocketAddress a : addrs) {
      boolean coveredByV6 = a.getAddress().isAnyLocalAddress() && !(a.getAddress() instanceof Inet6Address)
          && addrs.stream().anyMatch(b -> b.getAddress() instanceof Inet6Address && b.getAddress().isAnyLocalAddress()
              && b.getPort() == a.getPort());
      if (!coveredByV6) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * Listens for TCP connections on {@code address} (port 0: an ephemeral port, see the channel's URI).
   *
   * @throws UncheckedIOException if the address cannot be bound
   */
  public NetChannel listenTcp(InetSocketAddress address) {
    checkOpen();
    StreamChannel ch = new StreamChannel(this, null);
    ServerBootstrap b = serverBootstrap(boss, workers, address, epoll).childHandler(ch.childInitializer());
    Channel server = bind(b.bind(address), "tcp", address);
    ch.bound(server);
    channels.add(ch);
    server.config().setAutoRead(true);
    return ch;
  }

  /**
   * Opens a UDP channel on {@code address} (port 0: an ephemeral port).
   *
   * @throws UncheckedIOException if the address cannot be bound
   */
  public NetChannel listenUdp(InetSocketAddress address) {
    checkOpen();
    UdpChannel ch = new UdpChannel(this);
    InternetProtocolFamily family = familyOf(address);
    Bootstrap b = new Bootstrap().group(workers)
        .channelFactory((ChannelFactory<Channel>) () ->
            epoll ? new EpollDatagramChannel(family) : new NioDatagramChannel(family))
        .option(ChannelOption.AUTO_READ, false)
        .handler(ch.handler());
    if (epoll) {
      // recvmmsg: up to RECV_DATAGRAMS datagrams per system call when several are waiting, each in a slot one
      // octet larger than the largest accepted, so an oversized datagram is still seen as such (and dropped)
      b.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, ch.maxDatagram() + 1)
          .option(ChannelOption.RCVBUF_ALLOCATOR,
              new FixedRecvByteBufAllocator((ch.maxDatagram() + 1) * RECV_DATAGRAMS));
    } else {
      b.option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(ch.maxDatagram() + 1));
    }
    boolean v6 = family == InternetProtocolFamily.IPv6;
    if (epoll && v6) {
      b.option(IPV6_V6ONLY, 1);
    }
    Channel socket = bind(b.bind(address), "udp", address);
    ch.bound(socket, !epoll && v6 && address.getAddress().isAnyLocalAddress());
    channels.add(ch);
    socket.config().setAutoRead(true);
    return ch;
  }

  /**
   * Listens on a Unix stream socket at {@code path} (parent directories are made). A socket file left by a process
   * that is gone is removed first; one that still accepts connections belongs to a running forwarder and is an
   * error. The file is deleted when the channel closes.
   *
   * @throws UnsupportedOperationException without the native transport
   * @throws UncheckedIOException if the path is in use or cannot be bound
   */
  public NetChannel listenUnix(Path path) {
    checkOpen();
    requireNative();
    Path abs = path.toAbsolutePath();
    removeStaleSocket(abs);
    StreamChannel ch = new StreamChannel(this, abs);
    ServerBootstrap b = new ServerBootstrap().group(boss, workers)
        .channel(EpollServerDomainSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 128)
        .option(ChannelOption.AUTO_READ, false)
        .childHandler(ch.childInitializer());
    Channel server = bind(b.bind(new DomainSocketAddress(abs.toString())), "unix", abs);
    ch.bound(server);
    channels.add(ch);
    server.config().setAutoRead(true);
    return ch;
  }

  /**
   * The socket family for an address: an IPv4 address gets an IPv4 socket (the native transport would otherwise bind
   * {@code 0.0.0.0} as a dual-stack {@code [::]}), an IPv6 one an IPv6 socket.
   */
  /**
   * A TCP server bootstrap for {@code address} as every ndnj stream channel wants it (TCP here, WebSocket in
   * faces-websocket): a socket of the address's own family, so {@code 0.0.0.0} and {@code [::]} are two channels as
   * in NFD (IPv6 sockets IPV6_V6ONLY with epoll), SO_REUSEADDR, TCP_NODELAY, and AUTO_READ off until the caller has
   * recorded the bound channel. The caller adds its child handler and binds.
   */
  public static ServerBootstrap serverBootstrap(EventLoopGroup boss, EventLoopGroup workers,
      InetSocketAddress address, boolean epoll) {
    InternetProtocolFamily family = familyOf(address);
    ServerBootstrap b = new ServerBootstrap().group(boss, workers)
        .channelFactory((ChannelFactory<ServerChannel>) () ->
            epoll ? new EpollServerSocketChannel(family) : new NioServerSocketChannel())
        .option(ChannelOption.SO_REUSEADDR, true)
        .option(ChannelOption.SO_BACKLOG, 128)
        .option(ChannelOption.AUTO_READ, false) // accept only once the channel knows its address
        .childOption(ChannelOption.TCP_NODELAY, true);
    if (epoll && family == InternetProtocolFamily.IPv6) {
      b.option(IPV6_V6ONLY, 1);
    }
    return b;
  }

  private static InternetProtocolFamily familyOf(InetSocketAddress a) {
    return FaceUris.normalize(a.getAddress()) instanceof Inet6Address
        ? InternetProtocolFamily.IPv6 : InternetProtocolFamily.IPv4;
  }

  private static void removeStaleSocket(Path path) {
    try {
      Files.createDirectories(path.getParent());
      if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      int mode = (Integer) Files.getAttribute(path, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS);
      if ((mode & 0170000) != 0140000) {
        throw new IOException(path + " exists and is not a socket");
      }
      try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        probe.connect(UnixDomainSocketAddress.of(path));
      } catch (IOException refused) {
        Files.deleteIfExists(path); // nobody accepts on it: left over by a process that is gone
        LOG.log(System.Logger.Level.INFO, "removed stale socket " + path);
        return;
      }
      throw new IOException(path + " is in use by another process");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + FaceUris.unix(path.toString()) + ": " + e.getMessage(), e);
    }
  }

  private static Channel bind(ChannelFuture f, String proto, Object address) {
    f.awaitUninterruptibly();
    if (!f.isSuccess()) {
      Throwable c = f.cause();
      IOException io = c instanceof IOException ? (IOException) c : new IOException(c);
      throw new UncheckedIOException("cannot listen on " + proto + " " + address + ": " + c.getMessage(), io);
    }
    return f.channel();
  }

  // ------------------------------------------------------------------------------------------- outgoing faces

  /** {@link #createFace(String, FacePersistency)} with persistency persistent, as NFD's faces/create default. */
  public CompletableFuture<Face> createFace(String faceUri) {
    return createFace(faceUri, FacePersistency.PERSISTENT);
  }

  /**
   * Creates a face to {@code faceUri}: {@code tcp4://host:port}, {@code tcp6://[addr]:port} (a new connection),
   * {@code udp4://…}, {@code udp6://…} (an endpoint on a UDP channel of that IP version, opened on an ephemeral port
   * if none was started; an existing face to the endpoint is returned, raised from on-demand to
   * {@code persistency}), or {@code unix:///path} (a connection to a local forwarder; not in NFD). {@code tcp://} and
   * {@code udp://} take the first address of the name. The port defaults to 6363.
   *
   * @return completes with the face once it is in the engine's face table (on the forwarding thread), or with the
   *     connect or resolution failure
   * @throws IllegalArgumentException if the URI is not one of those
   */
  public CompletableFuture<Face> createFace(String faceUri, FacePersistency persistency) {
    FaceUris.Parsed p = FaceUris.parse(faceUri);
    if (persistency == null) {
      throw new IllegalArgumentException("persistency is required");
    }
    if (closed.get()) {
      return CompletableFuture.failedFuture(new IllegalStateException("network faces are closed"));
    }
    if (p.protocol().equals("unix")) {
      if (!epoll) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(nativeMissing()));
      }
      return connectStream(new DomainSocketAddress(p.path()), null, persistency);
    }
    CompletableFuture<InetSocketAddress> resolved;
    if (p.hasAddressLiteral()) {
      try {
        resolved = CompletableFuture.completedFuture(FaceUris.resolve(p));
      } catch (UnknownHostException e) {
        return CompletableFuture.failedFuture(e);
      }
    } else {
      resolved = CompletableFuture.supplyAsync(() -> {
        try {
          return FaceUris.resolve(p);
        } catch (UnknownHostException e) {
          throw new java.util.concurrent.CompletionException(e);
        }
      }); // the common pool: name resolution blocks, and must not hold an event loop
    }
    if (p.protocol().equals("tcp")) {
      return resolved.thenCompose(a -> connectStream(a, a, persistency));
    }
    return resolved.thenCompose(a -> {
      UdpChannel ch = findUdpChannel(a);
      if (ch != null) {
        return ch.connect(a, persistency);
      }
      // binding blocks: not on the caller's thread, which may be an event loop or the forwarding thread
      return CompletableFuture.supplyAsync(() -> udpChannelFor(a)).thenCompose(c -> c.connect(a, persistency));
    });
  }

  private UdpChannel findUdpChannel(InetSocketAddress remote) {
    int version = remote.getAddress() instanceof Inet6Address ? 6 : 4;
    for (NetChannel c : channels) {
      if (c instanceof UdpChannel && c.isOpen() && ((UdpChannel) c).serves(version)) {
        return (UdpChannel) c;
      }
    }
    return null;
  }

  /** A UDP channel for faces to {@code remote}'s IP version, opened on the wildcard address if there is none. */
  private UdpChannel udpChannelFor(InetSocketAddress remote) {
    synchronized (channels) {
      UdpChannel ch = findUdpChannel(remote);
      if (ch != null) {
        return ch;
      }
      String any = remote.getAddress() instanceof Inet6Address ? "::" : "0.0.0.0";
      return (UdpChannel) listenUdp(new InetSocketAddress(any, 0));
    }
  }

  /** Connects a TCP ({@code inet} set) or Unix stream and makes a face of it. */
  private CompletableFuture<Face> connectStream(java.net.SocketAddress to, InetSocketAddress inet,
      FacePersistency persistency) {
    CompletableFuture<Face> done = new CompletableFuture<>();
    InternetProtocolFamily family = inet == null ? null : familyOf(inet);
    Bootstrap b = new Bootstrap().group(workers)
        .channelFactory((ChannelFactory<Channel>) () -> inet == null ? new EpollDomainSocketChannel()
            : epoll ? new EpollSocketChannel(family) : new NioSocketChannel())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, config.connectTimeoutMillis)
        .handler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new TlvFrameDecoder(config.maxFrame, true));
          }
        });
    if (inet != null) {
      b.option(ChannelOption.TCP_NODELAY, true);
    }
    b.connect(to).addListener((ChannelFuture f) -> {
      if (!f.isSuccess()) {
        done.completeExceptionally(f.cause());
        return;
      }
      Channel ch = f.channel();
      if (closed.get()) {
        ch.close();
        done.completeExceptionally(new IllegalStateException("network faces are closed"));
        return;
      }
      outgoing.add(ch);
      StreamTransport t;
      if (inet != null) {
        InetSocketAddress local = FaceUris.normalize((InetSocketAddress) ch.localAddress());
        InetSocketAddress remote = FaceUris.normalize((InetSocketAddress) ch.remoteAddress());
        t = tcpTransport(this, ch, local, remote, persistency, null);
      } else {
        t = new StreamTransport(ch, engine.tasks(), FaceScope.LOCAL, persistency,
            FaceUris.fd(((UnixChannel) ch).fd().intValue()), FaceUris.unix(((DomainSocketAddress) to).path()),
            config.queueLimits, null);
      }
      ch.pipeline().addLast(t.inboundHandler()); // before channelActive, so before any read
      addFace(t, done);
    });
    return done;
  }

  /** A TCP face's transport: local scope when both ends are loopback, as NFD. */
  static StreamTransport tcpTransport(NetFaces nf, Channel ch, InetSocketAddress local, InetSocketAddress remote,
      FacePersistency persistency, AtomicLong framingErrors) {
    FaceScope scope = isLoopback(local.getAddress()) && isLoopback(remote.getAddress())
        ? FaceScope.LOCAL : FaceScope.NON_LOCAL;
    return new StreamTransport(ch, nf.engine.tasks(), scope, persistency, FaceUris.ip("tcp", local),
        FaceUris.ip("tcp", remote), nf.config.queueLimits, framingErrors);
  }

  private static boolean isLoopback(InetAddress a) {
    return FaceUris.normalize(a).isLoopbackAddress();
  }

  // ------------------------------------------------------------------------------------------ adding faces

  /**
   * Makes a face of {@code t} (a {@link GenericLinkService} with the default options over it) and adds it to
   * {@code engine}'s face table, by a task on the engine's entry point: how a transport made on a Netty thread (an
   * accepted connection, a WebSocket upgrade) becomes a face. Any thread.
   *
   * @return completes on the forwarding thread with the face once it is in the table; fails if the transport closed
   *     before that or the engine has stopped (the channel is then closed)
   */
  public static CompletableFuture<Face> addFace(Engine engine, NettyTransport t) {
    CompletableFuture<Face> done = new CompletableFuture<>();
    addFace(engine, t, done);
    return done;
  }

  /** {@link #addFace(Engine, NettyTransport)} for this engine; {@code done} may be null. */
  void addFace(NettyTransport t, CompletableFuture<Face> done) {
    addFace(engine, t, done);
  }

  private static void addFace(Engine engine, NettyTransport t, CompletableFuture<Face> done) {
    if (!engine.execute(() -> addFaceNow(engine, t, done))) {
      t.channel().close();
      if (done != null) {
        done.completeExceptionally(new IllegalStateException("the engine is closed"));
      }
    }
  }

  /** {@link #addFace} on the forwarding thread. */
  void addFaceNow(NettyTransport t, CompletableFuture<Face> done) {
    addFaceNow(engine, t, done);
  }

  private static void addFaceNow(Engine engine, NettyTransport t, CompletableFuture<Face> done) {
    if (t.isClosed()) {
      if (done != null) {
        done.completeExceptionally(new IOException(t.remoteUri() + " closed before its face was added"));
      }
      return;
    }
    Face f = new Face(new GenericLinkService(
        new GenericLinkService.Options(engine.clock(), engine.scheduler(), engine.random())), t);
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
      throw new IllegalStateException("network faces are closed");
    }
  }

  private void requireNative() {
    if (!epoll) {
      throw new UnsupportedOperationException(nativeMissing());
    }
  }

  private String nativeMissing() {
    return "Unix stream faces need Netty's native epoll transport"
        + (config.preferNative ? ": " + Epoll.unavailabilityCause() : " (disabled by configuration)");
  }

  /**
   * Closes every channel and face (each face's transport reports closed to the engine, which removes it), deletes
   * the Unix socket files, and shuts the event loops down, waiting up to a few seconds. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (NetChannel c : channels) {
      c.close();
    }
    outgoing.close().awaitUninterruptibly();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
