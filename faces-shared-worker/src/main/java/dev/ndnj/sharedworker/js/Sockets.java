package dev.ndnj.sharedworker.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** JSO natives for the browser's {@code WebSocket} in binary mode. Only compiled by TeaVM. */
public final class Sockets {
  private Sockets() {}

  /** Receives a WebSocket's events. */
  @JSFunctor
  public interface Events extends JSObject {
    /** {@code kind} is "open", "message" (with {@code data}: an ArrayBuffer or a string) or "close". */
    void on(String kind, JSObject data);
  }

  /** Opens a WebSocket to {@code url} with {@code binaryType = 'arraybuffer'}; null if the URL is refused. */
  @JSBody(params = {"url", "h"}, script = "var ws; try { ws = new WebSocket(url); } catch (e) { return null; }"
      + " ws.binaryType = 'arraybuffer';"
      + " ws.onopen = function() { h('open', null); };"
      + " ws.onmessage = function(e) { h('message', e.data); };"
      + " ws.onclose = function() { h('close', null); };"
      + " ws.onerror = function() {};"
      + " return ws;")
  public static native JSObject open(String url, Events h);

  /** Sends {@code b} as one binary message (the browser copies it). */
  @JSBody(params = {"ws", "b"}, script = "ws.send(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));")
  public static native void send(JSObject ws, @JSByRef byte[] b);

  /** Octets queued and not yet sent. */
  @JSBody(params = "ws", script = "return ws.bufferedAmount;")
  public static native double bufferedAmount(JSObject ws);

  /** Closes the socket and stops its events. */
  @JSBody(params = "ws", script = "ws.onopen = ws.onmessage = ws.onclose = null; try { ws.close(); } catch (e) {}")
  public static native void close(JSObject ws);
}
