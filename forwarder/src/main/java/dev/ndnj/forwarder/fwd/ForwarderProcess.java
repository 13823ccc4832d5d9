package dev.ndnj.forwarder.fwd;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.app.AppFace;
import dev.ndnj.engine.fw.ForwarderConfig;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.engine.jvm.JvmEngines;
import dev.ndnj.faces.net.NetChannel;
import dev.ndnj.faces.net.NetFaces;
import dev.ndnj.faces.net.NetFacesConfig;
import dev.ndnj.faces.websocket.WebSocketChannel;
import dev.ndnj.faces.websocket.WebSocketFaces;
import dev.ndnj.faces.websocket.WebSocketFacesConfig;
import dev.ndnj.forwarder.mgmt.CommandAuthorizer;
import dev.ndnj.forwarder.mgmt.FaceCreateRequest;
import dev.ndnj.forwarder.mgmt.FaceCreationException;
import dev.ndnj.forwarder.mgmt.FaceCreator;
import dev.ndnj.forwarder.mgmt.ManagementConfig;
import dev.ndnj.forwarder.mgmt.ManagementDispatcher;
import dev.ndnj.forwarder.web.DemoFiles;
import dev.ndnj.forwarder.web.StaticSite;
import dev.ndnj.tlv.mgmt.RouteFlags;
import dev.ndnj.tlv.mgmt.RouteOrigin;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One running forwarder: an engine (Caffeine Content Store), NFD management on it, the network channels (TCP, UDP,
 * Unix) and the WebSocket channels, and, unless {@link FwdConfig#demo(boolean)} turned it off, the browser demo (its
 * pages over HTTP on the WebSocket port, its files under {@code /ndnj/demo}), logging channels, the demo's URL and
 * face up/down to a {@link FwdLog}. {@code ndnj fwd} runs one;
 * tests run several in one JVM (give each its own ports and Unix path).
 *
 * <p>{@link #start()} and {@link #close()} block; call them from an ordinary thread (not the forwarding thread nor a
 * Netty event loop).
 */
public final class ForwarderProcess implements AutoCloseable {
  private static final long STEP_TIMEOUT_SECONDS = 10;

  private final FwdConfig config;
  private final FwdLog log;
  private final List<String> channelUris = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean closed = new AtomicBoolean();
  private Engine engine;
  private ManagementDispatcher mgmt;
  private NetFaces net;
  private WebSocketFaces ws;
  private FaceTable.Listener faceLogger;
  private AppFace demoFace;
  private volatile String demoUrl;

  /** A forwarder with {@code config} (read by {@link #start()}) logging to {@code log}. */
  public ForwarderProcess(FwdConfig config, FwdLog log) {
    this.config = config;
    this.log = log;
  }

  /**
   * Starts the engine, management, then the channels (TCP, UDP, Unix, WebSocket), logging one line per channel. On a
   * failure everything already started is closed and the exception is thrown.
   *
   * @return this
   * @throws java.io.UncheckedIOException if a channel cannot listen (port in use, a live Unix socket)
   */
  public ForwarderProcess start() throws InterruptedException {
    try {
      engine = JvmEngines.start(new ForwarderConfig(), config.csCapacityBytes);
      List<InetSocketAddress> tcp = addresses(config.tcpPort);
      List<InetSocketAddress> udp = addresses(config.udpPort);
      List<InetSocketAddress> wsListen = addresses(config.wsPort);
      net = new NetFaces(engine, new NetFacesConfig().tcpListen(tcp).udpListen(udp).unixPath(config.unixPath));
      // WebSocketFaces has no constructor taking event loop groups, so it runs its own (daemon) threads.
      WebSocketFacesConfig wsConfig = new WebSocketFacesConfig().listen(wsListen);
      StaticSite site = config.demo ? StaticSite.demo() : null;
      if (site != null) {
        wsConfig.httpHandler(site);
      }
      ws = new WebSocketFaces(engine, wsConfig);

      faceLogger = new FaceTable.Listener() {
        @Override
        public void faceAdded(Face face) {
          log.info("face up: id=" + face.id() + " remote=" + face.remoteUri() + " local=" + face.localUri());
        }

        @Override
        public void faceRemoved(Face face) {
          log.info("face down: id=" + face.id() + " remote=" + face.remoteUri() + " local=" + face.localUri());
        }
      };
      CommandAuthorizer authorizer;
      try {
        authorizer = config.commandAuthorizer(
            () -> dev.ndnj.security.CertificateFetcher.over(engine.newAppFace().consumer(), 1));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot read a management trust anchor: " + e.getMessage(), e);
      }
      CompletableFuture<ManagementDispatcher> started = new CompletableFuture<>();
      engine.execute(() -> {
        try {
          engine.forwarder().faceTable().addListener(faceLogger);
          started.complete(ManagementDispatcher.builder(engine)
              .config(new ManagementConfig().localhopEnabled(config.localhop))
              .authorizer(authorizer)
              .faceCreator(this::createFace)
              .channels(this::listeningUris)
              .start());
        } catch (RuntimeException e) {
          started.completeExceptionally(e);
        }
      });
      mgmt = await(started);
      if (config.demo) {
        await(startDemoProducer());
      }

      for (String uri : net.start()) {
        channel(uri);
      }
      for (String uri : ws.start()) {
        channel(uri);
      }
      if (site != null) {
        logDemo(site);
      }
      log.info("forwarder started (cs capacity " + config.csCapacityBytes + " bytes)");
      return this;
    } catch (RuntimeException | InterruptedException e) {
      close();
      throw e;
    }
  }

