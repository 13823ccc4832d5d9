package dev.ndnj.bench.table;

import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.engine.table.ContentStore;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Content Store lookups, {@code LruContentStore} against {@code CaffeineContentStore}. The store holds one segment of
 * each of {@code entries} objects of {@link CsWorkload} (65,536 by default, 72 MB of wire; capacity twice that so
 * nothing is evicted), so that exact and CanBePrefix lookups range over the same number of entries. Each operation
 * decodes an Interest from its wire octets, hashes its name (as the forwarder's PIT insert does before the CS
 * lookup) and looks it up:
 * <ul>
 *   <li>{@code exactHit}: an Interest for a stored segment's exact name ({@code .../v=N/seg=M});
 *   <li>{@code canBePrefixHit}: an Interest for an object ({@code .../v=N}, CanBePrefix, MustBeFresh), answered by
 *       its stored segment through the ordered index after the exact probe misses;
 *   <li>{@code exactMiss}: an Interest for another segment of a stored object (not stored);
 *   <li>{@code decodeOnly}: the same decode and hash without a lookup, the baseline to subtract.
 * </ul>
 * The Interests' octets lie one after another in one array, walked in order, so the Interest side is as hot in the
 * CPU caches as a just-received packet; the names they ask for are in a shuffled order, so consecutive lookups touch
 * unrelated store entries. Each lookup is counted and, for Caffeine, recorded in the W-TinyLFU sketch, as in the
 * forwarder. Freshness is read from a {@code ManualClock} (no system call). Run from the repository root after
 * building (see docs/benchmarks.md):
 *
 * <pre>java -jar bench/target/benchmarks.jar CsLookupBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CsLookupBenchmark {
  /** {@code lru} or {@code caffeine}. */
  @Param({"lru", "caffeine"})
  public String impl;

  /** Data in the store; a power of two. */
  @Param({"65536"})
  public int entries;

  private ContentStore cs;
  private Wires exact;
  private Wires prefix;
  private Wires absent;
  private int mask;
  private int next;

  /** Interest wires packed in one buffer. */
  private static final class Wires {
    final ByteBuffer buf;
    final int[] offsets;

    Wires(Interest[] interests) {
      int total = 0;
      for (Interest i : interests) {
        total += i.wireLength();
      }
      buf = ByteBuffer.allocate(total);
      offsets = new int[interests.length + 1];
      for (int k = 0; k < interests.length; k++) {
        offsets[k] = buf.position();
        buf.put(interests[k].wire());
      }
      offsets[interests.length] = buf.position();
      buf.clear();
    }

    Interest decode(int k) {
      Interest interest = Interest.decode(buf, offsets[k], offsets[k + 1], 0);
      interest.name().hashCode();
      return interest;
    }
  }

  @Setup
  public void setUp() {
    mask = entries - 1;
    Data[] stored = new Data[entries];
    long bytes = 0;
    for (int k = 0; k < entries; k++) {
      stored[k] = CsWorkload.data(k * CsWorkload.SEGMENTS + k % CsWorkload.SEGMENTS);
      bytes += stored[k].wireLength();
    }
    cs = CsWorkload.newStore(impl, new ManualClock(), 2 * bytes);
    for (Data d : stored) {
      cs.insert(d);
    }
    if (cs.size() != entries) {
      throw new IllegalStateException("store holds " + cs.size() + " of " + entries);
    }
    int[] order = shuffled(entries, new Random(42));
    Interest[] hits = new Interest[entries];
    Interest[] misses = new Interest[entries];
    Interest[] prefixes = new Interest[entries];
    for (int i = 0; i < entries; i++) {
      int k = order[i];
      hits[i] = CsWorkload.interest(stored[k].name(), false, false);
      misses[i] = CsWorkload.interest(CsWorkload.name(k * CsWorkload.SEGMENTS + (k + 1) % CsWorkload.SEGMENTS),
          false, false);
      prefixes[i] = CsWorkload.interest(CsWorkload.objectName(k), true, true);
    }
    exact = new Wires(hits);
    absent = new Wires(misses);
    prefix = new Wires(prefixes);
    for (int i = 0; i < entries; i++) {
      if (cs.find(exact.decode(i)) == null || cs.find(prefix.decode(i)) == null || cs.find(absent.decode(i)) != null) {
        throw new IllegalStateException("unexpected lookup result at " + i);
      }
    }
  }

  private static int[] shuffled(int n, Random rnd) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  @Benchmark
  public Data exactHit() {
    next = (next + 1) & mask;
    return cs.find(exact.decode(next));
  }

  @Benchmark
  public Data canBePrefixHit() {
    next = (next + 1) & mask;
    return cs.find(prefix.decode(next));
  }

  @Benchmark
  public Data exactMiss() {
    next = (next + 1) & mask;
    return cs.find(absent.decode(next));
  }

  @Benchmark
  public Interest decodeOnly() {
    next = (next + 1) & mask;
    return exact.decode(next);
  }
}
