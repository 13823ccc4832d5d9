package dev.ndnj.faces.websocket;

import dev.ndnj.faces.net.NetFacesConfig;
import dev.ndnj.faces.net.NettyTransport;
import dev.ndnj.faces.net.TlvFrames;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of {@link WebSocketFaces}: what {@link WebSocketFaces#start()} listens on, TLS, keepalive, the Origin
 * allow-list, the HTTP handler and how client faces trust servers. A mutable holder copied by {@link WebSocketFaces}
 * when it is made; setters return {@code this} and check their argument ({@link IllegalArgumentException}).
 *
 * <p>Defaults, as NFD's {@code face_system.websocket} section and its {@code WebSocketChannel}: port 9696 on
 * {@code 0.0.0.0} and {@code [::]}; a ping after 10 s without hearing from the peer, and the peer closed when no pong
 * comes within 5 s (websocketpp's {@code timeout_pong}); no TLS. Beyond NFD: messages larger than 8800 octets are
 * dropped, Origins are checked (see {@link #allowedOrigins}), and requests that are not WebSocket upgrades go to an
 * {@link HttpRequestHandler} (404 by default).
 */
public final class WebSocketFacesConfig {
  /** NFD's WebSocket port. */
  public static final int DEFAULT_PORT = 9696;
  /** NFD's ping interval ({@code WebSocketChannel::m_pingInterval}). */
  public static final long DEFAULT_PING_INTERVAL_MILLIS = 10_000;
  /** websocketpp's default pong timeout, which NFD keeps. */
  public static final long DEFAULT_PONG_TIMEOUT_MILLIS = 5_000;
  /** The largest message accepted: one largest NDN packet. */
  public static final int DEFAULT_MAX_MESSAGE_SIZE = TlvFrames.MAX_NDN_PACKET_SIZE;

  List<InetSocketAddress> listen = NetFacesConfig.wildcards(DEFAULT_PORT);
  Path tlsCertificateChain;
  Path tlsPrivateKey;
  String tlsKeyPassword;
  long pingIntervalMillis = DEFAULT_PING_INTERVAL_MILLIS;
  long pongTimeoutMillis = DEFAULT_PONG_TIMEOUT_MILLIS;
  int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
  List<String> allowedOrigins = List.of();
  HttpRequestHandler httpHandler = HttpRequestHandler.NOT_FOUND;
  Path clientTrustedCertificates;
  NettyTransport.QueueLimits queueLimits = NettyTransport.QueueLimits.DEFAULT;
  int ioThreads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  int connectTimeoutMillis = 10_000;
  boolean preferNative = true;

  /** A configuration with the defaults. */
  public WebSocketFacesConfig() {}

  WebSocketFacesConfig copy() {
    WebSocketFacesConfig c = new WebSocketFacesConfig();
    c.listen = listen;
    c.tlsCertificateChain = tlsCertificateChain;
    c.tlsPrivateKey = tlsPrivateKey;
    c.tlsKeyPassword = tlsKeyPassword;
    c.pingIntervalMillis = pingIntervalMillis;
    c.pongTimeoutMillis = pongTimeoutMillis;
    c.maxMessageSize = maxMessageSize;
    c.allowedOrigins = allowedOrigins;
    c.httpHandler = httpHandler;
    c.clientTrustedCertificates = clientTrustedCertificates;
    c.queueLimits = queueLimits;
    c.ioThreads = ioThreads;
    c.connectTimeoutMillis = connectTimeoutMillis;
    c.preferNative = preferNative;
    return c;
  }

  /**
   * Addresses {@link WebSocketFaces#start()} listens on; empty for none.
   * Default {@code 0.0.0.0:9696} and {@code [::]:9696}.
   */
  public WebSocketFacesConfig listen(List<InetSocketAddress> addresses) {
    if (addresses == null) {
      throw new IllegalArgumentException("listen addresses are required (empty for none)");
    }
    listen = List.copyOf(addresses);
    return this;
  }

  /**
   * Serve {@code wss} (and {@code https}) with this certificate chain and private key, PEM files read when
   * {@link WebSocketFaces} is made. The key must be PKCS#8 ({@code BEGIN PRIVATE KEY}, or
   * {@code BEGIN ENCRYPTED PRIVATE KEY} with {@code keyPassword}); {@code openssl pkcs8 -topk8} converts others.
   * {@code null} certificate chain: plain {@code ws} (the default).
   *
   * @param keyPassword the password of an encrypted key, or null
   */
  public WebSocketFacesConfig tls(Path certificateChainPem, Path privateKeyPem, String keyPassword) {
    if ((certificateChainPem == null) != (privateKeyPem == null)) {
      throw new IllegalArgumentException("TLS needs both a certificate chain and a private key (or neither)");
    }
    tlsCertificateChain = certificateChainPem;
    tlsPrivateKey = privateKeyPem;
    tlsKeyPassword = keyPassword;
    return this;
  }

  /** {@link #tls(Path, Path, String)} with an unencrypted key. */
  public WebSocketFacesConfig tls(Path certificateChainPem, Path privateKeyPem) {
    return tls(certificateChainPem, privateKeyPem, null);
  }

  /**
   * How long a connection may stay silent (nothing received from the peer) before it is pinged; above 0. Also used
   * by client faces to check on their server.
   */
  public WebSocketFacesConfig pingIntervalMillis(long millis) {
    if (millis <= 0) {
      throw new IllegalArgumentException("ping interval must be above 0 ms, got " + millis);
    }
    pingIntervalMillis = millis;
    return this;
  }

  /** How long a pinged peer has to answer with a pong before its connection and face are closed; above 0. */
  public WebSocketFacesConfig pongTimeoutMillis(long millis) {
    if (millis <= 0) {
      throw new IllegalArgumentException("pong timeout must be above 0 ms, got " + millis);
    }
    pongTimeoutMillis = millis;
    return this;
  }

  /**
   * Largest message accepted, in octets (one TLV element per binary message): larger messages are dropped and
   * counted ({@code OVERSIZED}) and the connection stays up; also the faces' MTU, so larger packets are not sent.
   * 64 to 65536.
   */
  public WebSocketFacesConfig maxMessageSize(int octets) {
    if (octets < 64 || octets > 65536) {
      throw new IllegalArgumentException("max message size must be in 64..65536, got " + octets);
    }
    maxMessageSize = octets;
    return this;
  }

  /**
   * Origins allowed to open WebSocket connections besides those always allowed: requests without an Origin header
   * (non-browser clients), pages from the host the request was addressed to (the Origin's host equals the Host
   * header's), and pages from {@code localhost}, {@code 127.0.0.1} or {@code [::1]}. Each entry is an exact origin,
   * {@code scheme://host[:port]} (the port defaults to the scheme's), {@code null} (the literal Origin of local files
   * and sandboxed frames), or {@code *} for any. A disallowed Origin gets HTTP 403 and no face.
   */
  public WebSocketFacesConfig allowedOrigins(List<String> origins) {
    if (origins == null) {
      throw new IllegalArgumentException("allowed origins are required (empty for the defaults)");
    }
    List<String> checked = new ArrayList<>();
    for (String o : origins) {
      checked.add(OriginPolicy.normalizeEntry(o));
    }
    allowedOrigins = List.copyOf(checked);
    return this;
  }

  /** Answers HTTP requests that are not WebSocket upgrades (default: {@link HttpRequestHandler#NOT_FOUND}). */
  public WebSocketFacesConfig httpHandler(HttpRequestHandler handler) {
    if (handler == null) {
      throw new IllegalArgumentException("HTTP handler is required");
    }
    httpHandler = handler;
    return this;
  }

  /**
   * Certificates (PEM) that client faces trust for {@code wss://} servers, instead of the JDK's default trust store;
   * null for the default. Host names are verified either way.
   */
  public WebSocketFacesConfig clientTrustedCertificates(Path pem) {
    clientTrustedCertificates = pem;
    return this;
  }

  /** Send and receive queue bounds of every face. */
  public WebSocketFacesConfig queueLimits(NettyTransport.QueueLimits limits) {
    if (limits == null) {
      throw new IllegalArgumentException("queue limits are required");
    }
    queueLimits = limits;
    return this;
  }

  /** Netty I/O threads (the accepting thread is one more); at least 1. */
  public WebSocketFacesConfig ioThreads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("I/O threads must be >= 1, got " + n);
    }
    ioThreads = n;
    return this;
  }

  /** Timeout of a client face's TCP connection, and again of its TLS and WebSocket handshakes; above 0. */
  public WebSocketFacesConfig connectTimeoutMillis(int millis) {
    if (millis <= 0) {
      throw new IllegalArgumentException("connect timeout must be above 0 ms, got " + millis);
    }
    connectTimeoutMillis = millis;
    return this;
  }

  /** Whether to use Netty's native epoll transport where it loads (default true); else NIO. */
  public WebSocketFacesConfig preferNative(boolean on) {
    preferNative = on;
    return this;
  }
}
