package dev.ndnj.bench.engine;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end Interest/Data exchanges through one forwarder on its forwarding thread, the Data coming from a producer
 * face ({@link ExchangeRig#exchangeFromProducer()}): a new, uniquely named Interest ({@link ExchangeWorkload}: 7
 * components, {@code /ndn/<tld>/<site>/<app>/<item>/v=<V>/seg=<S>}) enters on the consumer face and goes through the
 * incoming Interest pipeline (Dead Nonce List, PIT insert, CS miss, best-route, FIB longest prefix match over 1,000
 * routes) to the producer face, whose link service queues the answer and delivers it once the Interest has
 * returned; the Data goes through the incoming Data pipeline (PIT match, CS insert, satisfy) back to the consumer.
 * The engine is the production JVM assembly: {@code EventLoop} clock and timer heap, the chosen Content Store of
 * {@code csBytes} (kept full: once it has filled, every insert evicts).
 *
 * <ul>
 *   <li>{@code exchangeReceived}: one operation is one exchange whose two frames were received as the network faces
 *       receive them: another thread (the benchmark's, standing in for a face's I/O thread) copies each frame into
 *       an array of its own, and the forwarding thread decodes it ({@link dev.ndnj.tlv.Data#decodeHead} for the
 *       Data, as {@code GenericLinkService} does) and forwards it. This is what the forwarding thread of a running
 *       forwarder does per exchange when each frame comes alone;
 *   <li>{@code exchangeReceivedBatched}: the same frames handed over as a busy face hands them over
 *       ({@code InboundBatch}): one task per {@value ExchangeRig#FRAMES_PER_TASK} frames of one face, alternately
 *       the consumer's Interests and the producer's Data answering them, the task's frames' first cache lines
 *       requested together before they are decoded ({@link dev.ndnj.engine.face.FramePrefetch}). What the forwarding thread of a loaded
 *       forwarder does;
 *   <li>{@code exchange}: the same, but the forwarding thread also makes the frames (copies them out of templates),
 *       which in a running forwarder the I/O threads do: a stricter figure, kept for comparison with earlier runs;
 *   <li>{@code decodeReceivedOnly} and {@code buildPacketsOnly}: the decoding (and, for the latter, the copying)
 *       alone, in the same loop tasks on the same thread: subtract them for the forwarder's own cost per exchange
 *       (time and, with {@code -prof gc}, bytes).
 * </ul>
 * Each operation is one task on the event loop thread, queued by the benchmark thread {@value #BATCH} at a time (see
 * {@link ExchangeRig#runPipelined}): the loop runs 256 tasks, then its due timers (the PIT entries satisfied meanwhile
 * are finalized there), as it does with received frames. Scores are operations (exchanges) per second. Run from
 * the repository root after building (see docs/benchmarks.md):
 *
 * <pre>
 * nice -n -20 java -jar bench/target/benchmarks.jar 'engine.ExchangeBenchmark' \
 *     -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsPrepend = ExchangeRig.FORWARDER_JVM_OPTION)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ExchangeBenchmark {
  /** Exchanges (one loop task each) queued per benchmark invocation: the event loop's own batch size. */
  public static final int BATCH = 256;
  /** Loop tasks of {@code exchangeReceivedBatched} per invocation: two per {@link ExchangeRig#FRAMES_PER_TASK}. */
  public static final int TASKS_PER_BATCHED_BATCH = 2 * BATCH / ExchangeRig.FRAMES_PER_TASK;

  /** Content Store: {@code lru} or {@code caffeine}. */
  @Param({"lru", "caffeine"})
  public String cs;

  /**
   * Content Store capacity in bytes of Data wire: 0 (the store takes nothing: every lookup misses at once and every
   * insert is refused, so the figure is the forwarder's alone), 1 MiB (about 900 Data: the store's indexes stay in
   * the CPU caches) and 64 MiB (the JVM engine's default, about 60,000 Data: what a busy forwarder pays, cache misses
   * in the store's indexes and garbage collection of the Data it holds included).
   */
  @Param({"0", "1048576", "67108864"})
  public long csBytes;

  private ExchangeRig rig;
  private ExchangeRig.Batch exchangeBatch;
  private ExchangeRig.Batch buildBatch;
  private ExchangeRig.Batch receivedBatch;
  private ExchangeRig.Batch decodeReceivedBatch;
  private ExchangeRig.Batch receivedBatchesBatch;

  @Setup(Level.Trial)
  public void setUp() {
    rig = ExchangeRig.start(cs, csBytes, 42);
    ExchangeRig r = rig;
    exchangeBatch = rig.batch(r::exchangeFromProducer, BATCH);
    buildBatch = rig.batch(r::buildPacketsOnly, BATCH);
    receivedBatch = rig.batch(r::exchangeFromFrames, BATCH);
    decodeReceivedBatch = rig.batch(r::decodeFramesOnly, BATCH);
    receivedBatchesBatch = rig.batch(r::exchangesFromFrameBatches, TASKS_PER_BATCHED_BATCH);
  }

  /** The engine under test (for the tests of this module). */
  ExchangeRig rig() {
    return rig;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    rig.drain();
    System.out.println();
    System.out.println("# " + rig.counts());
    rig.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void exchange() {
    rig.runPipelined(exchangeBatch);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void exchangeReceived() {
    rig.receiveFrames(BATCH);
    rig.runPipelined(receivedBatch);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void exchangeReceivedBatched() {
    rig.receiveFrames(BATCH);
    rig.runPipelined(receivedBatchesBatch);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void decodeReceivedOnly() {
    rig.receiveFrames(BATCH);
    rig.runPipelined(decodeReceivedBatch);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void buildPacketsOnly() {
    rig.runPipelined(buildBatch);
  }
}
