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

/**
 * The engine's platform in a browser (page or worker): {@code performance.now()} and {@code Date.now()} as clocks,
 * {@code setTimeout} as scheduler, {@code crypto.getRandomValues} (drawn 256 integers at a time) as random source,
 * and a task queue drained in one microtask per batch, so {@link TaskQueue#execute} never runs a task inline and
 * never pays {@code setTimeout}'s 4 ms clamp. The browser is single-threaded: {@link #inLoop()} is always true.
 */
public final class BrowserPlatform implements Clock, Scheduler, RandomSource, TaskQueue {
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private final Js.Callback drain = this::drain;
  private boolean drainQueued;
  private boolean closed;
  private int[] randoms = new int[0];
  private int randomIndex;

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
    int id = Js.setTimeout(task::run, (int) Math.max(0, Math.min(delayMillis, Integer.MAX_VALUE)));
    return () -> Js.clearTimeout(id);
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
