package dev.ndnj.sharedworker.js;

import org.teavm.jso.JSBody;

/**
 * Web Locks ({@code navigator.locks}) for noticing that a tab has gone: the tab holds a lock named after itself for
 * its whole life; the worker asks for the same lock and is granted it only when the tab is gone (closed, navigated
 * away, crashed). Only compiled by TeaVM.
 */
public final class Locks {
  private Locks() {}

  /** Whether the Web Locks API exists here. */
  @JSBody(script = "return typeof navigator !== 'undefined' && !!navigator.locks;")
  public static native boolean available();

  /** Holds the lock {@code name} until the page dies; {@code granted} runs once it is held. */
  @JSBody(params = {"name", "granted"}, script = "navigator.locks.request(name, function() { granted();"
      + " return new Promise(function() {}); });")
  public static native void holdForever(String name, Js.Callback granted);

  /** Runs {@code whenFree} once the lock {@code name} can be taken (i.e. its holder is gone), and releases it. */
  @JSBody(params = {"name", "whenFree"}, script = "navigator.locks.request(name, function() { whenFree(); });")
  public static native void whenReleased(String name, Js.Callback whenFree);
}
