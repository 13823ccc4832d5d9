package dev.ndnj.engine;

import dev.ndnj.engine.app.AppFace;
import dev.ndnj.engine.app.Consumer;
import dev.ndnj.engine.app.Producer;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.fw.Forwarder;
import dev.ndnj.engine.fw.ForwarderConfig;
import dev.ndnj.engine.platform.Clock;
import dev.ndnj.engine.platform.RandomSource;
import dev.ndnj.engine.platform.Scheduler;
import dev.ndnj.engine.platform.TaskQueue;
import dev.ndnj.engine.table.ContentStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An NDN engine: a {@link Forwarder} with its tables, running on one forwarding thread, and the application faces
 * that let code in the same process consume and produce through it.
 *
 * <p>This core is platform-free (TeaVM compiles it): it is given a {@link Clock}, a {@link Scheduler}, a
 * {@link RandomSource}, a {@link ContentStore} and the {@link TaskQueue} that is the forwarding thread's only entry
 * point. On the JVM, {@code dev.ndnj.engine.jvm.JvmEngines} builds one that owns an event loop thread; in a browser
 * the worker's event loop is the task queue; tests use a {@code ManualClock} with a {@code SchedulerTaskQueue}.
 *
 * <p>Threading: the forwarder and its tables are used on the forwarding thread only (run code there with
 * {@link #execute}). {@link #newAppFace}, {@link #consumer}, {@link #producer}, {@link #execute} and {@link #close}
 * may be called from any thread.
 */
public final class Engine implements AutoCloseable {
  private final Forwarder forwarder;
  private final Clock clock;
  private final Scheduler scheduler;
  private final RandomSource random;
  private final TaskQueue tasks;
  private final Runnable afterClose;
  private final AtomicReference<AppFace> consumerFace = new AtomicReference<>();
  private final AtomicReference<AppFace> producerFace = new AtomicReference<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * An engine on the given platform.
   *
   * @param random used on the forwarding thread only (Nonces)
   * @param cs the Content Store; becomes the forwarder's
   * @param tasks the entry point to the forwarding thread, whose clock and scheduler are {@code clock} and
   *     {@code scheduler}
   */
  public Engine(ForwarderConfig config, Clock clock, Scheduler scheduler, RandomSource random, ContentStore cs,
      TaskQueue tasks) {
    this(config, clock, scheduler, random, cs, tasks, null);
  }

  Engine(ForwarderConfig config, Clock clock, Scheduler scheduler, RandomSource random, ContentStore cs,
      TaskQueue tasks, Runnable afterClose) {
    if (config == null || clock == null || scheduler == null || random == null || cs == null || tasks == null) {
      throw new IllegalArgumentException("config, clock, scheduler, random, content store and task queue are required");
    }
    this.forwarder = new Forwarder(config, clock, scheduler, random, cs);
    this.clock = clock;
    this.scheduler = scheduler;
    this.random = random;
    this.tasks = tasks;
    this.afterClose = afterClose;
  }

  /** A builder (platform parts are required; the Content Store defaults to an {@code LruContentStore}). */
  public static EngineBuilder builder() {
    return new EngineBuilder();
  }

  /** The forwarder and its tables (forwarding thread only). */
  public Forwarder forwarder() {
    return forwarder;
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }

  /** The scheduler (forwarding thread only). */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** The random source (forwarding thread only). */
  public RandomSource random() {
    return random;
  }

  /** The entry point to the forwarding thread. */
  public TaskQueue tasks() {
    return tasks;
  }

  /**
   * Runs {@code task} on the forwarding thread, after the current work (never inline). Any thread.
   *
   * @return false if the engine's loop has stopped and the task will not run
   */
  public boolean execute(Runnable task) {
    return tasks.execute(task);
  }

  /** Whether the calling thread is the forwarding thread. */
  public boolean inLoop() {
    return tasks.inLoop();
  }

  /**
   * A new application face (its own consumer and producer), added to the forwarder before anything done with it
   * afterwards. Any thread. Like any face, it never gets back the Interests it sent itself: a consumer reaches a
   * producer on another face.
   *
   * @throws IllegalStateException if the engine is closed
   */
  public AppFace newAppFace() {
    if (closed.get()) {
      throw new IllegalStateException("the engine is closed");
    }
    return new AppFace(forwarder, tasks, random);
  }

  /**
   * The engine's default consumer, on an application face of its own made on first use (any thread). It is not the
   * face of {@link #producer()}: a face never gets back the Interests it sent, so the two must differ for the
   * default consumer to reach the default producer.
   *
   * @throws IllegalStateException if the engine was closed before the face was made
   */
  public Consumer consumer() {
    return defaultFace(consumerFace).consumer();
  }

  /**
   * The engine's default producer, on an application face of its own made on first use (any thread).
   *
   * @throws IllegalStateException if the engine was closed before the face was made
   */
  public Producer producer() {
    return defaultFace(producerFace).producer();
  }

  private AppFace defaultFace(AtomicReference<AppFace> ref) {
    AppFace f = ref.get();
    if (f != null) {
      return f;
    }
    AppFace made = newAppFace();
    if (ref.compareAndSet(null, made)) {
      return made;
    }
    made.close();
    return ref.get();
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Closes the engine (any thread; idempotent): every face closes on the forwarding thread (pending expressions fail,
   * routes go), then the loop the engine owns, if any, stops (on the JVM, the call returns once its thread ended,
   * unless called on that thread).
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    Runnable closeFaces = () -> {
      List<Face> faces = new ArrayList<>(forwarder.faceTable().faces());
      for (Face f : faces) {
        f.close();
      }
    };
    if (tasks.inLoop()) {
      closeFaces.run();
    } else {
      tasks.execute(closeFaces);
    }
    if (afterClose != null) {
      afterClose.run();
    }
  }
}
