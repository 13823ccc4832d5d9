package dev.ndnj.engine.platform;

/**
 * A {@link Clock} and {@link Scheduler} driven by hand: time moves only when {@link #advance} is called, and due
 * tasks then run in time order (ties in scheduling order). For tests and deterministic simulations; not thread-safe.
 */
public final class ManualClock implements Clock, Scheduler {
  private long now;
  private final long epochOffset;
  private long seq;
  private final java.util.PriorityQueue<Task> queue = new java.util.PriorityQueue<>();

  /** A clock at monotonic time 0 and wall time {@code epochMillisAtZero}. */
  public ManualClock(long epochMillisAtZero) {
    this.epochOffset = epochMillisAtZero;
  }

  /** A clock at monotonic time 0 and wall time 2026-01-01T00:00:00Z. */
  public ManualClock() {
    this(1767225600000L);
  }

  @Override
  public long monotonicMillis() {
    return now;
  }

  @Override
  public long epochMillis() {
    return epochOffset + now;
  }

  @Override
  public Cancellable schedule(long delayMillis, Runnable task) {
    Task t = new Task(now + Math.max(0, delayMillis), seq++, task);
    queue.add(t);
    return t;
  }

  /** Moves time forward by {@code millis}, running every task that falls due, in order. */
  public void advance(long millis) {
    long target = now + millis;
    while (true) {
      Task t = queue.peek();
      if (t == null || t.due > target) {
        break;
      }
      queue.poll();
      now = Math.max(now, t.due);
      if (!t.cancelled) {
        t.cancelled = true;
        t.task.run();
      }
    }
    now = target;
  }

  /** Runs the tasks due now (delay 0) without moving time. */
  public void runDue() {
    advance(0);
  }

  /** Number of scheduled tasks not yet run or cancelled (cancelled ones are counted until their time passes). */
  public int pendingTasks() {
    int n = 0;
    for (Task t : queue) {
      if (!t.cancelled) {
        n++;
      }
    }
    return n;
  }

  private static final class Task implements Comparable<Task>, Cancellable {
    final long due;
    final long order;
    final Runnable task;
    boolean cancelled;

    Task(long due, long order, Runnable task) {
      this.due = due;
      this.order = order;
      this.task = task;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Task o) {
      return due != o.due ? Long.compare(due, o.due) : Long.compare(order, o.order);
    }
  }
}
