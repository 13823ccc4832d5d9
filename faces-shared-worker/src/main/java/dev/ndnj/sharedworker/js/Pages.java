package dev.ndnj.sharedworker.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/** JSO natives for the page side of the browser tier. Only compiled by TeaVM. */
public final class Pages {
  private Pages() {}

  /** Whether {@code SharedWorker} exists here. */
  @JSBody(script = "return typeof SharedWorker !== 'undefined';")
  public static native boolean sharedWorkerAvailable();

  /**
   * Opens (or joins) the module SharedWorker of {@code url} and {@code name} and returns its port; null if the
   * browser refuses.
   */
  @JSBody(params = {"url", "name"}, script = "try { var w = new SharedWorker(url, {name: name, type: 'module'});"
      + " return w.port; } catch (e) { console.warn('ndnj: no SharedWorker: ' + e); return null; }")
  public static native JSObject openSharedWorker(String url, String name);

  /** Runs {@code f} on {@code pagehide}. */
  @JSBody(params = "f", script = "self.addEventListener('pagehide', function() { f(); });")
  public static native void onPageHide(Js.Callback f);
}
