package dev.ndnj.bench.tlv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Tlv;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import net.named_data.jndn.DigestSha256Signature;
import net.named_data.jndn.encoding.Tlv0_3WireFormat;
import net.named_data.jndn.encoding.TlvWireFormat;
import net.named_data.jndn.util.Blob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each ndnj benchmark and its jNDN twin do the same work on the same input: same fields, same octets. */
class BenchmarkEquivalenceTest {
  private static CodecCorpus corpus;

  @BeforeAll
  static void buildCorpus() {
    corpus = CodecCorpus.standard();
  }

  private static byte[] bytes(ByteBuffer b) {
    return Tlv.copy(b, b.position(), b.remaining());
  }

  private static byte[] bytes(Blob b) {
    return b.getImmutableArray();
  }

  @Test
  void corpusNamesAreDistinctAndTypical() {
    Set<Name> names = new HashSet<>();
    for (ByteBuffer wire : corpus.interestWires()) {
      Name name = Interest.decode(wire).name();
      assertEquals(5, name.size(), name::toString);
      assertTrue(names.add(name), () -> "duplicate " + name);
    }
    Set<Name> dataNames = new HashSet<>();
    for (ByteBuffer wire : corpus.dataWires()) {
      Data data = Data.decode(wire);
      assertEquals(7, data.name().size());
      assertEquals(CodecCorpus.CONTENT_LENGTH, data.contentLength());
      assertTrue(data.verifyDigestSha256());
      assertTrue(dataNames.add(data.name()));
    }
    assertEquals(CodecCorpus.SIZE, new HashSet<>(java.util.List.of(corpus.parseUris())).size());
  }

  @Test
  void jndnDecodesEveryInterestWithItsV03DecoderAndReadsTheSameFields() throws Exception {
    // TlvWireFormat tries the v0.3 decoder and silently falls back to v0.2 when it throws: call v0.3 directly.
    Method v03 = Tlv0_3WireFormat.class.getDeclaredMethod("decodeInterestV03", net.named_data.jndn.Interest.class,
        ByteBuffer.class, int[].class, int[].class, boolean.class);
    v03.setAccessible(true);
    for (ByteBuffer wire : corpus.interestWires()) {
      Interest ours = Interest.decode(wire);
      net.named_data.jndn.Interest direct = new net.named_data.jndn.Interest();
      v03.invoke(null, direct, wire.duplicate(), new int[1], new int[1], true);
      net.named_data.jndn.Interest theirs = new net.named_data.jndn.Interest();
      theirs.wireDecode(wire, TlvWireFormat.get());
      for (net.named_data.jndn.Interest j : new net.named_data.jndn.Interest[] {direct, theirs}) {
        assertArrayEquals(bytes(ours.name().wire()), bytes(j.getName().wireEncode(Tlv0_3WireFormat.get())));
        assertEquals(ours.name().size(), j.getName().size());
        assertTrue(j.getCanBePrefix());
        assertTrue(j.getMustBeFresh());
        assertEquals(ours.nonce(), j.getNonce().buf().getInt());
        assertEquals((double) CodecCorpus.LIFETIME, j.getInterestLifetimeMilliseconds());
        assertEquals(ours.lifetime(), (long) j.getInterestLifetimeMilliseconds());
      }
      assertEquals(0, wire.position(), "jNDN must not move the input's position");
    }
  }

  @Test
  void jndnDecodesEveryDataAndReadsTheSameFields() throws Exception {
    for (ByteBuffer wire : corpus.dataWires()) {
      Data ours = Data.decode(wire);
      net.named_data.jndn.Data theirs = new net.named_data.jndn.Data();
      theirs.wireDecode(wire, TlvWireFormat.get());
      assertArrayEquals(bytes(ours.name().wire()), bytes(theirs.getName().wireEncode(Tlv0_3WireFormat.get())));
      assertEquals(ours.freshnessPeriod(), (long) theirs.getMetaInfo().getFreshnessPeriod());
      assertArrayEquals(bytes(ours.content()), bytes(theirs.getContent()));
      DigestSha256Signature sig = assertInstanceOf(DigestSha256Signature.class, theirs.getSignature());
      assertArrayEquals(bytes(ours.signatureValue()), bytes(sig.getSignature()));
      assertEquals(0, wire.position());
    }
  }

  @Test
  void interestEncodersProduceTheSameOctets() {
    InterestEncodeBenchmark ours = new InterestEncodeBenchmark();
    InterestEncodeBenchmark theirs = new InterestEncodeBenchmark();
    ours.setUp();
    theirs.setUp();
    ByteBuffer[] corpusWires = corpus.interestWires();
    for (int i = 1; i <= CodecCorpus.SIZE; i++) {
      byte[] o = bytes(ours.ndnj());
      assertArrayEquals(o, bytes(theirs.jndn()));
      int k = i & CodecCorpus.MASK;
      assertArrayEquals(bytes(corpusWires[k]), o, () -> k + ": " + Interest.decode(corpusWires[k]) + " vs "
          + Interest.decode(ByteBuffer.wrap(o)));
    }
  }

  @Test
  void dataEncodersProduceTheSameOctets() {
    DataEncodeBenchmark ours = new DataEncodeBenchmark();
    DataEncodeBenchmark theirs = new DataEncodeBenchmark();
    ours.setUp();
    theirs.setUp();
    ByteBuffer[] corpusWires = corpus.dataWires();
    for (int i = 1; i <= CodecCorpus.SIZE; i++) {
      byte[] o = bytes(ours.ndnj());
      assertArrayEquals(o, bytes(theirs.jndn()));
      assertArrayEquals(bytes(corpusWires[i & CodecCorpus.MASK]), o);
    }
    for (int i = 0; i < 16; i++) {
      assertArrayEquals(bytes(ours.ndnjUnsigned()), bytes(theirs.jndnUnsigned()));
    }
  }

  @Test
  void uriParsersProduceTheSameNames() {
    NameParseBenchmark ours = new NameParseBenchmark();
    NameParseBenchmark theirs = new NameParseBenchmark();
    ours.setUp();
    theirs.setUp();
    for (int i = 0; i < CodecCorpus.SIZE; i++) {
      assertArrayEquals(bytes(ours.ndnj().wire()), bytes(theirs.jndn().wireEncode(Tlv0_3WireFormat.get())));
    }
  }

  @Test
  void bothSha256sGiveTheSameDigest() throws Exception {
    Sha256Benchmark ours = new Sha256Benchmark();
    Sha256Benchmark theirs = new Sha256Benchmark();
    ours.setUp();
    theirs.setUp();
    for (int i = 0; i < 64; i++) {
      assertArrayEquals(theirs.jdk(), ours.ndnj());
    }
  }

  @Test
  void prefixHashesMatchTheHashesOfThePrefixes() {
    for (Name name : CodecCorpus.ndnjNames(corpus.interestNameWires())) {
      for (int k = 0; k <= name.size(); k++) {
        assertEquals(Name.decode(name.getPrefix(k).wire()).hashCode(), name.prefixHash(k));
      }
    }
  }
}
