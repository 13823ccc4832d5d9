package dev.ndnj.bench.tlv;

import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import net.named_data.jndn.encoding.EncodingException;
import net.named_data.jndn.encoding.TlvWireFormat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Hashing names as the tables do, on freshly decoded names so that no cached hash is reused: a name decoded from
 * its Name element, then
 * <ul>
 *   <li>{@code *Decode}: nothing more (the baseline to subtract);</li>
 *   <li>{@code *HashCode}: the full name's {@code hashCode()} (exact-match lookup: PIT, CS);</li>
 *   <li>{@code *PrefixHashes}: the hash of every prefix, length 0 to size (longest-prefix match: FIB, strategy
 *       choice). ndnj gets them all from one pass ({@code prefixHash(k)}); jNDN has no such thing, so it hashes
 *       {@code getPrefix(k)} for each k, as a jNDN-based table would.</li>
 * </ul>
 *
 * <p>Input: the Name elements of {@link CodecCorpus#interestNameWires()}, 1024 distinct five-component names,
 * walked in order. Run from the repository root after building (see docs/benchmarks.md):
 *
 * <pre>java -jar bench/target/benchmarks.jar NameHashBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NameHashBenchmark {
  private ByteBuffer[] wires;
  private int next;

  @Setup
  public void setUp() {
    wires = CodecCorpus.standard().interestNameWires();
  }

  private ByteBuffer nextWire() {
    next = (next + 1) & CodecCorpus.MASK;
    return wires[next];
  }

  private net.named_data.jndn.Name decodeJndn() throws EncodingException {
    net.named_data.jndn.Name name = new net.named_data.jndn.Name();
    name.wireDecode(nextWire(), TlvWireFormat.get());
    return name;
  }

  @Benchmark
  public Name ndnjDecode() {
    return Name.decode(nextWire());
  }

  @Benchmark
  public net.named_data.jndn.Name jndnDecode() throws EncodingException {
    return decodeJndn();
  }

  @Benchmark
  public int ndnjHashCode() {
    return Name.decode(nextWire()).hashCode();
  }

  @Benchmark
  public int jndnHashCode() throws EncodingException {
    return decodeJndn().hashCode();
  }

  @Benchmark
  public void ndnjPrefixHashes(Blackhole bh) {
    Name name = Name.decode(nextWire());
    for (int k = 0; k <= name.size(); k++) {
      bh.consume(name.prefixHash(k));
    }
  }

  @Benchmark
  public void jndnPrefixHashes(Blackhole bh) throws EncodingException {
    net.named_data.jndn.Name name = decodeJndn();
    for (int k = 0; k <= name.size(); k++) {
      bh.consume(name.getPrefix(k).hashCode());
    }
  }
}
