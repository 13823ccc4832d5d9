package dev.ndnj.sharedworker;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.GenericLinkService;
import dev.ndnj.sharedworker.js.Js;
import dev.ndnj.sharedworker.js.Locks;
import org.teavm.jso.JSObject;

/**
 * One tab's face in the shared engine: a {@link MessagePortTransport} over the port of the tab's {@code connect}
 * event, with NDNLPv2; local fields (so a tab sees IncomingFaceId 254 on Data that came from the Content Store)
 * are on when the tab's hello asks for them, as an NFD face has them off until the application enables them. The tab says {@code hello} with its id and the name of the Web Lock it holds for its life; the face
 * closes on {@code bye} (sent on {@code pagehide}), when that lock is granted to the worker (the tab died), or when
 * nothing was heard for {@link #HEARTBEAT_TIMEOUT_MS} (the tab sends a heartbeat every
 * {@link SharedWorkerProxyFace#HEARTBEAT_MS}; background tabs may be throttled, hence the margin). Closing the face
 * removes its PIT in-records and routes, as for any face.
 *
 * <p>Its link service offers every received Interest to the forwarder's Content Store short path first
 * ({@code GenericLinkService.Options.contentStoreShortPath}): a hit is answered from the frame's octets without the
 * general pipeline, which in the worker costs far more per function than on the JVM once its thread has slept.
 */
public final class WorkerPortFace {
  /** Default silence after which a tab is considered gone (the worker's name may set another). */
  public static final int HEARTBEAT_TIMEOUT_MS = 120_000;
  /** How long a tab's welcome waits for the upstream WebSocket to come up. */
  public static final int CONNECT_WAIT_MS = 3000;

  private final SharedEngine shared;
  private final MessagePortTransport transport;
  private final Face face;
  private String tabId = "";
  private int watchdog;

  WorkerPortFace(SharedEngine shared, JSObject port, int n) {
    this.shared = shared;
    Engine engine = shared.engine();
    transport = new MessagePortTransport(port, "sharedworker://", "messageport://tab/" + n,
        BrowserPlatform.of(engine));
    // the Content Store short path: most of what tabs ask the worker are Content Store hits, and a hit answered from
    // the frame runs through a fraction of the code (docs/engine.md, "The Content Store short path")
    face = new Face(new GenericLinkService(new GenericLinkService.Options(engine.clock(), engine.scheduler(),
        engine.random()).contentStoreShortPath(true)), transport);
    engine.forwarder().faceTable().add(face);
    transport.start(this::onControl);
    watchdog = Js.setInterval(this::checkHeartbeat, shared.heartbeatTimeoutMillis() / 4);
  }

  /** The engine face. */
  public Face face() {
    return face;
  }

  /** The tab's id from its hello ("" before). */
  public String tabId() {
    return tabId;
  }

  /** The transport (flow-control state for status). */
  public MessagePortTransport transport() {
    return transport;
  }

  private boolean onControl(String kind, double n, String s) {
    switch (kind) {
      case "hello" -> {
        tabId = s == null ? "" : s;
        // n = 1: the tab wants NDNLPv2 local fields (IncomingFaceId tells it which Data came from the Content
        // Store); off by default, as on an NFD face until the application enables them
        face.setLocalFieldsEnabled(n == 1);
        if (!tabId.isEmpty() && Locks.available()) {
          Locks.whenReleased(SharedWorkerProxyFace.LOCK_PREFIX + tabId, () -> close("tab gone (lock released)"));
        }
        shared.whenUpstreamReady(() -> transport.sendControl("welcome", face.id(), shared.mode()),
            CONNECT_WAIT_MS);
        return true;
      }
      case "bye" -> {
        close("tab said goodbye");
        return true;
      }
      case "hb" -> {
        return true;
      }
      case "status" -> {
        transport.sendControl("status", n, shared.statusJson(face.id()));
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private void checkHeartbeat() {
    if (Js.performanceNow() - transport.lastHeard() > shared.heartbeatTimeoutMillis()) {
      close("heartbeat timeout");
    }
  }

  void close(String why) {
    if (transport.isClosed()) {
      return;
    }
    Js.clearInterval(watchdog);
    transport.close();
    shared.tabClosed(this, why);
  }
}
