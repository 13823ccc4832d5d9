package dev.ndnj.bench.tlv;

import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import net.named_data.jndn.encoding.Tlv0_3WireFormat;
import net.named_data.jndn.util.Blob;
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

/**
 * Encoding a typical Interest from an existing name: builder, then wire octets. ndnj's
 * {@code Interest.builder(name)...build().wire()} against jNDN's {@code new Interest(name)}, setters and
 * {@code wireEncode(Tlv0_3WireFormat.get())}. Both produce the same octets (checked by the bench tests): the name,
 * CanBePrefix, MustBeFresh, the Nonce and InterestLifetime. Each side starts from its own already-built name
 * object and a ready nonce (an {@code int} for ndnj, a 4-octet {@code Blob} for jNDN).
 *
 * <p>Input: the names and nonces of {@link CodecCorpus}, walked in order. Run from the repository root after
 * building (see docs/benchmarks.md):
 *
 * <pre>java -jar bench/target/benchmarks.jar InterestEncodeBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InterestEncodeBenchmark {
  private Name[] names;
  private int[] nonces;
  private net.named_data.jndn.Name[] jndnNames;
  private Blob[] jndnNonces;
  private int next;

  @Setup
  public void setUp() {
    CodecCorpus corpus = CodecCorpus.standard();
    ByteBuffer[] nameWires = corpus.interestNameWires();
    names = CodecCorpus.ndnjNames(nameWires);
    jndnNames = CodecCorpus.jndnNames(nameWires);
    nonces = corpus.nonces();
    jndnNonces = new Blob[nonces.length];
    for (int i = 0; i < nonces.length; i++) {
      jndnNonces[i] = new Blob(ByteBuffer.allocate(4).putInt(0, nonces[i]), false);
    }
    // Every Interest sets CanBePrefix explicitly; this only silences jNDN's warning about the default.
    net.named_data.jndn.Interest.setDefaultCanBePrefix(false);
  }

  private int advance() {
    next = (next + 1) & CodecCorpus.MASK;
    return next;
  }

  @Benchmark
  public ByteBuffer ndnj() {
    int i = advance();
    return Interest.builder(names[i]).canBePrefix(true).mustBeFresh(true).nonce(nonces[i])
        .lifetime(CodecCorpus.LIFETIME).build().wire();
  }

  @Benchmark
  public Blob jndn() {
    int i = advance();
    net.named_data.jndn.Interest interest = new net.named_data.jndn.Interest(jndnNames[i]);
    interest.setCanBePrefix(true);
    interest.setMustBeFresh(true);
    interest.setInterestLifetimeMilliseconds(CodecCorpus.LIFETIME);
    // Last: jNDN drops the nonce when any field changes after it is set.
    interest.setNonce(jndnNonces[i]);
    return interest.wireEncode(Tlv0_3WireFormat.get());
  }
}
