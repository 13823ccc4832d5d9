package dev.ndnj.sharedworker.js;

import org.teavm.jso.JSObject;

/** What the SharedWorker exposes as {@code self.ndnjSharedEngine} for tests and devtools. */
public interface InspectorApi extends JSObject {
  /** The shared engine's status JSON. */
  String status();

  /** Tabs connected now. */
  int tabCount();
}
