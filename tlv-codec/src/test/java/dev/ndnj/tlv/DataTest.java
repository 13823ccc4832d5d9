package dev.ndnj.tlv;

import static dev.ndnj.tlv.TestBytes.assertTlvError;
import static dev.ndnj.tlv.TestBytes.assertWire;
import static dev.ndnj.tlv.TestBytes.buf;
import static dev.ndnj.tlv.TestBytes.bytes;
import static dev.ndnj.tlv.TestBytes.hex;
import static dev.ndnj.tlv.TestBytes.norm;
import static dev.ndnj.tlv.TestBytes.toArray;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Data decoding and building, MetaInfo, Content sizes, signatures, implicit digest and full name. Unless a comment
 * says otherwise the encodings come from ndn-cxx tests/unit/data.t.cpp.
 */
class DataTest {
  static final String SIG_128 = "2fd6f16e806f10beb16f3e31ece3b9ea83304003fca013d9b3c625162da658416962"
      + "56d8b36a387656ea61b232701cb64d101ddc928e52a58a1dd9965ec0620bcf3a9d7fcabea14171857a8b5da964d6"
      + "66b4e98d0c2843eea664e855f61c190bef99251edc78b3a7aa0d145830e5376a6ddb56aca3fc907ab8669c0ef6b7"
      + "64d1";

  /** ndn-cxx data.t.cpp DATA1: FreshnessPeriod 10 s, Content "SUCCESS!", RSA signature with a KeyLocator name. */
  static final String DATA1 = "06c5 0714 0805 6c6f63616c 0803 6e646e 0806 707265666978"
      + " 1404 1902 2710"
      + " 1508 5355434345535321"
      + " 161b 1b01 01 1c16 0714 0804 74657374 0803 6b6579 0807 6c6f6361746f72"
      + " 1780 " + SIG_128;

  static final String SIG_32 = "612a79399e60304a9f701c1ecac7956bf2f1b046e6c6f0d6c29b3fe3a29bad76";

  private static Data decode(String hex) {
    return Data.decode(buf(hex));
  }

  @Test
  void data1FieldsAreDecoded() {
    Data d = decode(DATA1);
    assertEquals(Name.parse("/local/ndn/prefix"), d.name());
    assertEquals(TlvTypes.CONTENT_TYPE_BLOB, d.contentType());
    assertEquals(10000, d.freshnessPeriod());
    assertNull(d.finalBlockId());
    assertTrue(d.hasContent());
    assertEquals("SUCCESS!", StandardCharsets.US_ASCII.decode(d.content()).toString());
    assertEquals(8, d.contentLength());
    assertEquals(TlvTypes.SIGNATURE_SHA256_WITH_RSA, d.signatureInfo().type());
    assertEquals(Name.parse("/test/key/locator"), d.signatureInfo().keyLocator().name());
    assertEquals(128, d.signatureValue().remaining());
    assertWire(SIG_128, d.signatureValue());
    assertEquals(199, d.wireLength());
    assertWire(DATA1, d.wire());
  }

  @Test
  void builderReproducesData1() {
    SignatureInfo si = SignatureInfo.builder(TlvTypes.SIGNATURE_SHA256_WITH_RSA)
        .keyLocator(KeyLocator.ofName(Name.parse("/test/key/locator"))).build();
    Data.Builder b = Data.builder(Name.parse("/local/ndn/prefix")).freshnessPeriod(10000)
        .content("SUCCESS!".getBytes(StandardCharsets.US_ASCII));
    Data d = b.build(si, bytes(SIG_128));
    assertWire(DATA1, d.wire());
    // what an RSA signer is given: Name, MetaInfo, Content, SignatureInfo
    byte[] data1 = bytes(DATA1);
    assertArrayEquals(Arrays.copyOfRange(data1, 2, 2 + 22 + 6 + 10 + 29), b.signedPortion(si));
    assertArrayEquals(b.signedPortion(si), toArray(d.signedPortion()));
  }

  @Test
  void fullNameOfData1MatchesNdnCxx() {
    Data d = decode(DATA1);
    assertEquals("/local/ndn/prefix/sha256digest=28bad4b5275bd392dbb670c75cf0b66f13f7942b21e80f55c0e86b374753a548",
        d.fullName().toString());
    assertEquals("28bad4b5275bd392dbb670c75cf0b66f13f7942b21e80f55c0e86b374753a548", hex(d.implicitDigest()));
  }

