package dev.ndnj.engine.jvm;

import dev.ndnj.engine.platform.Cancellable;
import dev.ndnj.engine.platform.Clock;
import dev.ndnj.engine.platform.Scheduler;
import dev.ndnj.engine.platform.TaskQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The JVM forwarding thread: one thread that owns an engine's tables, fed by a multi-producer single-consumer queue
 * and running a timer heap. It is the engine's {@link TaskQueue}, {@link Scheduler} and {@link Clock}.
 *
 * <p>Each turn the thread runs the timers that are due, then up to {@code batchSize} queued tasks (FIFO over all
 * submitting threads); with nothing to do it parks until a task arrives or the next timer is due. Submitting wakes it
 * only when it sleeps. A task or timer that throws is reported to the error handler and the loop goes on.
 *
 * <p>Time: {@link #monotonicMillis()} is {@link System#nanoTime()}-based (read once per task on the loop thread),
 * {@link #epochMillis()} is
 * {@link System#currentTimeMillis()}. Timers are a binary heap (O(log n) insert and cancel; cancelled timers leave
 * the heap at once) ordered by deadline, then by scheduling order.
 *
 * <p>Shutdown ({@link #shutdown()}, {@link #close()}): the loop stops accepting tasks ({@link #execute} returns false),
 * runs every task it had accepted, drops pending timers and ends its thread.
 */
public final class EventLoop implements TaskQueue, Scheduler, Clock, AutoCloseable {
  /** Tasks run per turn, at most, before timers get their turn again. */
  public static final int DEFAULT_BATCH_SIZE = 256;

  private static final int RUNNING = 0;
  private static final int STOPPING = 1;
  private static final int TERMINATED = 2;
  private static final long MAX_DELAY_MILLIS = Long.MAX_VALUE / 4 / 1_000_000;

  private final MpscTaskQueue queue = new MpscTaskQueue();
  private final AtomicInteger state = new AtomicInteger(RUNNING);
  private final AtomicBoolean sleeping = new AtomicBoolean();
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final long originNanos = System.nanoTime();
  /** When the task or timer running on the loop thread started (loop thread only). */
  private long taskNanos = originNanos;
  private final int batchSize;
  private final Consumer<Throwable> errorHandler;
  private final Thread thread;
  // timer heap: forwarding thread only
  private Timer[] heap = new Timer[64];
  private int heapSize;
  private long timerSeq;

  private EventLoop(String threadName, boolean daemon, int batchSize, Consumer<Throwable> errorHandler) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    this.batchSize = batchSize;
    this.errorHandler = errorHandler != null ? errorHandler : EventLoop::logError;
    this.thread = new Thread(this::loop, threadName);
    thread.setDaemon(daemon);
  }

  /** Starts a loop on a new daemon thread named {@code threadName}, with the default batch size and error log. */
  public static EventLoop start(String threadName) {
    return start(threadName, true, DEFAULT_BATCH_SIZE, null);
  }

  /**
   * Starts a loop on a new thread.
   *
   * @param daemon whether the thread is a daemon (a standalone forwarder keeps the process alive with false)
   * @param batchSize tasks run per turn at most
   * @param errorHandler hears exceptions thrown by tasks and timers (on the loop thread); null logs them as warnings
   */
  public static EventLoop start(String threadName, boolean daemon, int batchSize, Consumer<Throwable> errorHandler) {
    EventLoop loop = new EventLoop(threadName, daemon, batchSize, errorHandler);
    loop.thread.start();
    return loop;
  }

  private static void logError(Throwable e) {
    System.getLogger(EventLoop.class.getName()).log(System.Logger.Level.WARNING, "task on the forwarding thread failed",
        e);
  }

  // ------------------------------------------------------------------------------------------ TaskQueue

  @Override
  public boolean execute(Runnable task) {
    if (task == null) {
      throw new IllegalArgumentException("task must not be null");
    }
    // A shutdown racing with this offer is settled by the queue: the loop closes it before its last drain, so the
    // offer either lands before the close (and runs) or fails.
    if (state.get() != RUNNING || !queue.offer(task)) {
      return false;
    }
    if (sleeping.get()) {
      LockSupport.unpark(thread);
    }
    return true;
  }

  @Override
  public boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  // ------------------------------------------------------------------------------------------ Clock

  /**
   * Milliseconds since the loop started. On the loop thread this is the time the running task (or timer) started,
   * read once per task rather than on every call: a forwarding pipeline asks for the time several times per packet
   * (PIT records, Content Store freshness, the Dead Nonce List), each a {@link System#nanoTime()} otherwise, and
   * millisecond timings gain nothing from reading the clock again within one task. Other threads read the clock.
   */
  @Override
  public long monotonicMillis() {
    long now = Thread.currentThread() == thread ? taskNanos : System.nanoTime();
    return (now - originNanos) / 1_000_000;
  }

  @Override
  public long epochMillis() {
    return System.currentTimeMillis();
  }

  // ------------------------------------------------------------------------------------------ Scheduler

  /**
   * Runs {@code task} on the loop thread after {@code delayMillis}. Meant for the loop thread; from another thread
   * the timer is handed over through the task queue (and never runs if the loop has stopped).
   */
  @Override
  public Cancellable schedule(long delayMillis, Runnable task) {
    long delay = Math.min(Math.max(0, delayMillis), MAX_DELAY_MILLIS);
    Timer t = new Timer(System.nanoTime() + delay * 1_000_000, task);
    if (inLoop()) {
      push(t);
    } else {
      execute(() -> {
        if (!t.cancelled) {
          push(t);
        }
      });
    }
    return t;
  }

  /** Number of timers waiting (loop thread; approximate elsewhere). */
  public int pendingTimers() {
    return heapSize;
  }

  // ------------------------------------------------------------------------------------------ lifecycle

  /** Stops accepting tasks; the loop runs those it accepted and ends. Any thread; idempotent; does not wait. */
  public void shutdown() {
    if (state.compareAndSet(RUNNING, STOPPING)) {
      LockSupport.unpark(thread);
    }
  }

  /**
   * Waits until the loop thread has ended.
   *
   * @return false if {@code timeout} passed first
   */
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return terminated.await(timeout, unit);
  }

  /** Whether the loop thread has ended. */
  public boolean isTerminated() {
    return terminated.getCount() == 0;
  }

  /** Whether {@link #shutdown()} was called. */
  public boolean isShutdown() {
    return state.get() != RUNNING;
  }

  /** The loop thread (to join or to name in diagnostics). */
  public Thread thread() {
    return thread;
  }

  /**
   * Shuts down and waits for the thread to end (without waiting when called on the loop thread itself). An interrupt
   * while waiting is kept as the thread's interrupt status.
   */
  @Override
  public void close() {
    shutdown();
    if (inLoop()) {
      return;
    }
    boolean interrupted = false;
    while (true) {
      try {
        terminated.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------------------------------ the loop

  private void loop() {
    try {
      while (state.get() == RUNNING) {
        int work = runTimers(System.nanoTime());
        work += runTasks(batchSize);
        if (work == 0) {
          idle();
        }
      }
      for (int left = queue.close(); left > 0; left--) {
        taskNanos = System.nanoTime();
        runSafely(queue.poll());
      }
    } finally {
      state.set(TERMINATED);
      queue.close(); // after a fatal error: later offers fail instead of queueing for a thread that has gone
      for (int i = 0; i < heapSize; i++) {
        heap[i] = null;
      }
      heapSize = 0;
      terminated.countDown();
    }
  }

  private int runTasks(int max) {
    int n = 0;
    while (n < max) {
      Runnable t = queue.poll();
      if (t == null) {
        break;
      }
      n++;
      taskNanos = System.nanoTime();
      runSafely(t);
    }
    return n;
  }

  private int runTimers(long now) {
    int n = 0;
    while (heapSize > 0 && heap[0].deadline - now <= 0) {
      Timer t = heap[0];
      removeAt(0);
      n++;
      if (!t.cancelled) {
        t.cancelled = true;
        taskNanos = System.nanoTime();
        runSafely(t.task);
      }
    }
    return n;
  }

  private void idle() {
    sleeping.set(true);
    try {
      if (!queue.isEmpty() || state.get() != RUNNING) {
        return;
      }
      if (heapSize == 0) {
        LockSupport.park(this);
      } else {
        long wait = heap[0].deadline - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(this, wait);
        }
      }
    } finally {
      sleeping.set(false);
    }
  }

  private void runSafely(Runnable task) {
    try {
      task.run();
    } catch (Throwable e) {
      if (e instanceof VirtualMachineError) {
        throw (VirtualMachineError) e;
      }
      try {
        errorHandler.accept(e);
      } catch (RuntimeException ignored) {
        // the error handler itself failed; nothing more to do
      }
    }
  }

  // ------------------------------------------------------------------------------------------ timer heap

  private void push(Timer t) {
    t.seq = timerSeq++;
    if (heapSize == heap.length) {
      Timer[] bigger = new Timer[heap.length * 2];
      System.arraycopy(heap, 0, bigger, 0, heapSize);
      heap = bigger;
    }
    t.index = heapSize;
    heap[heapSize++] = t;
    siftUp(t.index);
  }

  private void removeAt(int i) {
    Timer removed = heap[i];
    removed.index = -1;
    int lastIndex = --heapSize;
    if (i != lastIndex) {
      Timer moved = heap[lastIndex];
      heap[i] = moved;
      moved.index = i;
      heap[lastIndex] = null;
      siftDown(i);
      if (heap[i] == moved) {
        siftUp(i);
      }
    } else {
      heap[lastIndex] = null;
    }
  }

  private static boolean before(Timer a, Timer b) {
    long d = a.deadline - b.deadline;
    return d < 0 || d == 0 && a.seq < b.seq;
  }

  private void siftUp(int i) {
    Timer t = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      Timer p = heap[parent];
      if (!before(t, p)) {
        break;
      }
      heap[i] = p;
      p.index = i;
      i = parent;
    }
    heap[i] = t;
    t.index = i;
  }

  private void siftDown(int i) {
    Timer t = heap[i];
    int half = heapSize >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      Timer c = heap[child];
      int right = child + 1;
      if (right < heapSize && before(heap[right], c)) {
        child = right;
        c = heap[child];
      }
      if (!before(c, t)) {
        break;
      }
      heap[i] = c;
      c.index = i;
      i = child;
    }
    heap[i] = t;
    t.index = i;
  }

  /** A scheduled task; its position in the heap is kept so that cancelling removes it in O(log n). */
  private final class Timer implements Cancellable {
    final long deadline;
    final Runnable task;
    long seq;
    int index = -1;
    volatile boolean cancelled;

    Timer(long deadline, Runnable task) {
      this.deadline = deadline;
      this.task = task;
    }

    @Override
    public void cancel() {
      if (cancelled) {
        return;
      }
      cancelled = true;
      if (inLoop()) {
        if (index >= 0) {
          removeAt(index);
        }
      } else {
        execute(() -> {
          if (index >= 0) {
            removeAt(index);
          }
        });
      }
    }
  }
}
