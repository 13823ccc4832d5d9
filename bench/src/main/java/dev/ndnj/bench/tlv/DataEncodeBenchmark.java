package dev.ndnj.bench.tlv;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import net.named_data.jndn.DigestSha256Signature;
import net.named_data.jndn.encoding.Tlv0_3WireFormat;
import net.named_data.jndn.util.Blob;
import net.named_data.jndn.util.Common;
import net.named_data.jndn.util.SignedBlob;
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
 * Encoding and DigestSha256-signing a Data packet with 1 KB of Content: ndnj's
 * {@code Data.builder(name).freshnessPeriod(..).content(..).signWithDigestSha256().wire()} against what jNDN's
 * {@code KeyChain.signWithSha256} does: encode, SHA-256 of the signed portion, set the signature value, encode
 * again. Both produce the same octets (checked by the bench tests). The SHA-256 of about 1.1 KB is part of the
 * work on both sides ({@code dev.ndnj.tlv.Sha256} for ndnj, the JDK's {@code MessageDigest} for jNDN); the
 * {@code *Unsigned} pair shows the encoding alone, with a fixed 32-octet value instead of a digest.
 *
 * <p>Input: the names and contents of {@link CodecCorpus}, walked in order. Run from the repository root after
 * building (see docs/benchmarks.md):
 *
 * <pre>java -jar bench/target/benchmarks.jar DataEncodeBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DataEncodeBenchmark {
  private static final byte[] FIXED_SIGNATURE = new byte[32];

  private Name[] names;
  private byte[][] contents;
  private net.named_data.jndn.Name[] jndnNames;
  private Blob[] jndnContents;
  private dev.ndnj.tlv.SignatureInfo digestSha256;
  private int next;

  @Setup
  public void setUp() {
    CodecCorpus corpus = CodecCorpus.standard();
    ByteBuffer[] nameWires = corpus.dataNameWires();
    names = CodecCorpus.ndnjNames(nameWires);
    jndnNames = CodecCorpus.jndnNames(nameWires);
    contents = corpus.contents();
    jndnContents = new Blob[contents.length];
    for (int i = 0; i < contents.length; i++) {
      jndnContents[i] = new Blob(contents[i], false);
    }
    digestSha256 = dev.ndnj.tlv.SignatureInfo.builder(dev.ndnj.tlv.TlvTypes.SIGNATURE_DIGEST_SHA256).build();
  }

  private int advance() {
    next = (next + 1) & CodecCorpus.MASK;
    return next;
  }

  @Benchmark
  public ByteBuffer ndnj() {
    int i = advance();
    return Data.builder(names[i]).freshnessPeriod(CodecCorpus.FRESHNESS).content(contents[i])
        .signWithDigestSha256().wire();
  }

  @Benchmark
  public Blob jndn() {
    net.named_data.jndn.Data data = jndnUnsigned(advance());
    DigestSha256Signature signature = new DigestSha256Signature();
    data.setSignature(signature);
    SignedBlob unsigned = data.wireEncode(Tlv0_3WireFormat.get());
    ((DigestSha256Signature) data.getSignature())
        .setSignature(new Blob(Common.digestSha256(unsigned.signedBuf()), false));
    return data.wireEncode(Tlv0_3WireFormat.get());
  }

  @Benchmark
  public ByteBuffer ndnjUnsigned() {
    int i = advance();
    return Data.builder(names[i]).freshnessPeriod(CodecCorpus.FRESHNESS).content(contents[i])
        .build(digestSha256, FIXED_SIGNATURE).wire();
  }

  @Benchmark
  public Blob jndnUnsigned() {
    net.named_data.jndn.Data data = jndnUnsigned(advance());
    DigestSha256Signature signature = new DigestSha256Signature();
    signature.setSignature(new Blob(FIXED_SIGNATURE, false));
    data.setSignature(signature);
    return data.wireEncode(Tlv0_3WireFormat.get());
  }

  private net.named_data.jndn.Data jndnUnsigned(int i) {
    net.named_data.jndn.Data data = new net.named_data.jndn.Data(jndnNames[i]);
    data.getMetaInfo().setFreshnessPeriod(CodecCorpus.FRESHNESS);
    data.setContent(jndnContents[i]);
    return data;
  }
}
