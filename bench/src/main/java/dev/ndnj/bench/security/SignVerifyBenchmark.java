package dev.ndnj.bench.security;

import dev.ndnj.security.KeyType;
import dev.ndnj.security.Keys;
import dev.ndnj.security.PacketSigning;
import dev.ndnj.security.Signer;
import dev.ndnj.security.Signers;
import dev.ndnj.security.Verifier;
import dev.ndnj.security.Verifiers;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import java.security.KeyPair;
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
 * Signing and verifying one Data per algorithm: the signed portion of a Data with a 6-component name and 1024
 * octets of content (about 1.1 KB), with the providers ndnj uses (JDK for ECDSA P-256, Ed25519, RSA-2048 and HMAC; the
 * codec's pure-Java SHA-256 for DigestSha256).
 * <ul>
 *   <li>{@code sign}: the signature value over the signed portion (the packet encoding excluded);
 *   <li>{@code verify}: checking it ({@link PacketSigning#verify(Data, Verifier)} on the decoded Data);
 *   <li>{@code signData}: building and signing the whole Data (encode, sign, encode again, decode the result);
 *   <li>{@code verifyJdk}: the same verification with the JDK 17 provider ({@code java.security.Signature}), the
 *       alternative ndnj did not choose for ECDSA and Ed25519 (for HMAC and DigestSha256 it repeats {@code verify}).
 * </ul>
 * Scores are operations per second. Run from the repository root after building (see docs/benchmarks.md):
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar 'security.SignVerifyBenchmark' -f 1 -wi 2 -i 3 -r 1s
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SignVerifyBenchmark {
  /** The signature type. */
  @Param({"ECDSA_P256", "ED25519", "RSA_2048", "HMAC", "DIGEST"})
  public String alg;

  private Signer signer;
  private Verifier verifier;
  private Data.Builder builder;
  private ByteBuffer portion;
  private Data signed;
  private java.security.Signature jdk;
  private java.security.PublicKey publicKey;
  private byte[] sigValue;

  @Setup
  public void setup() {
    Name keyName = Name.parse("/bench/KEY/k");
    switch (alg) {
      case "DIGEST" -> {
        signer = Signers.digestSha256();
        verifier = Verifiers.digestSha256();
      }
      case "HMAC" -> {
        byte[] secret = Keys.generateSecret();
        signer = Signers.hmac(secret, keyName);
        verifier = Verifiers.hmac(secret);
      }
      default -> {
        KeyType t = switch (alg) {
          case "ECDSA_P256" -> KeyType.EC;
          case "ED25519" -> KeyType.ED25519;
          case "RSA_2048" -> KeyType.RSA;
          default -> throw new IllegalArgumentException(alg);
        };
        KeyPair kp = Keys.generate(t);
        signer = Signers.of(kp.getPrivate(), keyName);
        verifier = Verifiers.of(kp.getPublic());
        publicKey = kp.getPublic();
        try {
          jdk = java.security.Signature.getInstance(t.jcaSignatureAlgorithm());
        } catch (java.security.NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    byte[] content = new byte[1024];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31);
    }
    builder = Data.builder(Name.parse("/ndn/edu/site/app/item/v=1")).freshnessPeriod(4000).content(content);
    signed = PacketSigning.sign(builder, signer);
    portion = signed.signedPortion();
    if (!PacketSigning.verify(signed, verifier)) {
      throw new IllegalStateException("setup: signature does not verify");
    }
    ByteBuffer sv = signed.signatureValue();
    sigValue = new byte[sv.remaining()];
    sv.get(sigValue);
    if (jdk != null && !verifyJdk()) {
      throw new IllegalStateException("setup: the JDK does not verify the signature");
    }
  }

  @Benchmark
  public byte[] sign() {
    return signer.sign(portion);
  }

  @Benchmark
  public boolean verify() {
    return PacketSigning.verify(signed, verifier);
  }

  @Benchmark
  public boolean verifyJdk() {
    if (jdk == null) {
      return verify();
    }
    try {
      jdk.initVerify(publicKey);
      jdk.update(portion.duplicate());
      return jdk.verify(sigValue);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Benchmark
  public Data signData() {
    return PacketSigning.sign(builder, signer);
  }
}
