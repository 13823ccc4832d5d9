package dev.ndnj.tlv;

import static dev.ndnj.tlv.TestBytes.assertTlvError;
import static dev.ndnj.tlv.TestBytes.assertWire;
import static dev.ndnj.tlv.TestBytes.buf;
import static dev.ndnj.tlv.TestBytes.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * SignatureInfo in its Data (22) and Interest (44) forms, with KeyLocator, ValidityPeriod, SignatureNonce,
 * SignatureTime and SignatureSeqNum. Vectors from NDNts packages/packet/tests/sig-info.t.ts unless noted.
 */
class SignatureInfoTest {
  static final String VALIDITY = "fd00fd 26 fd00fe 0f 3230313831303330543030303030 30"
      + " fd00ff 0f 3230313831313234543233353935 39";

  private static SignatureInfo decode(String hex, boolean interest) {
    ByteBuffer b = buf(hex);
    return SignatureInfo.decode(b, 0, b.limit(), 0, interest);
  }

  private static String encode(SignatureInfo si, boolean interest) {
    TlvEncoder enc = new TlvEncoder();
    si.prependTo(enc, interest);
    return TestBytes.hex(enc.toByteArray());
  }

  @Test
  void dataSignatureInfoWithOnlyTheType() {
    SignatureInfo si = decode("1603 1b0100", false);
    assertEquals(TlvTypes.SIGNATURE_DIGEST_SHA256, si.type());
    assertNull(si.keyLocator());
    assertNull(si.notBefore());
    assertNull(si.notAfter());
    assertNull(si.nonce());
    assertEquals(-1, si.time());
    assertFalse(si.hasSeqNum());
    assertEquals("SignatureInfo(type=0)", si.toString());
  }

  @Test
  void keyLocatorName() {
    SignatureInfo si = decode("160b 1b0103 1c06 0704 08024b4c", false);
    assertEquals(TlvTypes.SIGNATURE_SHA256_WITH_ECDSA, si.type());
    assertEquals(Name.parse("/KL"), si.keyLocator().name());
    assertNull(si.keyLocator().digest());
    assertEquals("SignatureInfo(type=3, Name=/KL)", si.toString());
    assertEquals(TestBytes.norm("160b 1b0103 1c06 0704 08024b4c"), encode(si, false));
  }

  @Test
  void interestSignatureInfoWithKeyDigestNonceTimeAndSeqNum() {
    SignatureInfo si = decode("2c18 1b0104 1c05 1d03 a0a1a2 2604 b0b1b2b3 2802 c0c1 2a02 d0d1", true);
    assertEquals(TlvTypes.SIGNATURE_HMAC_WITH_SHA256, si.type());
    assertNull(si.keyLocator().name());
    assertArrayEquals(bytes("a0a1a2"), si.keyLocator().digest());
    assertArrayEquals(bytes("b0b1b2b3"), si.nonce());
    assertEquals(0xc0c1, si.time());
    assertTrue(si.hasSeqNum());
    assertEquals(0xd0d1, si.seqNum());
    assertEquals("SignatureInfo(type=4, KeyDigest=a0a1a2, nonce=b0b1b2b3, time=49345, seq=53457)", si.toString());
    assertEquals(TestBytes.norm("2c18 1b0104 1c05 1d03 a0a1a2 2604 b0b1b2b3 2802 c0c1 2a02 d0d1"), encode(si, true));
  }

  @Test
  void builderWritesElementsInSpecOrderWithShortestNumbers() {
    // NDNts sig-info.t.ts "SigInfo encode": SigTime 1157512424208 is 00 00 01 0D 81 1D EB 10, SigSeqNum 0xF598C7 is
    // 00 F5 98 C7
    SignatureInfo si = SignatureInfo.builder(TlvTypes.SIGNATURE_SHA256_WITH_RSA)
        .keyLocator(KeyLocator.ofName(Name.parse("/KL"))).nonce(bytes("0001020304050607"))
        .time(1157512424208L).seqNum(0xf598c7).build();
    assertEquals(TestBytes.norm("2c25 1b0101 1c06 0704 08024b4c 2608 0001020304050607"
        + " 2808 0000010d811deb10 2a04 00f598c7"), encode(si, true));
    assertEquals(TestBytes.norm("1625 1b0101 1c06 0704 08024b4c 2608 0001020304050607"
        + " 2808 0000010d811deb10 2a04 00f598c7"), encode(si, false));
  }