  @Test
  void implicitDigestIsTheSha256OfTheWholeElement() throws Exception {
    Data d = Data.builder(Name.parse("/A")).content(new byte[] {1, 2, 3}).signWithDigestSha256();
    byte[] expected = MessageDigest.getInstance("SHA-256").digest(toArray(d.wire()));
    assertArrayEquals(expected, d.implicitDigest());
    byte[] copy = d.implicitDigest();
    copy[0] ^= 1;
    assertArrayEquals(expected, d.implicitDigest(), "implicitDigest() returns a copy");
    Name full = d.fullName();
    assertEquals(2, full.size());
    assertEquals(Component.implicitDigest(expected), full.get(1));
    assertTrue(d.name().isPrefixOf(full));
  }

  @Test
  void minimalDataHasDefaults() {
    Data d = decode("062c 0703 080144 1603 1b0100 1720" + SIG_32);
    assertEquals(Name.parse("/D"), d.name());
    assertEquals(TlvTypes.CONTENT_TYPE_BLOB, d.contentType());
    assertEquals(0, d.freshnessPeriod());
    assertNull(d.finalBlockId());
    assertFalse(d.hasContent());
    assertEquals(0, d.content().remaining());
    assertEquals(0, d.contentLength());
    assertEquals(TlvTypes.SIGNATURE_DIGEST_SHA256, d.signatureInfo().type());
    assertNull(d.signatureInfo().keyLocator());
    assertEquals(32, d.signatureValue().remaining());
    assertFalse(d.verifyDigestSha256(), "this value is not the SHA-256 of the signed portion");
  }

  @Test
  void emptyNameIsAllowedInData() {
    Data d = decode("0609 0700 1603 1b0100 1700");
    assertEquals(Name.ROOT, d.name());
    assertEquals(0, d.signatureValue().remaining());
  }

  @Test
  void unknownNonCriticalElementsAreSkippedAndKept() {
    String wire = "063a 0703 080144 fc00 1400 fc00 1500 fc00 1603 1b0100 fc00 1720" + SIG_32 + " fc00";
    Data d = decode(wire);
    assertEquals(Name.parse("/D"), d.name());
    assertTrue(d.hasContent());
    assertEquals(0, d.contentLength());
    assertEquals(TlvTypes.SIGNATURE_DIGEST_SHA256, d.signatureInfo().type());
    assertWire(SIG_32, d.signatureValue());
    assertWire(wire, d.wire());
  }

  @Test
  void everyMetaInfoFieldIsDecoded() {
    // NDNts packages/packet/tests/data.t.ts "decode": with an unknown non-critical F000 before the SignatureValue
    String wire = "0623 0706 080142 080130 140c 1801 03 1902 0104 1a03 080131 1502 c0c1 1603 1b0100 f000 1700";
    Data d = decode(wire);
    assertEquals(Name.parse("/B/0"), d.name());
    assertEquals(3, d.contentType());
    assertEquals(260, d.freshnessPeriod());
    assertEquals(Component.generic("1"), d.finalBlockId());
    assertWire("c0c1", d.content());
    assertWire(wire, d.wire());
    // the signed portion ends with SignatureInfo (ndn-cxx Data::extractSignedRanges)
    assertWire("0706 080142 080130 140c 1801 03 1902 0104 1a03 080131 1502 c0c1 1603 1b0100", d.signedPortion());
  }

  @Test
  void builderWritesMetaInfoInSpecOrder() {
    // NDNts data.t.ts "encode": ContentType 3, FreshnessPeriod 2500, FinalBlockId B, Content C0C1
    Data d = Data.builder(Name.parse("/B")).contentType(3).freshnessPeriod(2500).finalBlockId(Component.generic("B"))
        .content(bytes("c0c1")).signWithDigestSha256();
    String unsigned = "0703 080142 140c 1801 03 1902 09c4 1a03 080142 1502 c0c1 1603 1b0100";
    assertWire(unsigned, d.signedPortion());
    assertEquals(norm("063e " + unsigned + " 1720") + hex(Sha256.digest(bytes(unsigned))), hex(d.wire()));
    assertEquals(Component.generic("B"), d.finalBlockId());
    assertEquals(3, d.contentType());
    assertEquals(2500, d.freshnessPeriod());
  }

  @Test
  void finalBlockIdMayBeATypedComponent() {
    Data d = Data.builder(Name.parse("/A/seg=3")).finalBlockId(Component.segment(9)).signWithDigestSha256();
    assertEquals(Component.segment(9), d.finalBlockId());
    assertTrue(d.finalBlockId().isSegment());
  }

