package dev.ndnj.bench.table;

import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.engine.table.ContentStore;
import dev.ndnj.tlv.Data;
import java.nio.ByteBuffer;
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
 * Content Store inserts into a full store, {@code LruContentStore} against {@code CaffeineContentStore}. The store
 * holds about {@code entries} Data of {@link CsWorkload} (65,536 by default; capacity = their wire bytes) and is
 * offered, in catalogue order, Data from a catalogue four times that, so nearly every insert adds a name and evicts
 * (the LRU evicts the oldest; Caffeine runs its maintenance on the calling thread and may refuse the newcomer). Each
 * operation decodes a Data from its wire octets, hashes its name (as the forwarder's PIT match does before the CS
 * insert) and inserts it: exact-name index, ordered index, recency or policy bookkeeping, eviction.
 * {@code decodeOnly} is the same decode and hash without the insert, the baseline to subtract. The Data octets lie
 * one after another in one array, walked in order, so the new Data is as hot as a just-received packet. Run from the
 * repository root after building (see docs/benchmarks.md):
 *
 * <pre>java -jar bench/target/benchmarks.jar CsInsertBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CsInsertBenchmark {
  /** {@code lru} or {@code caffeine}. */
  @Param({"lru", "caffeine"})
  public String impl;

  /** Data the store holds; a power of two. */
  @Param({"65536"})
  public int entries;

  private ContentStore cs;
  private ByteBuffer wires;
  private int[] offsets;
  private int mask;
  private int next;

  @Setup
  public void setUp() {
    int catalogue = 4 * entries;
    mask = catalogue - 1;
    Data[] built = new Data[catalogue];
    long total = 0;
    long bytes = 0;
    for (int i = 0; i < catalogue; i++) {
      built[i] = CsWorkload.data(i);
      total += built[i].wireLength();
      if (i < entries) {
        bytes += built[i].wireLength();
      }
    }
    wires = ByteBuffer.allocate(Math.toIntExact(total));
    offsets = new int[catalogue + 1];
    for (int i = 0; i < catalogue; i++) {
      offsets[i] = wires.position();
      wires.put(built[i].wire());
    }
    offsets[catalogue] = wires.position();
    wires.clear();
    cs = CsWorkload.newStore(impl, new ManualClock(), bytes);
    for (int i = 0; i < entries; i++) {
      cs.insert(decode(i));
    }
    next = entries - 1;
  }

  private Data decode(int k) {
    Data data = Data.decode(wires, offsets[k], offsets[k + 1], 0);
    data.name().hashCode();
    return data;
  }

  @Benchmark
  public ContentStore insert() {
    next = (next + 1) & mask;
    cs.insert(decode(next));
    return cs;
  }

  @Benchmark
  public Data decodeOnly() {
    next = (next + 1) & mask;
    return decode(next);
  }
}