  /**
   * The demo's producer: an application face answering {@code /ndnj/demo} with {@link DemoFiles}, routed there by
   * a RIB route (origin app, CHILD_INHERIT), so {@code rib/list} and {@code fib/list} show it.
   */
  private CompletableFuture<Void> startDemoProducer() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    DemoFiles files = new DemoFiles();
    engine.execute(() -> {
      try {
        demoFace = engine.newAppFace();
        demoFace.producer().produce(DemoFiles.PREFIX, files);
        demoFace.producer().produce(DemoFiles.PREFIX.append("status"), this::demoStatus);
        mgmt.rib().register(DemoFiles.PREFIX, demoFace.face().id(), RouteOrigin.APP, 0, RouteFlags.CHILD_INHERIT,
            -1);
        done.complete(null);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
    return done;
  }

  /**
   * {@code /ndnj/demo/status/<anything>}: what the demo page shows about this forwarder, as JSON (FreshnessPeriod
   * 10 ms, so a MustBeFresh poll is answered and a cached copy soon goes stale): how many WebSocket faces (browser
   * connections) it has, its face count and CS hits.
   */
  private void demoStatus(dev.ndnj.tlv.Interest interest, dev.ndnj.engine.app.Responder r) {
    int webSockets = 0;
    for (dev.ndnj.engine.face.Face f : engine.forwarder().faceTable().faces()) {
      String remote = f.remoteUri();
      if (remote.startsWith(dev.ndnj.faces.websocket.WsUris.CLIENT_SCHEME + "://")) {
        webSockets++;
      }
    }
    String json = "{\"webSocketFaces\":" + webSockets + ",\"faces\":" + engine.forwarder().faceTable().size()
        + ",\"csHits\":" + engine.forwarder().counters().csHits() + "}";
    r.data(dev.ndnj.tlv.Data.builder(interest.name()).freshnessPeriod(10)
        .content(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)).signWithDigestSha256());
  }

  private void logDemo(StaticSite site) {
    String url = null;
    for (WebSocketChannel c : ws.channels()) {
      url = httpUrl(c.localUri());
      if (url != null) {
        break;
      }
    }
    demoUrl = url;
    if (url == null) {
      log.info("demo: not served over HTTP (no WebSocket channel); files under " + DemoFiles.FILE_PREFIX);
    } else if (!site.hasIndex()) {
      log.info("demo: " + url + " (the demo's pages are not on the class path: every page is 404)");
    } else {
      log.info("demo: " + url);
    }
  }

  /** {@code ws://0.0.0.0:9696} to {@code http://localhost:9696/}; null if not a ws or wss URI. */
  static String httpUrl(String wsUri) {
    String scheme;
    if (wsUri.startsWith("ws://")) {
      scheme = "http://";
    } else if (wsUri.startsWith("wss://")) {
      scheme = "https://";
    } else {
      return null;
    }
    String authority = wsUri.substring(wsUri.indexOf("://") + 3);
    int slash = authority.indexOf('/');
    if (slash >= 0) {
      authority = authority.substring(0, slash);
    }
    int colon = authority.lastIndexOf(':');
    if (colon < 0 || authority.endsWith("]")) {
      return null;
    }
    String host = authority.substring(0, colon);
    if (host.equals("0.0.0.0") || host.equals("[::]")) {
      host = "localhost";
    }
    return scheme + host + authority.substring(colon) + "/";
  }

  private void channel(String uri) {
    channelUris.add(uri);
    log.info("channel: " + uri);
  }

  private List<InetSocketAddress> addresses(int port) {
    if (port < 0) {
      return List.of();
    }
    if (config.bind == null) {
      return NetFacesConfig.wildcards(port);
    }
    try {
      return List.of(new InetSocketAddress(InetAddress.getByName(config.bind), port));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("cannot resolve bind address " + config.bind, e);
    }
  }

  /** The local URIs of the channels listening now (forwarding thread, for faces/channels). */
  private List<String> listeningUris() {
    List<String> uris = new ArrayList<>();
    for (NetChannel c : net.channels()) {
      uris.add(c.localUri());
    }
    for (WebSocketChannel c : ws.channels()) {
      uris.add(c.localUri());
    }
    return uris;
  }

  /** faces/create: ws and wss go to the WebSocket client, the rest to the network faces. Never blocks. */
  private CompletionStage<Face> createFace(FaceCreateRequest request) {
    String scheme = request.scheme();
    try {
      if (scheme.equals("ws") || scheme.equals("wss")) {
        return ws.createFace(request.remoteUri(), request.persistency());
      }
      return switch (scheme) {
        case "tcp", "tcp4", "tcp6", "udp", "udp4", "udp6", "unix" ->
            net.createFace(request.remoteUri(), request.persistency());
        default -> CompletableFuture.failedFuture(new FaceCreationException(406, "Unsupported protocol"));
      };
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new FaceCreationException(400, "Non-canonical remote URI", e));
    }
  }