  @Test
  void finalBlockIdMustHoldExactlyOneComponent() {
    assertTlvError(6, () -> decode("060d 0700 1402 1a00 1603 1b0100 1700"),
        "MetaInfo: FinalBlockId must hold exactly one name component");
    assertTlvError(6, () -> decode("0613 0700 1408 1a06 080141 080142 1603 1b0100 1700"),
        "MetaInfo: FinalBlockId must hold exactly one name component");
  }

  @Test
  void metaInfoFieldsAreValidated() {
    assertTlvError(8, () -> decode("0610 0700 1405 1803 010203 1603 1b0100 1700"),
        "ContentType: NonNegativeInteger of length 3");
    assertTlvError(8, () -> decode("060f 0700 1404 1900 fc00 1603 1b0100 1700"),
        "FreshnessPeriod: NonNegativeInteger of length 0");
    assertTlvError(6, () -> decode("060d 0700 1402 1b00 1603 1b0100 1700"),
        "MetaInfo: unrecognized critical element SignatureType");
    assertTlvError(10, () -> decode("0612 0700 1407 1902 0104 1801 03 1603 1b0100 1700"),
        "MetaInfo: ContentType out of order");
    // an unknown non-critical element in MetaInfo is skipped
    assertEquals(260, decode("0611 0700 1406 fc00 1902 0104 1603 1b0100 1700").freshnessPeriod());
  }

