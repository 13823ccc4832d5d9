package dev.ndnj.engine.platform;

/**
 * Runs tasks later on the engine's forwarding thread. Each scheduled task costs O(log n) (a heap) or O(1) (a wheel).
 * Only called from the forwarding thread.
 */
public interface Scheduler {
  /** Runs {@code task} on the forwarding thread after {@code delayMillis} (0 = as soon as possible, after the
   * current work). */
  Cancellable schedule(long delayMillis, Runnable task);
}
