package dev.ndnj.sharedworker;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.engine.face.GenericLinkService;
import dev.ndnj.sharedworker.js.Js;
import dev.ndnj.sharedworker.js.Locks;
import dev.ndnj.sharedworker.js.Pages;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.LpPacket;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The tab's face to the shared engine in the origin's SharedWorker: opens the worker by a stable (URL, name), and
 * is a face of the tab's own small engine with the default route, so the tab's consumers and producers reach the
 * shared engine through it. It says {@code hello} with a random tab id once it holds the Web Lock named after that
 * id (the worker waits on the lock to learn of the tab's death), {@code bye} on {@code pagehide}, and a heartbeat
 * every {@link #HEARTBEAT_MS}. Local fields are on, so it learns which Data came from the shared Content Store
 * (IncomingFaceId 254) and can tell the application.
 */
public final class SharedWorkerProxyFace {
  /** Prefix of the Web Lock name each tab holds. */
  public static final String LOCK_PREFIX = "ndnj-tab-";
  /** Default heartbeat period (a quarter of a shorter heartbeat timeout when the page sets one). */
  public static final int HEARTBEAT_MS = 15_000;
  private static final int MAX_TRACKED = 4096;

  /** Receives a control reply. */
  interface StatusCallback {
    void status(String json);
  }

  private final MessagePortTransport transport;
  private final Face face;
  private final String tabId;
  private final Set<String> fromContentStore = new HashSet<>();
  private final Map<Integer, StatusCallback> statusWaiters = new HashMap<>();
  private int nextStatus;
  private int heartbeat;
  private Runnable onWelcome;
  private int workerFaceId;

  private SharedWorkerProxyFace(Engine engine, org.teavm.jso.JSObject port, String workerUrl, String workerName) {
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 2; i++) {
      id.append(Integer.toHexString(engine.random().nextInt()));
    }
    tabId = id.toString();
    transport = new MessagePortTransport(port, "messageport://tab", "sharedworker://" + workerName,
        BrowserPlatform.of(engine));
    face = new Face(new GenericLinkService(
        new GenericLinkService.Options(engine.clock(), engine.scheduler(), engine.random())), transport);
    face.setLocalFieldsEnabled(true);
    engine.forwarder().faceTable().add(face);
    engine.forwarder().fib().addOrUpdateNextHop(Name.ROOT, face, 0);
    transport.setFrameTap(this::tap);
    transport.start(this::onControl);
  }

  /**
   * Opens the SharedWorker at {@code workerUrl} named {@code workerName} and adds its face to {@code engine};
   * {@code welcomed} runs once the worker has answered the hello. Returns null if the browser has no SharedWorker
   * or refuses this one.
   */
  public static SharedWorkerProxyFace open(Engine engine, String workerUrl, String workerName, int heartbeatMillis,
      Runnable welcomed) {
    if (!Pages.sharedWorkerAvailable()) {
      return null;
    }
    org.teavm.jso.JSObject port = Pages.openSharedWorker(workerUrl, workerName);
    if (port == null) {
      return null;
    }
    SharedWorkerProxyFace p = new SharedWorkerProxyFace(engine, port, workerUrl, workerName);
    p.onWelcome = welcomed;
    p.hello(heartbeatMillis);
    return p;
  }

  private void hello(int heartbeatMillis) {
    if (Locks.available()) {
      Locks.holdForever(LOCK_PREFIX + tabId, () -> transport.sendControl("hello", 1, tabId));
    } else {
      transport.sendControl("hello", 1, tabId);
    }
    Pages.onPageHide(this::bye);
    heartbeat = Js.setInterval(() -> transport.sendControl("hb", 0, null), heartbeatMillis);
  }

  /** The face in the tab's engine. */
  public Face face() {
    return face;
  }

  /** This tab's id. */
  public String tabId() {
    return tabId;
  }

  /** The id of this tab's face in the shared engine (0 before the welcome). */
  public int workerFaceId() {
    return workerFaceId;
  }

  /** Whether the Data named {@code name} last arrived from the shared Content Store; forgets it. */
  public boolean takeFromContentStore(Name name) {
    return fromContentStore.remove(name.toString());
  }

  /** Asks the shared engine for its status JSON. */
  void status(StatusCallback cb) {
    int id = ++nextStatus;
    statusWaiters.put(id, cb);
    transport.sendControl("status", id, null);
  }

  /** Says goodbye and closes the face. */
  public void bye() {
    if (!transport.isClosed()) {
      transport.sendControl("bye", 0, null);
      Js.clearInterval(heartbeat);
      transport.close();
    }
  }

  private boolean onControl(String kind, double n, String s) {
    switch (kind) {
      case "welcome" -> {
        workerFaceId = (int) n;
        if (onWelcome != null) {
          Runnable r = onWelcome;
          onWelcome = null;
          r.run();
        }
        return true;
      }
      case "status" -> {
        StatusCallback cb = statusWaiters.remove((int) n);
        if (cb != null) {
          cb.status(s);
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private void tap(ByteBuffer frame) {
    if (frame.remaining() < 2 || (frame.get(frame.position()) & 0xff) != 0x64) {
      return; // a bare packet: no IncomingFaceId
    }
    try {
      LpPacket lp = LpPacket.decode(frame.duplicate());
      if (lp.incomingFaceId() == FaceTable.CONTENT_STORE && lp.fragmentType() == 6) {
        Data d = lp.fragmentAsData();
        if (fromContentStore.size() >= MAX_TRACKED) {
          fromContentStore.clear();
        }
        fromContentStore.add(d.name().toString());
      }
    } catch (TlvException | IllegalStateException e) {
      // the link service will count the malformed frame
    }
  }
}
