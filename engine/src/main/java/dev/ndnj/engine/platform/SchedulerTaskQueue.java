package dev.ndnj.engine.platform;

/**
 * A {@link TaskQueue} for a single-threaded platform that runs each task through a {@link Scheduler} with delay 0,
 * i.e. after the current work, in submission order. With a {@link ManualClock}, queued tasks run on
 * {@link ManualClock#runDue()} or {@link ManualClock#advance}. {@link #inLoop()} is always true, so everything that
 * uses it must run on the one thread; {@link #close()} makes later {@link #execute} calls return false.
 */
public final class SchedulerTaskQueue implements TaskQueue {
  private final Scheduler scheduler;
  private boolean closed;

  /** A task queue over {@code scheduler} (which must order equal deadlines first-in first-out). */
  public SchedulerTaskQueue(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public boolean execute(Runnable task) {
    if (closed) {
      return false;
    }
    scheduler.schedule(0, task);
    return true;
  }

  @Override
  public boolean inLoop() {
    return true;
  }

  /** Stops accepting tasks; tasks already queued still run. */
  public void close() {
    closed = true;
  }
}
