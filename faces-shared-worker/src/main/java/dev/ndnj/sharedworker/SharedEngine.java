package dev.ndnj.sharedworker;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.face.Face;
import dev.ndnj.sharedworker.js.Js;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine of a SharedWorker, shared by every tab of the origin: one PIT, one Content Store, one upstream
 * WebSocket ({@link UpstreamConnection}) and the tabs' prefix registrations ({@link WorkerRib}). Made by
 * {@code initWorkerScope()}.
 */
public final class SharedEngine {
  /** Content Store capacity of the shared engine. */
  public static final long CS_BYTES = 32L << 20;

  private final Engine engine;
  private final WorkerRib rib;
  private final UpstreamConnection upstream;
  private final WorkerListener listener;
  private final List<WorkerPortFace> tabs = new ArrayList<>();
  private final List<Runnable> waitingForUpstream = new ArrayList<>();
  private long tabsClosed;

  private final int heartbeatTimeoutMillis;

  SharedEngine(String upstreamUrl, int heartbeatTimeoutMillis) {
    this.heartbeatTimeoutMillis = heartbeatTimeoutMillis;
    engine = BrowserPlatform.newEngine(CS_BYTES);
    rib = new WorkerRib(engine);
    upstream = new UpstreamConnection(engine, upstreamUrl, new UpstreamConnection.Listener() {
      @Override
      public void up(Face face) {
        rib.upstreamUp(face);
        List<Runnable> run = new ArrayList<>(waitingForUpstream);
        waitingForUpstream.clear();
        for (Runnable r : run) {
          r.run();
        }
      }

      @Override
      public void down() {
        rib.upstreamDown();
      }
    });
    listener = new WorkerListener(this);
  }

  void start() {
    listener.install();
    upstream.start();
  }

  /** The engine. */
  public Engine engine() {
    return engine;
  }

  /**
   * Runs {@code r} once the upstream face is up, or after {@code timeoutMillis} if it is not (so a tab connecting
   * while the forwarder is down still gets an engine, which reaches the other tabs).
   */
  void whenUpstreamReady(Runnable r, int timeoutMillis) {
    if (upstream.face() != null) {
      r.run();
      return;
    }
    boolean[] done = new boolean[1];
    Runnable once = () -> {
      if (!done[0]) {
        done[0] = true;
        r.run();
      }
    };
    waitingForUpstream.add(once);
    engine.scheduler().schedule(timeoutMillis, () -> {
      waitingForUpstream.remove(once);
      once.run();
    });
  }

  /** How long a silent tab keeps its face. */
  int heartbeatTimeoutMillis() {
    return heartbeatTimeoutMillis;
  }

  /** "shared". */
  String mode() {
    return "shared";
  }

  void tabConnected(WorkerPortFace tab) {
    tabs.add(tab);
  }

  void tabClosed(WorkerPortFace tab, String why) {
    tabs.remove(tab);
    tabsClosed++;
    Js.warn("ndnj shared engine: face " + tab.face().id() + " of tab " + tab.tabId() + " closed: " + why);
  }

  /** Tabs connected now. */
  public int tabCount() {
    return tabs.size();
  }

  /** Tabs that left. */
  public long tabsClosed() {
    return tabsClosed;
  }

  /** The status JSON as seen by face {@code requester}. */
  String statusJson(int requester) {
    return EngineStatus.json(engine, mode(), upstream, requester, tabs.size(), rib);
  }
}
