package dev.ndnj.bench.engine;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FramePrefetch;
import dev.ndnj.engine.fw.Forwarder;
import dev.ndnj.engine.fw.ForwarderConfig;
import dev.ndnj.engine.jvm.EventLoop;
import dev.ndnj.engine.jvm.JvmEngines;
import dev.ndnj.engine.table.ContentStore;
import dev.ndnj.engine.table.Fib;
import dev.ndnj.engine.table.LruContentStore;
import dev.ndnj.engine.table.caffeine.CaffeineContentStore;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * One engine as the JVM runs it in production ({@link JvmEngines#builder}: an {@link EventLoop} that is the clock,
 * the timer heap and the task queue, and the chosen Content Store) with three faces on direct link services: a
 * consumer, a producer serving {@link ExchangeWorkload#producerPrefixes()} (cost 0), and an idle face that holds the
 * rest of a 1,000-route FIB ({@link FibWorkload}, cost 10). Strategy choice is the default (best-route everywhere).
 *
 * <p>The exchange methods run on the forwarding thread, so the forwarder uses the real timer heap: every PIT entry
 * schedules its expiry timer there, and satisfying it cancels that timer and has the entry finalized on the loop's
 * next turn (by a zero-delay task). Another thread drives them with {@link #runPipelined}, one loop task per exchange as a face
 * hands over one received frame per task: the loop runs up to {@link EventLoop#DEFAULT_BATCH_SIZE} tasks, then its
 * due timers, and so on, exactly as in production; the next batch of tasks is queued before the previous one is
 * awaited, so the loop never sleeps. The loop's queue handoff is part of every figure (the baselines have it too).
 */
public final class ExchangeRig implements AutoCloseable {
  /**
   * The JVM option the {@code ndnj} launcher runs the forwarder with (objects that survive two young collections are
   * promoted, so the Content Store's long-lived Data are not copied between survivor spaces up to 15 times), prepended
   * by the exchange benchmarks to their forks' options so that they measure the forwarder as it runs. A
   * {@code -jvmArgsPrepend} on JMH's command line replaces it ({@code -XX:MaxTenuringThreshold=15} for the JVM's own).
   */
  public static final String FORWARDER_JVM_OPTION = "-XX:MaxTenuringThreshold=1";
  /** Routes in the FIB: the producer's prefixes and the idle face's routes together. */
  public static final int FIB_ROUTES = 1000;
  /** Frames {@link #receiveFrames} keeps: room for the batch running and the one received behind it. */
  static final int FRAME_RING = 1024;
  /** Sequence numbers of received frames start here, apart from those {@link #exchangeFromProducer()} builds. */
  static final long FRAME_SEQ_BASE = 1L << 40;
  /** Frames of one face per loop task in {@link #exchangesFromFrameBatches()}. */
  public static final int FRAMES_PER_TASK = 16;

  private final EventLoop loop;
  private final Engine engine;
  private final Forwarder forwarder;
  private final ContentStore cs;
  private final ConsumerLinkService consumer = new ConsumerLinkService();
  private final ProducerLinkService producer = new ProducerLinkService();
  private final ExchangeWorkload workload;
  private final AtomicLong completed = new AtomicLong();
  private volatile Throwable failure;
  private volatile Thread waiter;
  private long submitted;
  private long seq;
  // CS-hit working set (forwarding thread)
  private ByteBuffer[] hitInterests;
  private int[] hitOrder;
  private int hitNext;
  // frames received for exchangeFromFrames: written by the driving thread (receiveFrames) before it queues the tasks
  // that read them; the task queue orders the two
  private final ByteBuffer[] interestFrames = new ByteBuffer[FRAME_RING];
  private final ByteBuffer[] dataFrames = new ByteBuffer[FRAME_RING];
  private long framesReceived; // driving thread
  private int framesTaken; // forwarding thread
  private int dataFramesTaken; // forwarding thread (exchangesFromFrameBatches)
  private boolean dataTurn; // forwarding thread (exchangesFromFrameBatches)
  // what the baselines build, kept so that the JIT cannot leave it out (forwarding thread)
  private Interest builtInterest;
  private Data builtData;

  private ExchangeRig(String csImpl, long csBytes, long seed, ForwarderConfig config) {
    loop = EventLoop.start("ndnj-bench-forwarder");
    cs = newStore(csImpl, loop, csBytes);
    engine = JvmEngines.builder(loop).config(config).contentStore(cs).build();
    forwarder = engine.forwarder();
    workload = new ExchangeWorkload(seed);
    List<Name> routes = FibWorkload.routes(FIB_ROUTES - workload.producerPrefixes().size(), seed + 1);
    call(() -> {
      Face consumerFace = new Face(consumer, new DirectTransport("consumer"));
      Face producerFace = new Face(producer, new DirectTransport("producer"));
      Face idleFace = new Face(new ConsumerLinkService(), new DirectTransport("idle"));
      forwarder.faceTable().add(consumerFace);
      forwarder.faceTable().add(producerFace);
      forwarder.faceTable().add(idleFace);
      Fib fib = forwarder.fib();
      for (Name r : routes) {
        fib.addOrUpdateNextHop(r, idleFace, 10);
      }
      for (Name p : workload.producerPrefixes()) {
        fib.addOrUpdateNextHop(p, producerFace, 0);
      }
      return null;
    });
  }

  /**
   * Starts an engine with a Content Store {@code csImpl} ({@code lru} or {@code caffeine}) of {@code csBytes}, and
   * packets made from {@code seed}.
   */
  public static ExchangeRig start(String csImpl, long csBytes, long seed) {
    return new ExchangeRig(csImpl, csBytes, seed, new ForwarderConfig());
  }

  /** The same with forwarder settings {@code config} instead of the defaults. */
  public static ExchangeRig start(String csImpl, long csBytes, long seed, ForwarderConfig config) {
    return new ExchangeRig(csImpl, csBytes, seed, config);
  }

  /** A new Content Store of implementation {@code impl} ({@code lru} or {@code caffeine}) on the loop's clock. */
  static ContentStore newStore(String impl, EventLoop loop, long capacityBytes) {
    switch (impl) {
      case "lru":
        return new LruContentStore(loop, capacityBytes);
      case "caffeine":
        return new CaffeineContentStore(loop, capacityBytes);
      default:
        throw new IllegalArgumentException("unknown Content Store " + impl + " (lru or caffeine)");
    }
  }

  // ------------------------------------------------------------------------------------------ forwarding thread

  /**
   * One exchange whose Data comes from the producer (forwarding thread): a new, uniquely named Interest goes in on
   * the consumer face, the producer gets it and answers, the Data comes back to the consumer. The two packets are
   * built here, as a face would decode them from received frames.
   */
  public void exchangeFromProducer() {
    long s = seq++;
    Interest interest = workload.interest(s);
    producer.stage(workload.data(s));
    consumer.inject(interest);
    producer.drain();
  }

  /**
   * One exchange whose packets were received by another thread ({@link #receiveFrames}), as the network faces receive
   * them (forwarding thread): the I/O thread has copied each frame out of the socket's buffer into an array of its
   * own; here the Interest and the Data are decoded from those arrays and forwarded as in
   * {@link #exchangeFromProducer()}.
   */
  public void exchangeFromFrames() {
    int slot = framesTaken++ & (FRAME_RING - 1);
    producer.stage(Data.decodeHead(dataFrames[slot]));
    consumer.inject(Interest.decode(interestFrames[slot]));
    producer.drain();
  }

  /**
   * Received frames handed over as a busy face's I/O thread hands them over ({@code InboundBatch} in faces-net): one
   * loop task per {@value #FRAMES_PER_TASK} frames of one face, their first cache lines requested together before
   * they are decoded ({@link FramePrefetch}), as that task does (forwarding thread). Calls alternate between the
   * consumer face's next {@value #FRAMES_PER_TASK} Interests, which the forwarder sends to the producer face, and the
   * producer face's {@value #FRAMES_PER_TASK} Data answering them, which it sends back to the consumer; so
   * {@value #FRAMES_PER_TASK} exchanges take two calls, and up to {@value #FRAMES_PER_TASK} PIT entries are pending
   * between them.
   */
  public void exchangesFromFrameBatches() {
    producer.setDeferred(true);
    boolean data = dataTurn;
    dataTurn = !data;
    ByteBuffer[] ring = data ? dataFrames : interestFrames;
    int first;
    if (data) {
      first = dataFramesTaken;
      dataFramesTaken += FRAMES_PER_TASK;
    } else {
      first = framesTaken;
      framesTaken += FRAMES_PER_TASK;
    }
    // windows of frames touched, then delivered, as InboundBatch.deliverAll does
    int window = FramePrefetch.WINDOW;
    int step = window > 0 ? window : FRAMES_PER_TASK;
    int acc = 0;
    for (int w = 0; w < FRAMES_PER_TASK; w += step) {
      int end = Math.min(FRAMES_PER_TASK, w + step);
      for (int i = w; i < end && window > 0; i++) {
        acc += FramePrefetch.touch(ring[(first + i) & (FRAME_RING - 1)]);
      }
      for (int i = w; i < end; i++) {
        ByteBuffer frame = ring[(first + i) & (FRAME_RING - 1)];
        if (data) {
          producer.deliverReceived(Data.decodeHead(frame));
        } else {
          consumer.inject(Interest.decode(frame));
        }
      }
    }
    FramePrefetch.keep(acc);
  }

  /** Decodes the frames of {@link #exchangeFromFrames()} without forwarding them (the baseline to subtract). */
  public void decodeFramesOnly() {
    int slot = framesTaken++ & (FRAME_RING - 1);
    builtData = Data.decodeHead(dataFrames[slot]);
    builtInterest = Interest.decode(interestFrames[slot]);
  }

  /** Sends {@code interest} in on the consumer face, nothing staged at the producer (forwarding thread). */
  void injectForFootprint(Interest interest) {
    consumer.inject(interest);
  }

  /** Builds the two packets of {@link #exchangeFromProducer()} without forwarding them (the baseline to subtract). */
  public void buildPacketsOnly() {
    long s = seq++;
    builtInterest = workload.interest(s);
    builtData = workload.data(s);
  }

  /**
   * Fills the Content Store with {@code workingSet} Data and prepares Interests for them, asked for in a Zipf
   * (exponent 0.9) popularity order (any thread; runs on the forwarding thread).
   */
  public void prepareContentStoreHits(int workingSet) {
    call(() -> {
      hitInterests = new ByteBuffer[workingSet];
      for (int i = 0; i < workingSet; i++) {
        long s = -1 - i; // versions below VERSION_BASE: never asked for by exchangeFromProducer
        hitInterests[i] = ByteBuffer.wrap(workload.interestWire(s));
        cs.insert(workload.data(s));
      }
      hitOrder = Zipf.sequence(workingSet, 0.9, 1 << 16, 42);
      hitNext = 0;
      return null;
    });
  }

  /**
   * One exchange answered by the Content Store (forwarding thread): an Interest for a name of the working set is
   * decoded from its octets (a new packet object each time, as from a received frame) and goes in on the consumer
   * face; the forwarder answers it from the CS.
   */
  public void exchangeFromContentStore() {
    int i = hitOrder[hitNext++ & (hitOrder.length - 1)];
    consumer.inject(Interest.decode(hitInterests[i]));
  }

  /** Decodes the Interest of {@link #exchangeFromContentStore()} without forwarding it (the baseline). */
  public void decodeCsHitInterestOnly() {
    int i = hitOrder[hitNext++ & (hitOrder.length - 1)];
    builtInterest = Interest.decode(hitInterests[i]);
  }

  // ------------------------------------------------------------------------------------------ driving thread

  /**
   * A batch of work for {@link #runPipelined}: {@code size} tasks, each running {@code body} once on the forwarding
   * thread, the last one also counting the batch as completed. Made once and reused for every batch.
   */
  public Batch batch(Runnable body, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("batch size must be >= 1");
    }
    Runnable task = () -> {
      try {
        body.run();
      } catch (Throwable e) {
        failure = e;
      }
    };
    Runnable last = () -> {
      try {
        body.run();
      } catch (Throwable e) {
        failure = e;
      } finally {
        completed.set(completed.get() + 1);
        Thread w = waiter;
        if (w != null) {
          LockSupport.unpark(w);
        }
      }
    };
    return new Batch(task, last, size);
  }

  /** Tasks queued together on the loop by {@link #runPipelined}; see {@link #batch}. */
  public static final class Batch {
    final Runnable task;
    final Runnable last;
    final int size;

    Batch(Runnable task, Runnable last, int size) {
      this.task = task;
      this.last = last;
      this.size = size;
    }
  }

  /**
   * Receives the frames of the next {@code n} exchanges of {@link #exchangeFromFrames()} (driving thread, standing
   * in for a face's I/O thread): each Interest and Data, uniquely named, copied into a new array and wrapped in a
   * {@code ByteBuffer} there, as {@code NettyTransport} does. At most
   * {@code FRAME_RING / 2} frames may be received ahead of the forwarding thread, which {@link #runPipelined} keeps
   * when {@code n} is the batch size: the batch it queued before has completed when it returns.
   */
  public void receiveFrames(int n) {
    if (n > FRAME_RING / 2) {
      throw new IllegalArgumentException("at most " + FRAME_RING / 2 + " frames ahead");
    }
    for (int i = 0; i < n; i++) {
      long s = FRAME_SEQ_BASE + framesReceived;
      int slot = (int) framesReceived & (FRAME_RING - 1);
      interestFrames[slot] = ByteBuffer.wrap(workload.interestWire(s));
      dataFrames[slot] = ByteBuffer.wrap(workload.dataWire(s));
      framesReceived++;
    }
  }

  /**
   * Queues the tasks of {@code batch} on the forwarding thread, one task per unit of work as a face queues one task
   * per received frame, then waits (parked, leaving the CPU to the loop) until the batch queued before it has
   * completed: the next batch is always queued behind the one running, so the loop never idles, and it runs its due
   * timers after every {@link EventLoop#DEFAULT_BATCH_SIZE} tasks, as in production.
   *
   * @throws IllegalStateException if a task failed or the loop stopped
   */
  public void runPipelined(Batch batch) {
    for (int i = 1; i < batch.size; i++) {
      if (!loop.execute(batch.task)) {
        throw new IllegalStateException("the event loop has stopped");
      }
    }
    if (!loop.execute(batch.last)) {
      throw new IllegalStateException("the event loop has stopped");
    }
    submitted++;
    awaitCompleted(submitted - 1);
  }

  /** Waits until every batch queued by {@link #runPipelined} has completed. */
  public void drain() {
    awaitCompleted(submitted);
  }

  private void awaitCompleted(long target) {
    while (completed.get() < target) {
      Throwable f = failure;
      if (f != null) {
        throw new IllegalStateException("a benchmark batch failed", f);
      }
      waiter = Thread.currentThread();
      if (completed.get() < target) {
        LockSupport.parkNanos(this, 1_000_000);
      }
      waiter = null;
    }
    Throwable f = failure;
    if (f != null) {
      throw new IllegalStateException("a benchmark batch failed", f);
    }
  }

  /** Runs {@code task} on the forwarding thread and returns its result (any other thread). */
  public <T> T call(Supplier<T> task) {
    CompletableFuture<T> f = new CompletableFuture<>();
    if (!loop.execute(() -> {
      try {
        f.complete(task.get());
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
    })) {
      throw new IllegalStateException("the event loop has stopped");
    }
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The forwarder (forwarding thread only). */
  public Forwarder forwarder() {
    return forwarder;
  }

  /** The Content Store (forwarding thread only). */
  public ContentStore contentStore() {
    return cs;
  }

  /** The event loop. */
  public EventLoop loop() {
    return loop;
  }

  /**
   * Waits until the timers due now have run on the forwarding thread (the zero-delay finalization of PIT entries
   * satisfied so far included): a zero-delay timer scheduled from the loop runs after every timer due before it.
   */
  public void settle() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    call(() -> loop.schedule(0, () -> done.complete(null)));
    try {
      done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Counters of the two benchmark faces, read on the forwarding thread once the due timers have run. */
  public Counts counts() {
    settle();
    return call(() -> new Counts(consumer.dataReceived(), consumer.nacksReceived(), producer.interestsReceived(),
        producer.dataSent(), producer.mismatches(), producer.unanswered(), forwarder.pit().size(),
        forwarder.counters().satisfiedInterests(), forwarder.counters().csHits(), forwarder.counters().csMisses(),
        cs.counters().hits(), cs.size()));
  }

  /**
   * What the benchmark faces and tables saw: Data and Nacks received by the consumer; Interests received, Data sent,
   * mismatched and unanswered Interests at the producer; PIT entries now and PIT entries finalized as satisfied; the
   * forwarder's CS hits and misses; the store's own hit counter and size.
   */
  public record Counts(long consumerData, long consumerNacks, long producerInterests, long producerData,
      long producerMismatches, long producerUnanswered, int pitSize, long satisfied, long csHits, long csMisses,
      long storeHits, int storeSize) {}

  /** Checks, in tests, that every staged Data has the name of the Interest it answers. */
  public void setChecking(boolean on) {
    call(() -> {
      producer.setChecking(on);
      return null;
    });
  }

  /** Closes the engine and stops its loop (waits for queued batches first). */
  @Override
  public void close() {
    try {
      drain();
    } finally {
      engine.close();
    }
  }
}
