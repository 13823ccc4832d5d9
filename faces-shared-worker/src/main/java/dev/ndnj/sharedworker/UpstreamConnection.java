package dev.ndnj.sharedworker;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.GenericLinkService;
import dev.ndnj.engine.platform.Cancellable;
import dev.ndnj.sharedworker.js.Js;
import dev.ndnj.sharedworker.js.Sockets;
import dev.ndnj.tlv.Name;
import org.teavm.jso.JSObject;

/**
 * The engine's one WebSocket face to a forwarder: connects, adds the face with a default route ({@code /}),
 * and when the socket closes reconnects with exponential backoff (250 ms doubling to 30 s) and ±50% jitter, so that
 * many browsers do not reconnect in step after a forwarder restart. Each new connection is a new face; the
 * listener's {@link Listener#up} runs once it is in the face table (to re-register prefixes).
 */
public final class UpstreamConnection {
  /** First reconnection delay in milliseconds. */
  public static final long MIN_BACKOFF_MS = 250;
  /** Longest reconnection delay in milliseconds. */
  public static final long MAX_BACKOFF_MS = 30_000;

  /** Told when the upstream face comes up or goes down. */
  public interface Listener {
    /** A new upstream face is in the face table with its default route. */
    void up(Face face);

    /** The upstream face went down; a reconnection is scheduled. */
    void down();
  }

  private final Engine engine;
  private final String url;
  private final Listener listener;
  private long backoff = MIN_BACKOFF_MS;
  private JSObject socket;
  private BrowserWebSocketTransport transport;
  private Face face;
  private Cancellable retry;
  private String state = "connecting";
  private int connections;
  private boolean stopped;

  /** A connection to {@code url} (not yet started). */
  public UpstreamConnection(Engine engine, String url, Listener listener) {
    this.engine = engine;
    this.url = url;
    this.listener = listener;
  }

  /** Opens the first connection. */
  public void start() {
    connect();
  }

  /** The forwarder's URL. */
  public String url() {
    return url;
  }

  /** "connecting", "up", "down" (waiting to reconnect) or "stopped". */
  public String state() {
    return state;
  }

  /** The current face, or null while down. */
  public Face face() {
    return face;
  }

  /** Connections made so far (1 after the first one succeeds). */
  public int connections() {
    return connections;
  }

  /** Closes the socket and stops reconnecting. */
  public void stop() {
    stopped = true;
    state = "stopped";
    if (retry != null) {
      retry.cancel();
    }
    if (transport != null) {
      transport.close();
    } else if (socket != null) {
      Sockets.close(socket);
    }
  }

  private void connect() {
    if (stopped) {
      return;
    }
    state = "connecting";
    JSObject[] holder = new JSObject[1];
    holder[0] = Sockets.open(url, (kind, data) -> onEvent(holder[0], kind, data));
    socket = holder[0];
    if (socket == null) {
      scheduleRetry();
    }
  }

  private void onEvent(JSObject s, String kind, JSObject data) {
    if (s != socket) {
      return; // an old socket's late event
    }
    switch (kind) {
      case "open" -> {
        transport = new BrowserWebSocketTransport(s, url);
        face = new Face(new GenericLinkService(
            new GenericLinkService.Options(engine.clock(), engine.scheduler(), engine.random())), transport);
        engine.forwarder().faceTable().add(face);
        engine.forwarder().fib().addOrUpdateNextHop(Name.ROOT, face, 0);
        connections++;
        backoff = MIN_BACKOFF_MS;
        state = "up";
        listener.up(face);
      }
      case "message" -> {
        if (transport != null) {
          BrowserPlatform p = BrowserPlatform.of(engine);
          if (p == null) {
            transport.onMessage(data);
            return;
          }
          p.beginTurn(Js.performanceNow());
          try {
            transport.onMessage(data);
          } finally {
            p.endTurn();
          }
        }
      }
      case "close" -> {
        boolean wasUp = transport != null;
        if (transport != null) {
          transport.onClosed();
        }
        transport = null;
        face = null;
        socket = null;
        if (wasUp) {
          listener.down();
        }
        scheduleRetry();
      }
      default -> { }
    }
  }

  private void scheduleRetry() {
    if (stopped) {
      return;
    }
    state = "down";
    double jitter = 0.5 + (engine.random().nextInt() >>> 1) / (double) Integer.MAX_VALUE;
    long delay = (long) (backoff * jitter);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    retry = engine.scheduler().schedule(delay, this::connect);
  }
}
