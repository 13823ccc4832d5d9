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
 * time) as random source, and a task queue, so {@link TaskQueue#execute} never runs a task inline and never pays
 * {@code setTimeout}'s 4 ms clamp. The browser is single-threaded: {@link #inLoop()} is always true.
 *
 * <p>Event handlers that feed the engine (a port's or a socket's message, a timer) run as a <em>turn</em>:
 * {@link #beginTurn} before, {@link #endTurn} after. Within a turn the monotonic clock is read once (as the JVM
 * event loop reads it once per task), and tasks queued by the turn run when it ends, in the same event-loop task,
 * instead of in a microtask each: a Content Store hit finalizes its PIT entry without a {@code queueMicrotask}.
 * Tasks queued outside a turn (from page code, a promise) are drained in one microtask per batch.
 *
 * <p>The engine schedules a timer per PIT entry and cancels most of them soon after (the Data comes): one browser
 * timer each would cost a {@code setTimeout} and a {@code clearTimeout} per Interest, so timers live in a heap
 * (cancelled ones are dropped lazily, or all at once when they outnumber the live ones) and only the earliest is
 * armed. A zero delay runs as a task, not as a timer.
 */
public final class BrowserPlatform implements Clock, Scheduler, RandomSource, TaskQueue {
  /** Tasks a turn runs at its end at most; the rest go on in a microtask. */
  private static final int MAX_TASKS_PER_TURN = 4096;

  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private final Js.Callback drain = this::drain;
  private boolean drainQueued;
  private boolean closed;
  private int[] randoms = new int[0];
  private int randomIndex;
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final Js.Callback fire = this::fire;
  /** Scheduling order of timers, a double so that no 64-bit (BigInt) arithmetic runs per timer. */
  private double timerSeq;
  /** Nesting depth of turns; tasks queued while above 0 run at the end of the outermost turn. */
  private int turnDepth;
  /** {@code performance.now()} at the start of the current turn. */
  private double turnNow;
  /** {@link #turnNow} as whole milliseconds, valid when {@link #turnMillisRead}. */
  private long turnMillis;
  /** Whether {@link #turnMillis} was read in this turn (a flag, not a -1 sentinel: no 64-bit (BigInt) operation). */
  private boolean turnMillisRead;
  private int cancelledTimers;
  private int armedId = -1;
  private double armedFor = Double.POSITIVE_INFINITY;

  /** A scheduled task: ordered by due time, then by scheduling order. */
  private final class Timer implements Cancellable, Comparable<Timer> {
    final double due;
    final double seq;
    Runnable task;

    Timer(double due, double seq, Runnable task) {
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
      return c != 0 ? c : Double.compare(seq, o.seq);
    }
  }

  /** A zero-delay task: runs once unless cancelled first. */
  private static final class Soon implements Runnable, Cancellable {
    Runnable task;

    Soon(Runnable task) {
      this.task = task;
    }

    @Override
    public void run() {
      Runnable r = task;
      if (r != null) {
        task = null;
        r.run();
      }
    }

    @Override
    public void cancel() {
      task = null;
    }
  }

  /** A new engine on this platform with an LRU Content Store of {@code csBytes} and NFD's default config. */
  public static Engine newEngine(long csBytes) {
    BrowserPlatform p = new BrowserPlatform();
    return Engine.builder().config(new ForwarderConfig()).clock(p).scheduler(p).random(p).taskQueue(p)
        .contentStore(new LruContentStore(p, csBytes)).onClose(p::close).build();
  }

  /** The platform of {@code engine} if it runs on one (made by {@link #newEngine}), else null. */
  public static BrowserPlatform of(Engine engine) {
    return engine.clock() instanceof BrowserPlatform p ? p : null;
  }

  /**
   * Starts a turn: an event handler that feeds the engine, with {@code now} its {@code performance.now()}. Turns
   * nest; pair each with {@link #endTurn} (in a {@code finally}).
   */
  public void beginTurn(double now) {
    if (turnDepth++ == 0) {
      turnNow = now;
      turnMillisRead = false;
    }
  }

  /** Ends a turn; the outermost runs the tasks queued during it (and those they queue) before it returns. */
  public void endTurn() {
    if (turnDepth > 1) {
      turnDepth--;
      return;
    }
    try {
      runTasks(MAX_TASKS_PER_TURN);
    } finally {
      turnDepth = 0;
      turnMillisRead = false;
      if (!tasks.isEmpty() && !drainQueued) {
        drainQueued = true;
        Js.queueMicrotask(drain);
      }
    }
  }

  @Override
  public long monotonicMillis() {
    if (turnDepth == 0) {
      return (long) Js.performanceNow();
    }
    if (!turnMillisRead) {
      turnMillis = (long) turnNow;
      turnMillisRead = true;
    }
    return turnMillis;
  }

  @Override
  public long epochMillis() {
    return (long) Js.dateNow();
  }

  @Override
  public Cancellable schedule(long delayMillis, Runnable task) {
    if (delayMillis <= 0) {
      Soon s = new Soon(task);
      execute(s);
      return s;
    }
    double now = turnDepth > 0 ? turnNow : Js.performanceNow();
    Timer t = new Timer(now + delayMillis, timerSeq++, task);
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
    beginTurn(now);
    try {
      fireDue(now);
    } finally {
      endTurn();
    }
  }

  private void fireDue(double now) {
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
    if (turnDepth == 0 && !drainQueued) {
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
    if (turnDepth > 0) {
      return; // the turn in progress runs them when it ends
    }
    runTasks(tasks.size()); // tasks queued while draining run in the next microtask, after other work
    if (!tasks.isEmpty() && !drainQueued) {
      drainQueued = true;
      Js.queueMicrotask(drain);
    }
  }

  /** Runs up to {@code max} queued tasks (and, for a turn's end, the ones they queue). */
  private void runTasks(int max) {
    Runnable r;
    for (int i = 0; i < max && (r = tasks.poll()) != null; i++) {
      try {
        r.run();
      } catch (RuntimeException e) {
        Js.warn("ndnj: task failed: " + e);
      }
    }
  }

  private void close() {
    closed = true;
  }
}
