package dev.ndnj.sharedworker.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Uint8Array;

/** JSO natives for {@code MessagePort}s with transfer lists, which teavm-jso-apis lacks. Only compiled by TeaVM. */
public final class Ports {
  private Ports() {}

  /** Receives the {@code data} of each message event of a port. */
  @JSFunctor
  public interface MessageHandler extends JSObject {
    /** One message's data. */
    void onMessage(JSObject data);
  }

  /** Installs {@code h} as the port's message handler and starts the port. */
  @JSBody(params = {"port", "h"}, script = "port.onmessage = function(e) { h(e.data); };"
      + " port.onmessageerror = function() { h(null); }; if (port.start) port.start();")
  public static native void listen(JSObject port, MessageHandler h);

  /**
   * Posts a copy of octets {@code from} (inclusive) to {@code to} (exclusive) of {@code u} as a new
   * {@code Uint8Array} with its buffer in the transfer list: one native {@code slice} (allocation and copy in
   * native code, no per-octet loop in JavaScript); {@code u} is unchanged.
   */
  @JSBody(params = {"port", "u", "from", "to"}, script = "var c = u.slice(from, to); port.postMessage(c, [c.buffer]);")
  public static native void postCopy(JSObject port, Uint8Array u, int from, int to);

  /**
   * Posts a copy of octets {@code from} (inclusive) to {@code to} (exclusive) of the Java array {@code b} as a new
   * {@code Uint8Array} with its buffer in the transfer list: one native copy of the octets ({@code ArrayBuffer.slice}),
   * no view of {@code b} made on the Java side; {@code b} is unchanged.
   */
  @JSBody(params = {"port", "b", "from", "to"}, script = "var c = new Uint8Array(b.buffer.slice(b.byteOffset + from,"
      + " b.byteOffset + to)); port.postMessage(c, [c.buffer]);")
  public static native void postCopy(JSObject port, @JSByRef byte[] b, int from, int to);

  /** Posts a control message {@code {ndnj: kind, n: n, s: s}}. */
  @JSBody(params = {"port", "kind", "n", "s"}, script = "port.postMessage({ndnj: kind, n: n, s: s});")
  public static native void postControl(JSObject port, String kind, double n, String s);

  /** Closes the port. */
  @JSBody(params = "port", script = "port.onmessage = null; port.close();")
  public static native void close(JSObject port);
}
