package dev.ndnj.sharedworker;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.fw.ForwarderConfig;
import dev.ndnj.engine.platform.Cancellable;
import dev.ndnj.engine.platform.Clock;
import dev.ndnj.engine.platform.RandomSource;
import dev.ndnj.engine.platform.Scheduler;
import dev.ndnj.engine.platform.TaskQueue;
import dev.ndnj.engine.table.LruContentStore;
import dev.ndnj.sharedworker.js.Js;
import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * The engine's platform in a browser (page or worker): {@code performance.now()} and {@code Date.now()} as clocks,
 * a timer heap behind one {@code setTimeout} as scheduler, {@code crypto.getRandomValues} (drawn 256 integers at a
 * time) as random source, and a task queue drained in one microtask per batch, so {@link TaskQueue#execute} never
 * runs a task inline and never pays {@code setTimeout}'s 4 ms clamp. The browser is single-threaded:
 * {@link #inLoop()} is always true.
 *
 * <p>The engine schedules a timer per PIT entry and cancels most of them soon after (the Data comes): one browser
 * timer each would cost a {@code setTimeout} and a {@code clearTimeout} per Interest, so timers live in a heap
 * (cancelled ones are dropped lazily, or all at once when they outnumber the live ones) and only the earliest is
 * armed. A zero delay runs as a task (a microtask), not as a timer.
 */
public final class BrowserPlatform implements Clock, Scheduler, RandomSource, TaskQueue {
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private final Js.Callback drain = this::drain;
  private boolean drainQueued;
  private boolean closed;
  private int[] randoms = new int[0];
  private int randomIndex;
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final Js.Callback fire = this::fire;
  private long timerSeq;
  private int cancelledTimers;
  private int armedId = -1;
  private double armedFor = Double.POSITIVE_INFINITY;

  /** A scheduled task: ordered by due time, then by scheduling order. */
  private final class Timer implements Cancellable, Comparable<Timer> {
    final double due;
    final long seq;
    Runnable task;

    Timer(double due, long seq, Runnable task) {
      this.due = due;
      this.seq = seq;
      this.task = task;
    }

    @Override
    public void cancel() {
      if (task != null) {
        task = null;
        cancelledTimers++;
        if (cancelledTimers > 1024 && cancelledTimers > timers.size() / 2) {
          timers.removeIf(t -> t.task == null);
          cancelledTimers = 0;
        }
      }
    }

    @Override
    public int compareTo(Timer o) {
      int c = Double.compare(due, o.due);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /** A new engine on this platform with an LRU Content Store of {@code csBytes} and NFD's default config. */
  public static Engine newEngine(long csBytes) {
    BrowserPlatform p = new BrowserPlatform();
    return Engine.builder().config(new ForwarderConfig()).clock(p).scheduler(p).random(p).taskQueue(p)
        .contentStore(new LruContentStore(p, csBytes)).onClose(p::close).build();
  }

  @Override
  public long monotonicMillis() {
    return (long) Js.performanceNow();
  }

  @Override
  public long epochMillis() {
    return (long) Js.dateNow();
  }

  @Override
  public Cancellable schedule(long delayMillis, Runnable task) {
    double now = Js.performanceNow();
    Timer t = new Timer(now + Math.max(0, delayMillis), timerSeq++, task);
    if (delayMillis <= 0) {
      execute(() -> {
        Runnable r = t.task;
        if (r != null) {
          t.task = null;
          r.run();
        }
      });
      return () -> t.task = null;
    }
    timers.add(t);
    if (t.due < armedFor) {
      arm(t.due, now);
    }
    return t;
  }

  private void arm(double due, double now) {
    if (armedId >= 0) {
      Js.clearTimeout(armedId);
    }
    armedFor = due;
    armedId = Js.setTimeout(fire, (int) Math.max(0, Math.ceil(due - now)));
  }

  private void fire() {
    armedId = -1;
    armedFor = Double.POSITIVE_INFINITY;
    double now = Js.performanceNow();
    Timer t;
    while ((t = timers.peek()) != null && (t.task == null || t.due <= now)) {
      timers.poll();
      Runnable r = t.task;
      if (r == null) {
        cancelledTimers = Math.max(0, cancelledTimers - 1);
        continue;
      }
      t.task = null;
      try {
        r.run();
      } catch (RuntimeException e) {
        Js.warn("ndnj: timer failed: " + e);
      }
    }
    if (t != null && !closed) {
      arm(t.due, now);
    }
  }

  @Override
  public int nextInt() {
    if (randomIndex >= randoms.length) {
      randoms = Js.randomInts(256);
      randomIndex = 0;
    }
    return randoms[randomIndex++];
  }

  @Override
  public boolean execute(Runnable task) {
    if (closed) {
      return false;
    }
    tasks.add(task);
    if (!drainQueued) {
      drainQueued = true;
      Js.queueMicrotask(drain);
    }
    return true;
  }

  @Override
  public boolean inLoop() {
    return true;
  }

  private void drain() {
    drainQueued = false;
    int n = tasks.size(); // tasks queued while draining run in the next microtask, after other work
    for (int i = 0; i < n; i++) {
      Runnable r = tasks.poll();
      try {
        r.run();
      } catch (RuntimeException e) {
        Js.warn("ndnj: task failed: " + e);
      }
    }
    if (!tasks.isEmpty() && !drainQueued) {
      drainQueued = true;
      Js.queueMicrotask(drain);
    }
  }

  private void close() {
    closed = true;
  }
}
