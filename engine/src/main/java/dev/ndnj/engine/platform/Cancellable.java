package dev.ndnj.engine.platform;

/** A scheduled task that can be cancelled before it runs; cancelling twice or after it ran does nothing. */
public interface Cancellable {
  /** Prevents the task from running if it has not run yet. */
  void cancel();
}
