package dev.ndnj.sharedworker;

import dev.ndnj.sharedworker.js.InspectorApi;

/**
 * What the SharedWorker publishes as {@code self.ndnjSharedEngine} for tests and devtools: the status JSON and the
 * number of tabs, without a port.
 */
final class WorkerInspector implements InspectorApi {
  private final SharedEngine shared;

  WorkerInspector(SharedEngine shared) {
    this.shared = shared;
  }

  @Override
  public String status() {
    return shared.statusJson(0);
  }

  @Override
  public int tabCount() {
    return shared.tabCount();
  }
}