  @Test
  void keyDigestOfThirtyTwoOctets() {
    byte[] digest = new byte[32];
    digest[31] = 7;
    SignatureInfo si = SignatureInfo.builder(TlvTypes.SIGNATURE_HMAC_WITH_SHA256).keyLocator(KeyLocator.ofDigest(digest))
        .build();
    String wire = encode(si, false);
    assertEquals(TestBytes.norm("1627 1b0104 1c22 1d20 00000000000000000000000000000000000000000000000000000000000000"
        + "07"), wire);
    assertArrayEquals(digest, decode(wire, false).keyLocator().digest());
    digest[0] = 9;
    assertEquals(0, si.keyLocator().digest()[0], "ofDigest copies");
  }

  @Test
  void validityPeriodIsKeptAsIsoBasicStrings() {
    SignatureInfo si = SignatureInfo.builder(TlvTypes.SIGNATURE_SHA256_WITH_ECDSA)
        .keyLocator(KeyLocator.ofName(Name.parse("/KL"))).validity("20181030T000000", "20181124T235959").build();
    String wire = encode(si, false);
    assertEquals(TestBytes.norm("1635 1b0103 1c06 0704 08024b4c " + VALIDITY), wire);
    SignatureInfo back = decode(wire, false);
    assertEquals("20181030T000000", back.notBefore());
    assertEquals("20181124T235959", back.notAfter());
    assertEquals("SignatureInfo(type=3, Name=/KL, valid 20181030T000000..20181124T235959)", back.toString());
  }

  @Test
  void dataWithKeyDigestAndValidityPeriodDecodes() {
    String si = "1634 1b0103 1c05 1d03 a0a1a2 " + VALIDITY;
    Data d = Data.builder(Name.parse("/A")).build(decode(si, false), new byte[] {1});
    assertArrayEquals(bytes("a0a1a2"), d.signatureInfo().keyLocator().digest());
    assertEquals("20181124T235959", d.signatureInfo().notAfter());
    Data again = Data.decode(d.wire());
    assertEquals("20181030T000000", again.signatureInfo().notBefore());
  }

  @Test
  void validityPeriodTimesAreChecked() {
    assertTlvError(9, () -> decode("1619 1b0100 fd00fd 12 fd00fe 0e 3230313831303330543030303030", false),
        "ValidityPeriod: time of length 14, expected 15 (YYYYMMDDThhmmss)");
    assertTlvError(9, () -> decode("162d 1b0100 fd00fd 26 fd00fe 0f 3230313831303330583030303030 30"
        + " fd00ff 0f 3230313831313234543233353935 39", false).notBefore(), "ValidityPeriod: time is not YYYYMMDDThhmmss");
    assertTlvError(5, () -> decode("161a 1b0100 fd00fd 13 fd00fe 0f 3230313831303330543030303030 30", false),
        "ValidityPeriod: NotBefore and NotAfter are required");
    assertThrows(IllegalArgumentException.class, () -> SignatureInfo.builder(0).validity("2018", "20181124T235959"));
    assertThrows(IllegalArgumentException.class,
        () -> SignatureInfo.builder(0).validity("20181030X000000", "20181124T235959"));
    assertThrows(IllegalArgumentException.class,
        () -> SignatureInfo.builder(0).validity("20181030T000000", "2018112AT235959"));
    assertThrows(IllegalArgumentException.class, () -> SignatureInfo.builder(0).validity(null, "20181124T235959"));
  }

  @Test
  void signatureTypeMustComeFirst() {
    assertTlvError(2, () -> decode("1608 1c06 0704 08024b4c", false), "SignatureInfo: SignatureType missing or not first");
    assertTlvError(2, () -> decode("1605 fc00 1b0100", false), "SignatureInfo: SignatureType missing or not first");
    assertTlvError(0, () -> decode("1600", false), "SignatureInfo: SignatureType missing");
  }

  @Test
  void knownFieldsMayComeInAnyOrderAfterTheType() {
    // NDNts writes SignatureTime before ValidityPeriod
    SignatureInfo si = decode("1637 1b0103 2802 c0c1 " + VALIDITY + " 2604 b0b1b2b3", false);
    assertEquals(0xc0c1, si.time());
    assertEquals("20181030T000000", si.notBefore());
    assertArrayEquals(bytes("b0b1b2b3"), si.nonce());
    SignatureInfo kl = decode("1635 1b0103 " + VALIDITY + " 1c06 0704 08024b4c", false);
    assertEquals(Name.parse("/KL"), kl.keyLocator().name());
    assertEquals("20181124T235959", kl.notAfter());
  }

