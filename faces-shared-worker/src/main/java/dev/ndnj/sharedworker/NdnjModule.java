package dev.ndnj.sharedworker;

import dev.ndnj.sharedworker.js.ClientApi;
import dev.ndnj.sharedworker.js.Js;
import dev.ndnj.sharedworker.js.WorkerScope;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * The entry points of the browser bundle {@code ndnj-engine.js} (an ES module compiled by TeaVM):
 * {@code initWorkerScope()} for the SharedWorker script, and {@code connectEngine(...)} for pages, which
 * {@code ndnj.js} wraps in a promise-based API.
 */
public final class NdnjModule {
  /** Prefix of the SharedWorker's name; the rest is the forwarder's WebSocket URL. */
  public static final String WORKER_NAME_PREFIX = "ndnj ";
  /** Option after the URL in the worker's name: how long a silent tab keeps its face, in milliseconds. */
  public static final String HEARTBEAT_OPTION = "heartbeat-timeout=";

  private static SharedEngine shared;

  private NdnjModule() {}

  /** Receives the connected client. */
  @JSFunctor
  public interface ConnectCallback extends JSObject {
    /** The client is ready. */
    void connected(ClientApi client);
  }

  /**
   * Makes this SharedWorker the origin's shared engine: creates the engine and a {@link WorkerListener} on the
   * global scope (synchronously, before any connect event), and connects upstream to the forwarder named in the
   * worker's name ({@code "ndnj ws://host:port/"}), or to the worker's own origin.
   */
  @JSExport
  public static void initWorkerScope() {
    if (shared != null) {
      return;
    }
    // the name is "ndnj <url>" or "ndnj <url> heartbeat-timeout=<ms>"
    String name = WorkerScope.name();
    String rest = name.startsWith(WORKER_NAME_PREFIX) ? name.substring(WORKER_NAME_PREFIX.length()).trim() : "";
    int heartbeatTimeout = WorkerPortFace.HEARTBEAT_TIMEOUT_MS;
    int space = rest.indexOf(' ');
    if (space > 0) {
      String option = rest.substring(space + 1).trim();
      rest = rest.substring(0, space);
      if (option.startsWith(HEARTBEAT_OPTION)) {
        try {
          heartbeatTimeout = Math.max(1000, Integer.parseInt(option.substring(HEARTBEAT_OPTION.length())));
        } catch (NumberFormatException e) {
          Js.warn("ndnj shared engine: ignored " + option);
        }
      }
    }
    String url = rest.isEmpty() ? Js.defaultRouterUrl() : rest;
    shared = new SharedEngine(url, heartbeatTimeout);
    shared.start();
    WorkerScope.publish(new WorkerInspector(shared));
  }

  /**
   * Connects a page: through the shared engine of the SharedWorker at {@code workerUrl} when {@code sharedEngine}
   * and the browser has SharedWorker, otherwise with an engine in the page and its own WebSocket to
   * {@code router}. {@code cb} gets the client when it is ready.
   */
  @JSExport
  public static void connectEngine(boolean sharedEngine, String router, String workerUrl, int heartbeatTimeout,
      ConnectCallback cb) {
    String r = router == null || router.isEmpty() ? Js.defaultRouterUrl() : router;
    String workerName = WORKER_NAME_PREFIX + r + (heartbeatTimeout > 0 ? " " + HEARTBEAT_OPTION + heartbeatTimeout : "");
    NdnjClient[] holder = new NdnjClient[1];
    int heartbeat = heartbeatTimeout > 0 ? Math.min(SharedWorkerProxyFace.HEARTBEAT_MS, heartbeatTimeout / 4)
        : SharedWorkerProxyFace.HEARTBEAT_MS;
    holder[0] = NdnjClient.connect(sharedEngine, r, workerUrl, workerName, heartbeat,
        () -> cb.connected(holder[0]));
  }
}
