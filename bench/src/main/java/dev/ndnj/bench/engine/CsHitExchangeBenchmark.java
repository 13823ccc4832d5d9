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
 * End-to-end exchanges answered by the Content Store ({@link ExchangeRig#exchangeFromContentStore()}): the CS holds
 * a working set of {@code workingSet} Data (16,384 by default, about 17 MB, within the 64 MiB capacity); each
 * operation decodes an Interest for one of them from its octets (a new packet object, as from a received frame),
 * asked for in Zipf (0.9) popularity order, and sends it in on the consumer face; the incoming Interest pipeline
 * (Dead Nonce List, PIT insert, CS hit) answers it from the store and the Data goes back to the consumer. Same
 * engine as {@link ExchangeBenchmark} (production {@code EventLoop}, one loop task per
 * exchange).
 *
 * <ul>
 *   <li>{@code exchange}: one CS-hit exchange, Interest decode included;
 *   <li>{@code decodeInterestOnly}: the decode alone, the baseline to subtract.
 * </ul>
 * Scores are exchanges per second. Run from the repository root after building (see docs/benchmarks.md):
 *
 * <pre>
 * nice -n -20 java -jar bench/target/benchmarks.jar 'engine.CsHitExchangeBenchmark' \
 *     -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsPrepend = ExchangeRig.FORWARDER_JVM_OPTION)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CsHitExchangeBenchmark {
  /** Content Store: {@code lru} or {@code caffeine}. */
  @Param({"lru", "caffeine"})
  public String cs;

  /** Data in the working set (all in the store). */
  @Param({"16384"})
  public int workingSet;

  private ExchangeRig rig;
  private ExchangeRig.Batch exchangeBatch;
  private ExchangeRig.Batch decodeBatch;

  @Setup(Level.Trial)
  public void setUp() {
    rig = ExchangeRig.start(cs, 64L << 20, 42);
    rig.prepareContentStoreHits(workingSet);
    ExchangeRig r = rig;
    exchangeBatch = rig.batch(r::exchangeFromContentStore, ExchangeBenchmark.BATCH);
    decodeBatch = rig.batch(r::decodeCsHitInterestOnly, ExchangeBenchmark.BATCH);
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
  @OperationsPerInvocation(ExchangeBenchmark.BATCH)
  public void exchange() {
    rig.runPipelined(exchangeBatch);
  }

  @Benchmark
  @OperationsPerInvocation(ExchangeBenchmark.BATCH)
  public void decodeInterestOnly() {
    rig.runPipelined(decodeBatch);
  }
}