  @Test
  void contentAbsentEmptyAndLarge() {
    Data absent = Data.builder(Name.parse("/A")).signWithDigestSha256();
    assertFalse(absent.hasContent());
    assertEquals(0, absent.content().remaining());
    Data empty = Data.builder(Name.parse("/A")).content(new byte[0]).signWithDigestSha256();
    assertTrue(empty.hasContent());
    assertEquals(0, empty.contentLength());
    assertWire("0703080141 1500 1603 1b0100", empty.signedPortion());

    byte[] big = new byte[70000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i % 251);
    }
    Data large = Data.builder(Name.parse("/A")).content(big).signWithDigestSha256();
    ByteBuffer w = large.wire();
    assertEquals("06fe", hex(toArray(w)).substring(0, 4), "outer TLV-LENGTH in the 5-octet form");
    assertWire("0703080141 15fe00011170", ByteBuffer.wrap(toArray(w), 6, 11));
    assertEquals(70000, large.contentLength());
    assertArrayEquals(big, toArray(large.content()));
    Data again = Data.decode(w);
    assertArrayEquals(big, toArray(again.content()));
    assertTrue(again.verifyDigestSha256());
  }

  @Test
  void contentFromABufferIsCopiedWithoutMovingIt() {
    ByteBuffer src = buf("aa c0c1c2 bb");
    src.position(1).limit(4);
    Data d = Data.builder(Name.parse("/A")).content(src).signWithDigestSha256();
    assertWire("c0c1c2", d.content());
    assertEquals(1, src.position());
    src.put(1, (byte) 0);
    assertWire("c0c1c2", d.content());
  }

  @Test
  void criticalElementOutOfOrderIsRejected() {
    String sv = " 1720" + SIG_32;
    assertTlvError(2, () -> decode("0630 1400 0703080145 1500 16031b0100" + sv),
        "Data: Name element is missing or out of order");
    assertTlvError(9, () -> decode("0630 0703080145 1500 1400 16031b0100" + sv), "Data: MetaInfo out of order");
    assertTlvError(14, () -> decode("0630 0703080145 1400 16031b0100 1500" + sv), "Data: Content out of order");
    assertTlvError(45, () -> decode("0630 0703080145 1400 1500" + sv + " 16031b0100"),
        "Data: SignatureInfo out of order");
    assertTlvError(50, () -> decode("0652 0703080145 1400 1500 16031b0100" + sv + sv), "Data: SignatureValue repeated");
  }

  @Test
  void missingElementsAreRejected() {
    assertTlvError(2, () -> decode("0607 16031b0100 1700"), "Data: Name element is missing or out of order");
    assertTlvError(0, () -> decode("0607 0703080144 1700"), "Data: SignatureInfo element is missing");
    assertTlvError(0, () -> decode("0607 0700 16031b0100"), "Data: SignatureValue element is missing");
    assertTlvError(2, () -> decode("062e fc00 0703080144 16031b0100" + " 1720" + SIG_32),
        "Data: Name element is missing or out of order");
  }

  @Test
  void unknownCriticalElementIsRejected() {
    assertTlvError(7, () -> decode("0632 0703080145 fb00 1400 1500 16031b0100 1720" + SIG_32),
        "Data: unrecognized critical element TLV-TYPE 251");
  }

  @Test
  void notADataIsRejected() {
    assertTlvError(0, () -> decode("4202 cafe"), "Data: expected TLV-TYPE 6, got 66");
    assertTlvError(11, () -> decode("0609 0700 16031b0100 1700 ffff"),
        "Data: 2 trailing octets after the element");
  }

  @Test
  void digestSha256SignsTheSignedPortionAndVerifies() {
    Data d = Data.builder(Name.parse("/D")).signWithDigestSha256();
    // the only bytes: Name, SignatureInfo(DigestSha256), SignatureValue = SHA-256 of the first two
    assertWire("062c 0703080144 16031b0100 1720 d4a2cb9df3cd75ff843c4e9cd600f8ae89a7ae326215706345fb3ca76d9feec2",
        d.wire());
    assertTrue(d.verifyDigestSha256());
    assertEquals(TlvTypes.SIGNATURE_DIGEST_SHA256, d.signatureInfo().type());
    assertNull(d.signatureInfo().keyLocator());
  }

  @Test
  void oneFlippedOctetInTheSignedPortionFailsVerification() {
    Data d = Data.builder(Name.parse("/ndn/test/x")).freshnessPeriod(4000).content(bytes("00112233445566778899"))
        .signWithDigestSha256();
    byte[] wire = toArray(d.wire());
    int spStart = 2;
    int spEnd = spStart + d.signedPortion().remaining();
    assertTrue(Data.decode(ByteBuffer.wrap(wire)).verifyDigestSha256());
    for (int i = spStart; i < spEnd; i++) {
      byte[] w = wire.clone();
      w[i] ^= 0x01;
      Data bad;
      try {
        bad = Data.decode(ByteBuffer.wrap(w));
      } catch (TlvException structural) {
        continue; // flipping a header octet may make it not a Data at all
      }
      assertFalse(bad.verifyDigestSha256(), "flipped octet " + i);
    }
    // flipping a content octet keeps the structure: it must decode and fail
    byte[] w = wire.clone();
    w[spEnd - 6] ^= (byte) 0x80;
    Data contentFlipped = Data.decode(ByteBuffer.wrap(w));
    assertNotNull(contentFlipped);
    assertFalse(contentFlipped.verifyDigestSha256());
    // and the signature value itself
    byte[] s = wire.clone();
    s[s.length - 1] ^= 0x01;
    assertFalse(Data.decode(ByteBuffer.wrap(s)).verifyDigestSha256());
  }

  @Test
  void otherSignatureTypesDoNotVerifyAsDigest() {
    assertFalse(decode(DATA1).verifyDigestSha256());
    SignatureInfo si = SignatureInfo.builder(TlvTypes.SIGNATURE_DIGEST_SHA256).build();
    Data shortValue = Data.builder(Name.parse("/A")).build(si, new byte[31]);
    assertFalse(shortValue.verifyDigestSha256());
  }

  @Test
  void builderRejectsMisuse() {
    assertThrows(IllegalArgumentException.class, () -> Data.builder(null));
    assertThrows(IllegalArgumentException.class, () -> Data.builder(Name.ROOT).contentType(-1));
    assertThrows(IllegalArgumentException.class, () -> Data.builder(Name.ROOT).freshnessPeriod(-1));
  }

  @Test
  void toStringSummarizes() {
    assertEquals("Data(/local/ndn/prefix, content 8 octets, type 0, freshness 10000 ms, "
        + "SignatureInfo(type=1, Name=/test/key/locator))", decode(DATA1).toString());
  }

  // ------------------------------------------------------------------------------------- decodeHead

  private static void assertSameData(Data whole, Data head) {
    assertEquals(whole.name(), head.name());
    assertEquals(whole.contentType(), head.contentType());
    assertEquals(whole.freshnessPeriod(), head.freshnessPeriod());
    assertEquals(whole.finalBlockId() == null ? null : whole.finalBlockId().toString(),
        head.finalBlockId() == null ? null : head.finalBlockId().toString());
    assertEquals(whole.hasContent(), head.hasContent());
    assertEquals(whole.content(), head.content());
    assertEquals(whole.signatureInfo().toString(), head.signatureInfo().toString());
    assertEquals(whole.signatureValue(), head.signatureValue());
    assertEquals(whole.signedPortion(), head.signedPortion());
    assertEquals(whole.wire(), head.wire());
    assertArrayEquals(whole.implicitDigest(), head.implicitDigest());
    assertEquals(whole.verifyDigestSha256(), head.verifyDigestSha256());
    assertEquals(whole.toString(), head.toString());
  }

  @Test
  void decodeHeadGivesTheFieldsDecodeGives() {
    String sv = " 1720" + SIG_32;
    for (String wire : new String[] {
        DATA1,
        "0609 0700 1603 1b0100 1700", // empty name, no MetaInfo, no Content
        "063a 0703 080144 fc00 1400 fc00 1500 fc00 1603 1b0100 fc00" + sv + " fc00", // unknown non-critical
        "061a 0703080144 140c 1801 01 1902 0bb8 1a03 0801 41 16031b0100 1700", // every MetaInfo field, no Content
        "0612 0703080144 1500 1603 1b0100 1700 fd0300 00", // non-critical element after SignatureValue
    }) {
      Data whole = decode(wire);
      Data head = Data.decodeHead(buf(wire));
      head.checkSignatureElements();
      assertSameData(whole, head);
      // the signature elements read on first use, by any accessor
      assertSameData(whole, Data.decodeHead(buf(wire)));
    }
    Data built = Data.builder(Name.parse("/D/e")).freshnessPeriod(5).content(new byte[3000]).signWithDigestSha256();
    Data head = Data.decodeHead(built.wire());
    assertTrue(head.verifyDigestSha256());
    assertSameData(built, head);
  }

  @Test
  void decodeHeadLeavesWhatFollowsContentToItsFirstUse() {
    String sv = " 1720" + SIG_32;
    // each pair: a Data decode rejects after Content (or after the last element before SignatureInfo), its error
    String[][] cases = {
        {"0630 0703080145 1400 16031b0100 1500" + sv, "14", "Data: Content out of order", "/E"},
        {"0630 0703080145 1400 1500" + sv + " 16031b0100", "45", "Data: SignatureInfo out of order", "/E"},
        {"0652 0703080145 1400 1500 16031b0100" + sv + sv, "50", "Data: SignatureValue repeated", "/E"},
        {"0607 0703080144 1700", "0", "Data: SignatureInfo element is missing", "/D"},
        {"0607 0700 16031b0100", "0", "Data: SignatureValue element is missing", "/"},
        {"060b 0703080144 1500 1600 1700", "9", "SignatureInfo: SignatureType missing", "/D"},
        {"0630 0703080145 1500 1400 16031b0100" + sv, "9", "Data: MetaInfo out of order", "/E"},
    };
    for (String[] c : cases) {
      int offset = Integer.parseInt(c[1]);
      TlvException whole = assertTlvError(offset, () -> decode(c[0]), c[2]);
      Data head = Data.decodeHead(buf(c[0]));
      assertEquals(Name.parse(c[3]), head.name());
      TlvException later = assertTlvError(offset, head::checkSignatureElements, c[2]);
      assertEquals(whole.getMessage(), later.getMessage());
      assertTlvError(offset, head::signatureInfo, c[2]);
      assertTlvError(offset, head::signatureValue, c[2]);
      assertTlvError(offset, head::signedPortion, c[2]);
      assertTlvError(offset, head::verifyDigestSha256, c[2]);
      assertTrue(head.toString().endsWith("malformed signature elements)"), head.toString());
      assertEquals(head.wireLength(), head.wire().remaining(), "the wire is still the whole element");
    }
  }

  @Test
  void decodeHeadChecksEverythingUpToContent() {
    String sv = " 1720" + SIG_32;
    assertTlvError(0, () -> Data.decodeHead(buf("4202 cafe")), "Data: expected TLV-TYPE 6, got 66");
    assertTlvError(11, () -> Data.decodeHead(buf("0609 0700 16031b0100 1700 ffff")),
        "Data: 2 trailing octets after the element");
    assertTlvError(2, () -> Data.decodeHead(buf("0630 1400 0703080145 1500 16031b0100" + sv)),
        "Data: Name element is missing or out of order");
    assertTlvError(7, () -> Data.decodeHead(buf("0632 0703080145 fb00 1400 1500 16031b0100" + sv)),
        "Data: unrecognized critical element TLV-TYPE 251");
    assertTlvError(6, () -> Data.decodeHead(buf("060d 0700 1402 1a00 1603 1b0100 1700")),
        "MetaInfo: FinalBlockId must hold exactly one name component");
  }
}