  /** The channels' local URIs in the order they started ({@code tcp4://0.0.0.0:6363}, ...). */
  public List<String> channelUris() {
    synchronized (channelUris) {
      return List.copyOf(channelUris);
    }
  }

  /**
   * The URL the demo's pages are served at ({@code http://localhost:9696/}), or null when the demo is off or there is
   * no WebSocket channel.
   */
  public String demoUrl() {
    return demoUrl;
  }

  /** The engine (null before {@link #start()}). */
  public Engine engine() {
    return engine;
  }

  /**
   * The listening channels (network, then WebSocket), for their counters ({@link NetChannel#framingErrors()}: peers
   * given up for bad framing, garbage datagrams from unknown UDP endpoints). Empty before {@link #start()}.
   */
  public List<NetChannel> channels() {
    List<NetChannel> all = new ArrayList<>();
    if (net != null) {
      all.addAll(net.channels());
    }
    if (ws != null) {
      all.addAll(ws.channels());
    }
    return all;
  }

  /** Management (null before {@link #start()}). */
  public ManagementDispatcher management() {
    return mgmt;
  }

  /**
   * Reports a face going down or coming back (a transport that reconnects) on management's faces/events; creation
   * and removal are reported by the face table. Any thread.
   */
  public void faceStateChanged(Face face, boolean up) {
    ManagementDispatcher m = mgmt;
    if (m != null && engine != null) {
      engine.execute(() -> m.faceStateChanged(face, up));
    }
  }

  /** Closes the channels and their faces, then management, then the engine. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (ws != null) {
      ws.close();
    }
    if (net != null) {
      net.close();
    }
    if (engine != null) {
      CompletableFuture<Void> stopped = new CompletableFuture<>();
      boolean queued = engine.execute(() -> {
        try {
          if (demoFace != null) {
            demoFace.close();
          }
          if (mgmt != null) {
            mgmt.close();
          }
          if (faceLogger != null) {
            engine.forwarder().faceTable().removeListener(faceLogger);
          }
        } finally {
          stopped.complete(null);
        }
      });
      if (queued) {
        try {
          stopped.get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
          // go on closing the engine
        }
      }
      engine.close();
    }
    log.info("forwarder stopped");
  }

  private static <T> T await(CompletableFuture<T> f) throws InterruptedException {
    try {
      return f.get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the forwarding thread did not answer in " + STEP_TIMEOUT_SECONDS + " s", e);
    }
  }
}
