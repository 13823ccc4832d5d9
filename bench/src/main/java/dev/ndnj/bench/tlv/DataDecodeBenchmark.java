package dev.ndnj.bench.tlv;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import net.named_data.jndn.DigestSha256Signature;
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
 * Decoding a Data packet and reading its name (size, each component's TLV-TYPE and length), FreshnessPeriod,
 * Content length, SignatureType and SignatureValue length. ndnj's {@code Data.decode} against jNDN's
 * {@code Data.wireDecode(ByteBuffer, TlvWireFormat.get())}. Neither verifies the signature.
 *
 * <p>Input: {@link CodecCorpus#dataWires()}, 1024 Data with distinct seven-component names
 * ({@code /ndn/edu/ucla/video/lecture-007.mp4/v=.../seg=...}), 1 KB Content and a DigestSha256 signature. Run from
 * the repository root after building (see docs/benchmarks.md):
 *
 * <pre>java -jar bench/target/benchmarks.jar DataDecodeBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DataDecodeBenchmark {
  private ByteBuffer[] wires;
  private int next;

  @Setup
  public void setUp() {
    wires = CodecCorpus.standard().dataWires();
  }

  private ByteBuffer nextWire() {
    next = (next + 1) & CodecCorpus.MASK;
    return wires[next];
  }

  @Benchmark
  public void ndnj(Blackhole bh) {
    Data data = Data.decode(nextWire());
    Name name = data.name();
    int size = name.size();
    bh.consume(size);
    for (int i = 0; i < size; i++) {
      Component c = name.get(i);
      bh.consume(c.type());
      bh.consume(c.valueLength());
    }
    bh.consume(data.freshnessPeriod());
    bh.consume(data.contentLength());
    bh.consume(data.signatureInfo().type());
    bh.consume(data.signatureValue().remaining());
    bh.consume(data);
  }

  @Benchmark
  public void jndn(Blackhole bh) throws EncodingException {
    net.named_data.jndn.Data data = new net.named_data.jndn.Data();
    data.wireDecode(nextWire(), TlvWireFormat.get());
    net.named_data.jndn.Name name = data.getName();
    int size = name.size();
    bh.consume(size);
    for (int i = 0; i < size; i++) {
      net.named_data.jndn.Name.Component c = name.get(i);
      bh.consume(c.getType());
      bh.consume(c.getValue().size());
    }
    bh.consume(data.getMetaInfo().getFreshnessPeriod());
    bh.consume(data.getContent().size());
    DigestSha256Signature signature = (DigestSha256Signature) data.getSignature();
    bh.consume(signature.getSignature().size());
    bh.consume(data);
  }
}
