package dev.ndnj.bench.tlv;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Interest;
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
 * Decoding a typical Interest and reading what a forwarder reads: the name (its size, each component's TLV-TYPE
 * and length), CanBePrefix, MustBeFresh, the Nonce and the InterestLifetime. ndnj's {@code Interest.decode}
 * against jNDN's {@code Interest.wireDecode(ByteBuffer, TlvWireFormat.get())}, which decodes v0.3 Interests. The
 * decoded packet itself is also consumed, as a PIT would keep it. The {@code *DecodeOnly} pair decodes and keeps
 * the packet without reading any field, to separate the cost of decoding from that of reading the name (jNDN
 * materialises every field while decoding, ndnj reads the name's components on demand).
 *
 * <p>Input: {@link CodecCorpus#interestWires()}, 1024 Interests with distinct five-component names, walked in
 * order. Run from the repository root after building (see docs/benchmarks.md):
 *
 * <pre>java -jar bench/target/benchmarks.jar InterestDecodeBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s
 * java -jar bench/target/benchmarks.jar InterestDecodeBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InterestDecodeBenchmark {
  private ByteBuffer[] wires;
  private int next;

  @Setup
  public void setUp() {
    wires = CodecCorpus.standard().interestWires();
  }

  private ByteBuffer nextWire() {
    next = (next + 1) & CodecCorpus.MASK;
    return wires[next];
  }

  @Benchmark
  public void ndnj(Blackhole bh) {
    Interest interest = Interest.decode(nextWire());
    Name name = interest.name();
    int size = name.size();
    bh.consume(size);
    for (int i = 0; i < size; i++) {
      Component c = name.get(i);
      bh.consume(c.type());
      bh.consume(c.valueLength());
    }
    bh.consume(interest.canBePrefix());
    bh.consume(interest.mustBeFresh());
    bh.consume(interest.nonce());
    bh.consume(interest.lifetime());
    bh.consume(interest);
  }

  @Benchmark
  public void jndn(Blackhole bh) throws EncodingException {
    net.named_data.jndn.Interest interest = new net.named_data.jndn.Interest();
    interest.wireDecode(nextWire(), TlvWireFormat.get());
    net.named_data.jndn.Name name = interest.getName();
    int size = name.size();
    bh.consume(size);
    for (int i = 0; i < size; i++) {
      net.named_data.jndn.Name.Component c = name.get(i);
      bh.consume(c.getType());
      bh.consume(c.getValue().size());
    }
    bh.consume(interest.getCanBePrefix());
    bh.consume(interest.getMustBeFresh());
    bh.consume(interest.getNonce());
    bh.consume(interest.getInterestLifetimeMilliseconds());
    bh.consume(interest);
  }

  @Benchmark
  public Interest ndnjDecodeOnly() {
    return Interest.decode(nextWire());
  }

  @Benchmark
  public net.named_data.jndn.Interest jndnDecodeOnly() throws EncodingException {
    net.named_data.jndn.Interest interest = new net.named_data.jndn.Interest();
    interest.wireDecode(nextWire(), TlvWireFormat.get());
    return interest;
  }
}
