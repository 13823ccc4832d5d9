package dev.ndnj.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.SignatureInfo;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class PacketSigningTest {
  /** A signer and the verifier that goes with it, for each signature type. */
  enum Alg {
    DIGEST, RSA, EC, HMAC, ED25519;

    Signer signer;
    Verifier verifier;
    Verifier otherKey;

    void init() {
      if (signer != null) {
        return;
      }
      Name keyName = Name.parse("/test/KEY/k1");
      switch (this) {
        case DIGEST:
          signer = Signers.digestSha256();
          verifier = Verifiers.digestSha256();
          otherKey = null;
          break;
        case HMAC:
          byte[] secret = Keys.generateSecret();
          signer = Signers.hmac(secret, keyName);
          verifier = Verifiers.hmac(secret);
          otherKey = Verifiers.hmac(Keys.generateSecret());
          break;
        default:
          KeyType t = KeyType.valueOf(name());
          KeyPair kp = Keys.generate(t);
          signer = Signers.of(kp.getPrivate(), keyName);
          verifier = Verifiers.of(kp.getPublic());
          otherKey = Verifiers.of(Keys.generate(t).getPublic());
      }
    }
  }

  private static Data data(Alg a) {
    a.init();
    return PacketSigning.sign(Data.builder(Name.parse("/test/data/v=1")).freshnessPeriod(1000)
        .content(new byte[] {1, 2, 3, 4, 5}), a.signer);
  }

  private static Interest interest(Alg a) {
    a.init();
    InterestSigner s = new InterestSigner(a.signer, () -> 1_700_000_000_000L, true);
    return s.sign(Interest.builder(Name.parse("/test/cmd/x")).nonce(7).lifetime(2000)
        .applicationParameters(new byte[] {9, 8, 7}));
  }

  @ParameterizedTest
  @EnumSource(Alg.class)
  void signedDataVerifiesAndCarriesTypeAndKeyLocator(Alg a) {
    Data d = data(a);
    Data back = Data.decode(ByteBuffer.wrap(toBytes(d.wire())));
    assertEquals(a.signer.signatureType(), back.signatureInfo().type());
    assertEquals(a.signer.keyLocator(), back.signatureInfo().keyLocator());
    assertTrue(PacketSigning.verify(back, a.verifier));
    if (a.otherKey != null) {
      assertFalse(PacketSigning.verify(back, a.otherKey), "another key must not verify");
    }
  }

  @ParameterizedTest
  @EnumSource(Alg.class)
  void signedInterestVerifiesAndKeepsTheParametersDigestRight(Alg a) {
    Interest i = interest(a);
    Interest back = Interest.decode(ByteBuffer.wrap(toBytes(i.wire())));
    assertTrue(back.isParametersDigestValid());
    SignatureInfo info = back.signatureInfo();
    assertEquals(8, info.nonce().length);
    assertEquals(1_700_000_000_000L, info.time());
    assertTrue(info.hasSeqNum());
    Name n = back.name();
    assertEquals(TlvTypes.PARAMETERS_SHA256_DIGEST_COMPONENT, n.componentType(n.size() - 1));
    assertTrue(PacketSigning.verify(back, a.verifier));
    if (a.otherKey != null) {
      assertFalse(PacketSigning.verify(back, a.otherKey));
    }
  }

  @ParameterizedTest
  @EnumSource(Alg.class)
  void flippingAnyOctetOfTheDataSignedPortionBreaksTheSignature(Alg a) {
    Data d = data(a);
    ByteBuffer sp = d.signedPortion();
    int from = sp.position() - d.wire().position();
    assertTampered(toBytes(d.wire()), from, from + sp.remaining(),
        w -> PacketSigning.verify(Data.decode(ByteBuffer.wrap(w)), a.verifier));
  }

  @ParameterizedTest
  @EnumSource(Alg.class)
  void flippingAnyOctetOfTheInterestSignedPortionsBreaksTheSignature(Alg a) {
    Interest i = interest(a);
    byte[] w = toBytes(i.wire());
    // tamper everything from the Name to the end of InterestSignatureInfo
    ByteBuffer[] portions = i.signedPortions();
    int end = portions[1].position() - i.wire().position() + portions[1].remaining();
    assertTampered(w, 2, end, x -> PacketSigning.verify(Interest.decode(ByteBuffer.wrap(x)), a.verifier));
  }

  @Test
  void interestSignerTimesStrictlyIncreaseWhenTheClockStandsStill() {
    Alg.DIGEST.init();
    InterestSigner s = new InterestSigner(Alg.DIGEST.signer, () -> 5000L, false);
    long t1 = s.sign(Interest.builder(Name.parse("/a"))).signatureInfo().time();
    long t2 = s.sign(Interest.builder(Name.parse("/a"))).signatureInfo().time();
    assertEquals(5000L, t1);
    assertEquals(5001L, t2);
  }

  @Test
  void signatureInfoOfAnotherTypeIsRefused() {
    Alg.DIGEST.init();
    SignatureInfo info = SignatureInfo.builder(TlvTypes.SIGNATURE_ED25519).build();
    assertThrows(IllegalArgumentException.class,
        () -> PacketSigning.sign(Data.builder(Name.parse("/a")), Alg.DIGEST.signer, info));
  }

  @Test
  void garbageSignatureValuesAreInvalidNotErrors() {
    Alg.EC.init();
    Data.Builder b = Data.builder(Name.parse("/a")).content(new byte[] {1});
    SignatureInfo info = Alg.EC.signer.signatureInfo().build();
    Data d = b.build(info, new byte[] {0x30, 0x01, 0x02});
    assertFalse(PacketSigning.verify(d, Alg.EC.verifier));
    assertFalse(PacketSigning.verify(Interest.builder(Name.parse("/a")).build(), Alg.EC.verifier));
  }

  /** Flips one bit at each offset in [from, to): the packet must fail to decode or fail to verify. */
  private static void assertTampered(byte[] wire, int from, int to, Predicate<byte[]> verifies) {
    assertTrue(verifies.test(wire), "the untouched packet must verify");
    List<Integer> accepted = new ArrayList<>();
    for (int off = from; off < to; off++) {
      byte[] w = wire.clone();
      w[off] ^= 0x01;
      boolean ok;
      try {
        ok = verifies.test(w);
      } catch (TlvException | IllegalStateException e) {
        ok = false;
      }
      if (ok) {
        accepted.add(off);
      }
    }
    assertTrue(accepted.isEmpty(), "tampered octets still verify at offsets " + accepted);
  }

  static byte[] toBytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
