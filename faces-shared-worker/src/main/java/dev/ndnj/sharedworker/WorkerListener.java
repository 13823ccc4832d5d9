package dev.ndnj.sharedworker;

import dev.ndnj.sharedworker.js.WorkerScope;
import org.teavm.jso.JSObject;

/**
 * Listens on the SharedWorker global scope: every {@code connect} event's port becomes a {@link WorkerPortFace} of
 * the shared engine. Installed synchronously by {@code initWorkerScope()}, so it is in place before the first
 * connect event is dispatched.
 */
public final class WorkerListener {
  private final SharedEngine shared;
  private int connects;

  WorkerListener(SharedEngine shared) {
    this.shared = shared;
  }

  /** Starts listening. */
  void install() {
    WorkerScope.onConnect(this::onConnect);
  }

  /** Ports connected so far. */
  public int connects() {
    return connects;
  }

  private void onConnect(JSObject port) {
    connects++;
    shared.tabConnected(new WorkerPortFace(shared, port, connects));
  }
}