  @Test
  void repeatedCriticalFieldIsAnErrorAndRepeatedNonCriticalFieldIsIgnored() {
    assertTlvError(9, () -> decode("160b 1b0100 1c02 1d00 1c02 1d00", false), "SignatureInfo: KeyLocator repeated");
    assertTlvError(5, () -> decode("1606 1b0100 1b0101", false), "SignatureInfo: SignatureType repeated");
    SignatureInfo si = decode("160b 1b0100 2802 c0c1 2802 d0d1", false);
    assertEquals(0xc0c1, si.time(), "the first SignatureTime counts");
  }

  @Test
  void unknownElementsFollowTheEvolvabilityRules() {
    assertTlvError(5, () -> decode("1605 1b0100 fb00", false), "SignatureInfo: unrecognized critical element TLV-TYPE 251");
    assertEquals(3, decode("1607 1b0103 fc00 fc00", false).type());
  }

  @Test
  void wrongElementTypeIsRejected() {
    assertTlvError(0, () -> decode("2c03 1b0100", false), "SignatureInfo: expected TLV-TYPE 22, got 44");
    assertTlvError(0, () -> decode("1603 1b0100", true), "InterestSignatureInfo: expected TLV-TYPE 44, got 22");
    assertTlvError(4, () -> decode("1605 1b03 000000", false), "SignatureType: NonNegativeInteger of length 3");
  }

  @Test
  void keyLocatorMustHoldANameOrAKeyDigest() {
    assertTlvError(5, () -> decode("1605 1b0100 1c00", false), "KeyLocator: empty, expected Name or KeyDigest");
    assertTlvError(7, () -> decode("1607 1b0100 1c02 0800", false), "KeyLocator: unexpected GenericNameComponent");
    assertTlvError(9, () -> decode("160b 1b0100 1c06 0700 1d00 0b00", false),
        "KeyLocator: unexpected critical element KeyDigest");
    assertEquals(Name.ROOT, decode("1609 1b0100 1c04 0700 fc00", false).keyLocator().name());
  }

  @Test
  void keyLocatorEquality() {
    assertEquals(KeyLocator.ofName(Name.parse("/a")), KeyLocator.ofName(Name.parse("/a")));
    assertEquals(KeyLocator.ofName(Name.parse("/a")).hashCode(), KeyLocator.ofName(Name.parse("/a")).hashCode());
    assertEquals(KeyLocator.ofDigest(new byte[] {1}), KeyLocator.ofDigest(new byte[] {1}));
    assertEquals(KeyLocator.ofDigest(new byte[] {1}).hashCode(), KeyLocator.ofDigest(new byte[] {1}).hashCode());
    assertNotEquals(KeyLocator.ofName(Name.parse("/a")), KeyLocator.ofDigest(new byte[] {1}));
    assertNotEquals(KeyLocator.ofDigest(new byte[] {1}), KeyLocator.ofName(Name.parse("/a")));
    assertEquals("Name=/a", KeyLocator.ofName(Name.parse("/a")).toString());
    assertEquals("KeyDigest=01", KeyLocator.ofDigest(new byte[] {1}).toString());
  }

  @Test
  void builderRejectsMisuse() {
    assertThrows(IllegalArgumentException.class, () -> SignatureInfo.builder(-1));
    assertThrows(IllegalArgumentException.class, () -> SignatureInfo.builder(0).time(-1));
  }

  @Test
  void nonceIsACopy() {
    byte[] n = {1, 2, 3};
    SignatureInfo si = SignatureInfo.builder(0).nonce(n).build();
    n[0] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, si.nonce());
    si.nonce()[0] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, si.nonce());
  }

  @Test
  void interestAndDataFormsDifferOnlyInTheOuterType() {
    SignatureInfo si = SignatureInfo.builder(5).seqNum(0).build();
    assertEquals(TestBytes.norm("2c06 1b0105 2a0100"), encode(si, true));
    assertEquals(TestBytes.norm("1606 1b0105 2a0100"), encode(si, false));
    assertTrue(decode("2c06 1b0105 2a0100", true).hasSeqNum());
    assertEquals(0, decode("2c06 1b0105 2a0100", true).seqNum());
    assertWire("1b0105", ByteBuffer.wrap(bytes(encode(si, false)), 2, 3));
  }
}
