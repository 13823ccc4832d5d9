package dev.ndnj.engine;

import dev.ndnj.engine.fw.ForwarderConfig;
import dev.ndnj.engine.platform.Clock;
import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.engine.platform.RandomSource;
import dev.ndnj.engine.platform.Scheduler;
import dev.ndnj.engine.platform.SchedulerTaskQueue;
import dev.ndnj.engine.platform.TaskQueue;
import dev.ndnj.engine.table.ContentStore;
import dev.ndnj.engine.table.LruContentStore;

/**
 * Assembles an {@link Engine}: clock, scheduler, random source and task queue are required; the forwarder settings
 * default to {@link ForwarderConfig}'s, the Content Store to an {@link LruContentStore} of
 * {@link #DEFAULT_CS_CAPACITY_BYTES}. Not thread-safe; one build per builder.
 */
public final class EngineBuilder {
  /** Default Content Store capacity: 16 MiB of Data wire. */
  public static final long DEFAULT_CS_CAPACITY_BYTES = 16L << 20;

  private ForwarderConfig config;
  private Clock clock;
  private Scheduler scheduler;
  private RandomSource random;
  private ContentStore cs;
  private TaskQueue tasks;
  private Runnable onClose;

  EngineBuilder() {}

  /** Forwarder settings. */
  public EngineBuilder config(ForwarderConfig c) {
    config = c;
    return this;
  }

  /** The clock. */
  public EngineBuilder clock(Clock c) {
    clock = c;
    return this;
  }

  /** The scheduler of the forwarding thread. */
  public EngineBuilder scheduler(Scheduler s) {
    scheduler = s;
    return this;
  }

  /** The random source (used on the forwarding thread). */
  public EngineBuilder random(RandomSource r) {
    random = r;
    return this;
  }

  /** The Content Store (made on the same clock). */
  public EngineBuilder contentStore(ContentStore store) {
    cs = store;
    return this;
  }

  /** The forwarding thread's entry point. */
  public EngineBuilder taskQueue(TaskQueue q) {
    tasks = q;
    return this;
  }

  /**
   * Runs everything on {@code clock} on the calling thread: it is the clock and the scheduler, and a
   * {@link SchedulerTaskQueue} over it is the task queue (queued work runs on {@link ManualClock#runDue()}).
   */
  public EngineBuilder manual(ManualClock c) {
    return clock(c).scheduler(c).taskQueue(new SchedulerTaskQueue(c));
  }

  /**
   * Run by {@link Engine#close()} after the faces were closed (or their closing was queued), on the closing thread:
   * e.g. stopping the loop the engine owns.
   */
  public EngineBuilder onClose(Runnable r) {
    onClose = r;
    return this;
  }

  /**
   * The engine.
   *
   * @throws IllegalStateException if a required part is missing
   */
  public Engine build() {
    if (clock == null || scheduler == null || random == null || tasks == null) {
      throw new IllegalStateException("an engine needs a clock, a scheduler, a random source and a task queue");
    }
    ForwarderConfig c = config != null ? config : new ForwarderConfig();
    ContentStore store = cs != null ? cs : new LruContentStore(clock, DEFAULT_CS_CAPACITY_BYTES);
    return new Engine(c, clock, scheduler, random, store, tasks, onClose);
  }
}
