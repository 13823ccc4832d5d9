package dev.ndnj.engine.platform;

/**
 * Time as the engine sees it. Injected, never read from {@code System} directly, so tests drive time by hand and the
 * same code runs in a browser.
 */
public interface Clock {
  /** Monotonic milliseconds (arbitrary origin); the engine measures lifetimes and expiries with it. */
  long monotonicMillis();

  /** Milliseconds since the Unix epoch (wall clock), for timestamps that leave the process. */
  long epochMillis();
}
