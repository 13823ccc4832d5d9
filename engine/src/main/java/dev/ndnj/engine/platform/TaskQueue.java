package dev.ndnj.engine.platform;

/**
 * The engine's single entry point: how work gets onto the forwarding thread. On the JVM it is the event loop's MPSC
 * queue ({@code dev.ndnj.engine.jvm.EventLoop}); in a browser worker it is the worker's own event loop; in tests it
 * is {@link SchedulerTaskQueue} over a {@link ManualClock}.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>{@link #execute} may be called from any thread (where the platform has threads) and never runs the task
 *       inline: the task runs later on the forwarding thread, outside whatever the caller is doing, so it never
 *       re-enters a forwarder pipeline.
 *   <li>Tasks run in the order they were accepted (FIFO over all submitters).
 *   <li>Once the loop has stopped, {@link #execute} returns false and the task never runs; a task for which it
 *       returned true runs (the loop drains accepted tasks before it stops).
 * </ul>
 */
public interface TaskQueue {
  /**
   * Queues {@code task} to run on the forwarding thread.
   *
   * @return true if the task was accepted and will run; false if the loop has stopped
   */
  boolean execute(Runnable task);

  /** Whether the calling thread is the forwarding thread (always true on a single-threaded platform). */
  boolean inLoop();
}
