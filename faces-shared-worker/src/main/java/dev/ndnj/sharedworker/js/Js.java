package dev.ndnj.sharedworker.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * The few browser globals the browser tier needs, as JSO natives: clocks, timers, randomness, microtasks, and the
 * zero-copy conversions between JavaScript typed arrays and Java {@code byte[]}. Only compiled by TeaVM.
 */
public final class Js {
  private Js() {}

  /** A JavaScript callback with no arguments. */
  @JSFunctor
  public interface Callback extends JSObject {
    /** Runs the callback. */
    void run();
  }

  /** A JavaScript callback taking one value. */
  @JSFunctor
  public interface ValueCallback extends JSObject {
    /** Runs the callback with {@code value}. */
    void accept(JSObject value);
  }

  /** {@code performance.now()} in milliseconds. */
  @JSBody(script = "return performance.now();")
  public static native double performanceNow();

  /** {@code Date.now()}. */
  @JSBody(script = "return Date.now();")
  public static native double dateNow();

  /** {@code setTimeout(f, ms)}. */
  @JSBody(params = {"f", "ms"}, script = "return setTimeout(f, ms);")
  public static native int setTimeout(Callback f, int ms);

  /** {@code clearTimeout(id)}. */
  @JSBody(params = "id", script = "clearTimeout(id);")
  public static native void clearTimeout(int id);

  /** {@code setInterval(f, ms)}. */
  @JSBody(params = {"f", "ms"}, script = "return setInterval(f, ms);")
  public static native int setInterval(Callback f, int ms);

  /** {@code clearInterval(id)}. */
  @JSBody(params = "id", script = "clearInterval(id);")
  public static native void clearInterval(int id);

  /** {@code queueMicrotask(f)}. */
  @JSBody(params = "f", script = "queueMicrotask(f);")
  public static native void queueMicrotask(Callback f);

  /** Fills {@code n} random 32-bit integers from {@code crypto.getRandomValues}. */
  @JSBody(params = "n", script = "return crypto.getRandomValues(new Int32Array(n));")
  @JSByRef
  public static native int[] randomInts(int n);

  /** The bytes of a {@code Uint8Array}, {@code ArrayBuffer} or other view, as a Java array over the same memory. */
  @JSBody(params = "u", script = "return u instanceof ArrayBuffer ? new Int8Array(u)"
      + " : new Int8Array(u.buffer, u.byteOffset, u.byteLength);")
  @JSByRef
  public static native byte[] bytesOf(JSObject u);

  /** The bytes of a typed-array view ({@code Uint8Array}) as a Java array over the same memory. */
  @JSBody(params = "u", script = "return new Int8Array(u.buffer, u.byteOffset, u.byteLength);")
  @JSByRef
  public static native byte[] bytesOfView(JSObject u);

  /** A {@code Uint8Array} over a Java array (same memory; transferring its buffer empties the Java array). */
  @JSBody(params = "b", script = "return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);")
  public static native Uint8Array uint8(@JSByRef byte[] b);

  /** Whether {@code v} is a {@code Uint8Array}. */
  @JSBody(params = "v", script = "return v instanceof Uint8Array;")
  public static native boolean isUint8Array(JSObject v);

  /** Whether {@code v} is an {@code ArrayBuffer}. */
  @JSBody(params = "v", script = "return v instanceof ArrayBuffer;")
  public static native boolean isArrayBuffer(JSObject v);

  /** The buffer of a view. */
  @JSBody(params = "u", script = "return u.buffer;")
  public static native ArrayBuffer bufferOf(JSObject u);

  /** {@code typeof v === 'string'}. */
  @JSBody(params = "v", script = "return typeof v === 'string';")
  public static native boolean isString(JSObject v);

  /** {@code v[key]} as a string, or null when absent or not a string. */
  @JSBody(params = {"v", "key"}, script = "var x = v == null ? undefined : v[key];"
      + " return typeof x === 'string' ? x : null;")
  public static native String stringField(JSObject v, String key);

  /** {@code v[key]} as a number, or NaN. */
  @JSBody(params = {"v", "key"}, script = "var x = v == null ? undefined : v[key];"
      + " return typeof x === 'number' ? x : NaN;")
  public static native double numberField(JSObject v, String key);

  /** {@code v[key]} as a boolean ({@code dflt} when absent). */
  @JSBody(params = {"v", "key", "dflt"}, script = "var x = v == null ? undefined : v[key];"
      + " return typeof x === 'boolean' ? x : dflt;")
  public static native boolean booleanField(JSObject v, String key, boolean dflt);

  /** {@code v[key]}, or undefined. */
  @JSBody(params = {"v", "key"}, script = "return v == null ? undefined : v[key];")
  public static native JSObject field(JSObject v, String key);

  /** Whether {@code v} is null or undefined. */
  @JSBody(params = "v", script = "return v == null;")
  public static native boolean isNullish(JSObject v);

  /** {@code JSON.parse(s)}. */
  @JSBody(params = "s", script = "return JSON.parse(s);")
  public static native JSObject parseJson(String s);

  /** {@code console.warn(s)}. */
  @JSBody(params = "s", script = "console.warn(s);")
  public static native void warn(String s);

  /** {@code String(v)}. */
  @JSBody(params = "v", script = "return String(v);")
  public static native String string(JSObject v);

  /** The page's origin-relative WebSocket URL: ws(s)://host/ of {@code self.location}. */
  @JSBody(script = "var l = self.location; return (l.protocol === 'https:' ? 'wss://' : 'ws://') + l.host + '/';")
  public static native String defaultRouterUrl();
}
