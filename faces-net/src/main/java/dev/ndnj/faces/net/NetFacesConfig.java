package dev.ndnj.faces.net;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * Settings of {@link NetFaces}: what {@link NetFaces#start()} listens on and how faces behave. A mutable holder read
 * by {@link NetFaces} when it is made (and by {@code start()} for the listen lists); setters return {@code this}.
 *
 * <p>Defaults, as NFD's: TCP and UDP on port 6363 of {@code 0.0.0.0} and {@code [::]}; a Unix stream socket at
 * {@link #defaultUnixPath()}; on-demand UDP faces closed after 600 s without a datagram received; UDP MTU 8800;
 * streams accept elements up to {@link TlvFrames#DEFAULT_MAX_FRAME} octets.
 */
public final class NetFacesConfig {
  /** NFD's idle timeout of on-demand UDP faces: 600 s. */
  public static final long DEFAULT_UDP_IDLE_TIMEOUT_MILLIS = 600_000;
  /** UDP MTU by default: the largest NDN packet goes in one datagram (IP may fragment it). */
  public static final int DEFAULT_UDP_MTU = TlvFrames.MAX_NDN_PACKET_SIZE;

  List<InetSocketAddress> tcpListen = wildcards(FaceUris.DEFAULT_PORT);
  List<InetSocketAddress> udpListen = wildcards(FaceUris.DEFAULT_PORT);
  Path unixPath = defaultUnixPath();
  long udpIdleTimeoutMillis = DEFAULT_UDP_IDLE_TIMEOUT_MILLIS;
  int udpMtu = DEFAULT_UDP_MTU;
  int maxFrame = TlvFrames.DEFAULT_MAX_FRAME;
  NettyTransport.QueueLimits queueLimits = NettyTransport.QueueLimits.DEFAULT;
  int ioThreads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  int connectTimeoutMillis = 10_000;
  boolean preferNative = true;

  /** A configuration with the defaults. */
  public NetFacesConfig() {}

  /** {@code 0.0.0.0:port} and {@code [::]:port}. */
  public static List<InetSocketAddress> wildcards(int port) {
    return List.of(new InetSocketAddress("0.0.0.0", port), new InetSocketAddress("::", port));
  }

  /**
   * The Unix socket path used unless configured: {@code $XDG_RUNTIME_DIR/ndnj.sock} when that variable names a
   * directory (a per-user runtime directory), else {@code ndnj-<user>.sock} in {@code java.io.tmpdir}. NDN
   * applications built on ndn-cxx or NDNts look for {@code /run/nfd/nfd.sock} unless told otherwise; a forwarder that
   * replaces NFD on a host sets that path.
   */
  public static Path defaultUnixPath() {
    String xdg = System.getenv("XDG_RUNTIME_DIR");
    if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute() && Path.of(xdg).toFile().isDirectory()) {
      return Path.of(xdg, "ndnj.sock");
    }
    return Path.of(System.getProperty("java.io.tmpdir"), "ndnj-" + System.getProperty("user.name", "user") + ".sock")
        .toAbsolutePath();
  }

  /** TCP listen addresses for {@link NetFaces#start()}; empty for none. */
  public NetFacesConfig tcpListen(List<InetSocketAddress> addresses) {
    tcpListen = List.copyOf(addresses);
    return this;
  }

  /** UDP listen addresses for {@link NetFaces#start()}; empty for none. */
  public NetFacesConfig udpListen(List<InetSocketAddress> addresses) {
    udpListen = List.copyOf(addresses);
    return this;
  }

  /** The Unix stream socket path for {@link NetFaces#start()} (made absolute), or null for none. */
  public NetFacesConfig unixPath(Path path) {
    unixPath = path == null ? null : path.toAbsolutePath();
    return this;
  }

  /** How long an on-demand UDP face lives without receiving a datagram; above 0. */
  public NetFacesConfig udpIdleTimeoutMillis(long millis) {
    if (millis <= 0) {
      throw new IllegalArgumentException("UDP idle timeout must be above 0 ms, got " + millis);
    }
    udpIdleTimeoutMillis = millis;
    return this;
  }

  /**
   * The MTU of UDP faces: larger frames are split into NDNLPv2 fragments by the link service. 8800 by default; 1472
   * (IPv4) or 1452 (IPv6) keeps every datagram within a 1500-octet Ethernet path without IP fragmentation.
   * At least 64 and at most 65507.
   */
  public NetFacesConfig udpMtu(int octets) {
    if (octets < 64 || octets > 65507) {
      throw new IllegalArgumentException("UDP MTU must be in 64..65507, got " + octets);
    }
    udpMtu = octets;
    return this;
  }

  /** Largest element accepted on a stream (header included); a peer sending more is closed. At least 64. */
  public NetFacesConfig maxFrame(int octets) {
    if (octets < 64) {
      throw new IllegalArgumentException("max frame must be >= 64, got " + octets);
    }
    maxFrame = octets;
    return this;
  }

  /** Send and receive queue bounds of every face. */
  public NetFacesConfig queueLimits(NettyTransport.QueueLimits limits) {
    if (limits == null) {
      throw new IllegalArgumentException("queue limits are required");
    }
    queueLimits = limits;
    return this;
  }

  /** Netty I/O threads (the accepting thread is one more); at least 1. */
  public NetFacesConfig ioThreads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("I/O threads must be >= 1, got " + n);
    }
    ioThreads = n;
    return this;
  }

  /** Timeout of outgoing TCP and Unix connections; above 0. */
  public NetFacesConfig connectTimeoutMillis(int millis) {
    if (millis <= 0) {
      throw new IllegalArgumentException("connect timeout must be above 0 ms, got " + millis);
    }
    connectTimeoutMillis = millis;
    return this;
  }

  /**
   * Whether to use Netty's native epoll transport where it loads (Linux; default true). Without it, TCP and UDP run
   * on NIO and Unix stream sockets are not available.
   */
  public NetFacesConfig preferNative(boolean on) {
    preferNative = on;
    return this;
  }
}
