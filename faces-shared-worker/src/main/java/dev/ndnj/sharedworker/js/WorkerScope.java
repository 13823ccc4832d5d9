package dev.ndnj.sharedworker.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** JSO natives for the SharedWorker global scope. Only compiled by TeaVM. */
public final class WorkerScope {
  private WorkerScope() {}

  /** Receives each connecting port. */
  @JSFunctor
  public interface ConnectHandler extends JSObject {
    /** A page connected through {@code port}. */
    void onConnect(JSObject port);
  }

  /** Whether this code runs in a SharedWorker. */
  @JSBody(script = "return typeof SharedWorkerGlobalScope !== 'undefined' && self instanceof SharedWorkerGlobalScope;")
  public static native boolean isSharedWorker();

  /** Installs {@code h} for every {@code connect} event of the SharedWorker scope. */
  @JSBody(params = "h", script = "self.onconnect = function(e) { h(e.ports[0]); };")
  public static native void onConnect(ConnectHandler h);

  /** The worker's name ({@code self.name}), which tabs set to carry options such as the forwarder's URL. */
  @JSBody(script = "return typeof self.name === 'string' ? self.name : '';")
  public static native String name();

  /** Publishes {@code o} as {@code self.ndnjSharedEngine} so tests and devtools can inspect the engine. */
  @JSBody(params = "o", script = "self.ndnjSharedEngine = o;")
  public static native void publish(JSObject o);
}
