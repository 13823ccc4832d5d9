package dev.ndnj.bench.engine;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.table.Fib;
import dev.ndnj.engine.table.FibEntry;
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * FIB longest-prefix match ({@link Fib#findLongestPrefixMatch}) over {@code routes} routes of {@link FibWorkload}
 * (2 to 5 components, nested like a routing table), for {@value #LOOKUPS} lookup names of 5 to 8 components walked
 * in a fixed random order: 90% hit a route at depth 2 to 5 (as the routes are spread), 10% miss after probing every
 * route length. Each route has one next hop.
 *
 * <ul>
 *   <li>{@code lookup}: names already decoded and hashed, as in the forwarder, where the PIT insert has computed the
 *       name's prefix hashes before the strategy looks the FIB up: the probing alone;
 *   <li>{@code lookupFreshName}: each name decoded from its octets first, so the match also hashes it (one pass
 *       over the name for all prefixes);
 *   <li>{@code decodeNameOnly}: that decode alone, the baseline for {@code lookupFreshName}.
 * </ul>
 * Run from the repository root after building (see docs/benchmarks.md); the 1M-route setup takes a few seconds:
 *
 * <pre>nice -n -20 java -jar bench/target/benchmarks.jar 'engine.FibLookupBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FibLookupBenchmark {
  /** Lookup names, walked in order; a power of two. */
  public static final int LOOKUPS = 4096;
  /** Fraction of lookups that match no route. */
  public static final double MISS_FRACTION = 0.1;

  /** Number of routes. */
  @Param({"1000", "1000000"})
  public int routes;

  private Fib fib;
  private Name[] names;
  private ByteBuffer[] wires;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    List<Name> table = FibWorkload.routes(routes, 7);
    fib = buildFib(table);
    List<FibWorkload.Lookup> lookups = FibWorkload.lookups(table, LOOKUPS, MISS_FRACTION, 11);
    names = new Name[LOOKUPS];
    wires = new ByteBuffer[LOOKUPS];
    for (int i = 0; i < LOOKUPS; i++) {
      names[i] = lookups.get(i).name();
      names[i].hashCode(); // as after the PIT insert
      ByteBuffer w = lookups.get(i).name().wire();
      byte[] b = new byte[w.remaining()];
      w.get(b);
      wires[i] = ByteBuffer.wrap(b); // a writable heap buffer, like a received frame
    }
  }

  /** The FIB under test (for the tests of this module). */
  Fib fib() {
    return fib;
  }

  /** A FIB holding {@code routes}, each with one next hop on a face made for the purpose. */
  static Fib buildFib(List<Name> routes) {
    Fib fib = new Fib();
    Face face = new Face(new ConsumerLinkService(), new DirectTransport("upstream"));
    for (Name r : routes) {
      fib.addOrUpdateNextHop(r, face, 10);
    }
    return fib;
  }

  @Benchmark
  public FibEntry lookup() {
    return fib.findLongestPrefixMatch(names[next++ & (LOOKUPS - 1)]);
  }

  @Benchmark
  public FibEntry lookupFreshName() {
    return fib.findLongestPrefixMatch(Name.decode(wires[next++ & (LOOKUPS - 1)]));
  }

  @Benchmark
  public Name decodeNameOnly() {
    return Name.decode(wires[next++ & (LOOKUPS - 1)]);
  }
}
