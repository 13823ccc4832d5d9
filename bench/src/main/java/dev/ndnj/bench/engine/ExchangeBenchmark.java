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
 * {@code csBytes} (kept full: every insert evicts once it has filled).
 *
 * <ul>
 *   <li>{@code exchange}: one operation is one exchange, building both packets from received-like octets (copy and
 *       decode, as a face does) included;
 *   <li>{@code buildPacketsOnly}: building the two packets alone, in the same batches on the same thread: subtract it
 *       for the forwarder's own cost per exchange (time and, with {@code -prof gc}, bytes).
 * </ul>
 * Operations run on the event loop thread in batches of {@value #BATCH} (the loop's own batch size); the benchmark
 * thread queues the next batch before waiting for the previous one, so the loop never idles. Scores are operations
 * (exchanges) per second. Run from the repository root after building (see docs/benchmarks.md):
 *
 * <pre>nice -n -20 java -jar bench/target/benchmarks.jar 'engine.ExchangeBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ExchangeBenchmark {
  /** Exchanges per task on the event loop. */
  public static final int BATCH = 256;

  /** Content Store: {@code lru} or {@code caffeine}. */
  @Param({"lru", "caffeine"})
  public String cs;

  /** Content Store capacity in bytes of Data wire (64 MiB, the JVM engine's default). */
  @Param({"67108864"})
  public long csBytes;

  private ExchangeRig rig;
  private Runnable exchangeBatch;
  private Runnable buildBatch;

  @Setup(Level.Trial)
  public void setUp() {
    rig = ExchangeRig.start(cs, csBytes, 42);
    ExchangeRig r = rig;
    exchangeBatch = rig.batch(() -> {
      for (int i = 0; i < BATCH; i++) {
        r.exchangeFromProducer();
      }
    });
    buildBatch = rig.batch(() -> {
      for (int i = 0; i < BATCH; i++) {
        r.buildPacketsOnly();
      }
    });
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
  public void buildPacketsOnly() {
    rig.runPipelined(buildBatch);
  }
}
