package dev.ndnj.bench.tlv;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Sha256;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
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
 * SHA-256 of a Data packet's signed portion (about 1.1 KB: the corpus Data's Name through SignatureInfo), the
 * digest a DigestSha256 signature, an implicit digest or a ParametersSha256DigestComponent needs: ndnj's
 * portable {@code dev.ndnj.tlv.Sha256} (plain Java, so that TeaVM compiles it) against the JDK's
 * {@code MessageDigest} that jNDN uses, which HotSpot replaces by its SHA-256 intrinsic (SHA-NI or AVX2 code) when
 * the CPU has it ({@code -XX:+UseSHA256Intrinsics}, on by default).
 *
 * <p>Input: the signed portions of {@link CodecCorpus#dataWires()}, walked in order. Run from the repository root
 * after building (see docs/benchmarks.md):
 *
 * <pre>java -jar bench/target/benchmarks.jar Sha256Benchmark -f 1 -wi 3 -w 1s -i 5 -r 1s</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Sha256Benchmark {
  private byte[][] signedPortions;
  private int next;

  @Setup
  public void setUp() {
    ByteBuffer[] wires = CodecCorpus.standard().dataWires();
    signedPortions = new byte[wires.length][];
    for (int i = 0; i < wires.length; i++) {
      ByteBuffer signed = Data.decode(wires[i]).signedPortion();
      signedPortions[i] = new byte[signed.remaining()];
      signed.get(signedPortions[i]);
    }
  }

  private byte[] nextInput() {
    next = (next + 1) & CodecCorpus.MASK;
    return signedPortions[next];
  }

  @Benchmark
  public byte[] ndnj() {
    return Sha256.digest(nextInput());
  }

  @Benchmark
  public byte[] jdk() throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(nextInput());
  }
}
