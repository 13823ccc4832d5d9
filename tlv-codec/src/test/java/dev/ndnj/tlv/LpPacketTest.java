package dev.ndnj.tlv;

import static dev.ndnj.tlv.TestBytes.assertTlvError;
import static dev.ndnj.tlv.TestBytes.assertWire;
import static dev.ndnj.tlv.TestBytes.buf;
import static dev.ndnj.tlv.TestBytes.bytes;
import static dev.ndnj.tlv.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NDNLPv2 packets: every header field, bare network packets, ignorable and non-ignorable unknown fields, order.
 * Vectors from ndn-cxx tests/unit/lp/packet.t.cpp and lp/nack-header.t.cpp and NDNts packages/lp/tests/
 * service.t.ts and rx.t.ts, as noted.
 */
class LpPacketTest {

  private static LpPacket decode(String hex) {
    return LpPacket.decode(buf(hex));
  }

  // ---- ndn-cxx lp/packet.t.cpp ----

  @Test
  void sequenceAndFragmentEncodeLikeNdnCxx() {
    // EncodeFragment: Sequence is a fixed-width 8-octet number
    LpPacket p = LpPacket.builder().sequence(1000).fragment(buf("03e8")).build();
    assertWire("640e 5108 00000000000003e8 5002 03e8", p.wire());
    assertTrue(p.hasSequence());
    assertEquals(1000, p.sequence());
    assertWire("03e8", p.fragment());
  }

  @Test
  void nackWithReasonEncodesLikeNdnCxx() {
    // EncodeSubTlv and nack-header.t.cpp Encode
    LpPacket p = LpPacket.builder().nack(NackReason.DUPLICATE).build();
    assertWire("6409 fd032005 fd032101 64", p.wire());
    assertTrue(p.isNack());
    assertEquals(NackReason.DUPLICATE, p.nackReason());
    assertFalse(p.hasFragment());
  }

  @Test
  void nonDiscoveryEncodesAsAnEmptyField() {
    // EncodeZeroLengthTlv
    LpPacket p = LpPacket.builder().nonDiscovery(true).build();
    assertWire("6404 fd034c00", p.wire());
    assertTrue(decode("6404 fd034c00").nonDiscovery());
    assertFalse(decode("6400").nonDiscovery());
  }

  @Test
  void fragIndexFragCountAndRepeatedAckDecode() {
    // DecodeNormal
    LpPacket p = decode("642e 520100 530101 fd034408 0000000000000001 fd034408 0000000000000003"
        + " fd034408 0000000000000002 5002 03e8");
    assertEquals(0, p.fragIndex());
    assertEquals(1, p.fragCount());
    assertArrayEquals(new long[] {1, 3, 2}, p.acks());
    assertWire("03e8", p.fragment());
    assertFalse(p.isBare());
  }

  @Test
  void idlePacketWithoutFragment() {
    // DecodeIdle and DecodeEmpty
    LpPacket idle = decode("6406 520100 530101");
    assertFalse(idle.hasFragment());
    assertNull(idle.fragment());
    assertEquals(-1, idle.fragmentType());
    assertEquals(0, idle.fragIndex());
    assertEquals(1, idle.fragCount());
    LpPacket empty = decode("6400");
    assertFalse(empty.hasFragment());
    assertEquals(0, empty.acks().length);
    assertFalse(empty.isNack());
    assertEquals(-1, empty.nackReason());
    assertFalse(empty.hasSequence());
    assertFalse(empty.hasTxSequence());
    assertEquals(-1, empty.nextHopFaceId());
    assertEquals(-1, empty.incomingFaceId());
    assertEquals(-1, empty.cachePolicyType());
    assertEquals(0, empty.congestionMark());
    assertNull(empty.pitToken());
    assertNull(empty.prefixAnnouncement());
    assertWire("6400", LpPacket.builder().build().wire());
    // NDNts rx.t.ts: an Ack-only packet
    LpPacket ack = decode("640c fd034408 a0a1a2a3a4a5a6a7");
    assertArrayEquals(new long[] {0xa0a1a2a3a4a5a6a7L}, ack.acks());
    assertFalse(ack.hasFragment());
  }

  @Test
  void fragmentOnly() {
    // DecodeFragment
    LpPacket p = decode("6404 5002 03e8");
    assertTrue(p.hasFragment());
    assertWire("03e8", p.fragment());
    assertEquals(0, p.fragIndex());
  }

  @Test
  void repeatedNonRepeatableFieldIsRejected() {
    // DecodeRepeatedNonRepeatableHeader, DecodeRepeatedFragment
    assertTlvError(5, () -> decode("6406 520100 520101"), "LpPacket: FragIndex repeated");
    assertTlvError(6, () -> decode("6408 5002 03e8 5002 03e9"), "LpPacket: Fragment after Fragment");
  }

  @Test
  void fieldsOutOfOrderAreRejected() {
    // DecodeWrongOrderAmongHeaders, DecodeWrongOrderFragment
    assertTlvError(5, () -> decode("640a 530101 520100 5002 03e8"), "LpPacket: FragIndex out of order");
    assertTlvError(9, () -> decode("640a 520100 5002 03e8 530101"), "LpPacket: FragCount after Fragment");
  }

  @Test
  void knownFieldsInTheIgnorableRangeAreStillRejectedOutOfOrder() {
    // Nack (800), NextHopFaceId (816), CongestionMark (832)... are recognized fields: ndn-cxx lp::Packet::wireDecode
    // ignores only unrecognized fields, and rejects recognized ones out of order or repeated
    assertTlvError(11, () -> decode("640d fd033405 fd03350101 fd032000"), "LpPacket: Nack out of order");
    assertTlvError(7, () -> decode("640a fd034001 01 fd034001 02"), "LpPacket: CongestionMark repeated");
    assertTlvError(7, () -> decode("6409 fd033001 05 fd032000"), "LpPacket: Nack out of order");
    assertTlvError(6, () -> decode("6408 fd034c00 fd034c00"), "LpPacket: NonDiscovery repeated");
    assertTlvError(7, () -> decode("640c fd033001 05 520100 5002 03e8"), "LpPacket: FragIndex out of order");
  }

  @Test
  void unknownIgnorableFieldIsSkipped() {
    // DecodeIgnoredHeader: 804 = 0x0324 is in 800..959 with the low two bits 00
    LpPacket p = decode("640c 520100 fd032401 02 5002 03e8");
    assertWire("03e8", p.fragment());
    assertEquals(0, p.fragIndex());
    // 956 is the last ignorable type
    assertWire("03e8", decode("6408 fd03bc00 5002 03e8").fragment());
  }

  @ParameterizedTest(name = "TLV-TYPE {0}")
  @ValueSource(strings = {"fd0322", "fd0321", "fd0323", "fd03bf", "fd03c0", "fd031c", "fd0335", "fd0339", "63", "81",
      "fc"})
  void unknownNonIgnorableFieldIsRejected(String type) {
    // DecodeUnrecognizedHeader (802); NDNts rx/service tests: 0x81 and 0x63 are unrecognized critical
    int t = (int) Tlv.readType(buf(type), 0, type.length() / 2, 0, "T");
    String hex = "64" + String.format("%02x", 3 + type.length() / 2 + 2 + 4) + " 520100 " + type + "01 02 5002 03e8";
    assertTlvError(5, () -> decode(hex), "LpPacket: unrecognized critical element " + TlvTypes.name(t));
  }

  @Test
  void bareInterestOrDataIsItsOwnFragment() {
    // DecodeBareNetworkLayerPacket: not validated as an Interest here
    String interest = "050a 070203e8 0a0401020304";
    LpPacket p = decode(interest);
    assertTrue(p.isBare());
    assertTrue(p.hasFragment());
    assertWire(interest, p.fragment());
    assertWire(interest, p.wire());
    assertEquals(5, p.fragmentType());
    assertFalse(p.hasSequence());
    assertEquals(1, p.fragCount());
    assertFalse(p.isNack());
    String data = "060c 0703080144 16031b0100 1700";
    LpPacket d = decode(data);
    assertTrue(d.isBare());
    assertEquals(6, d.fragmentType());
    assertEquals(Name.parse("/D"), d.fragmentAsData().name());
  }

  @Test
  void sequenceIsAnUnsignedSixtyFourBitNumber() {
    // DecodeSeqNum
    LpPacket p = decode("640e 5108 a0a1a2a3a4a5a6a7 5002 ffff");
    assertEquals(0xa0a1a2a3a4a5a6a7L, p.sequence());
  }

  @Test
  void otherTopLevelTypesAreRejected() {
    // DecodeUnrecognizedTlvType
    assertTlvError(0, () -> decode("0700"), "LpPacket: expected LpPacket, Interest or Data, got Name");
    assertTlvError(2, () -> decode("6400 00"), "LpPacket: 1 trailing octets after the element");
  }

  // ---- Nack ----

  @Test
  void nackWithoutReasonAndWithUnknownReason() {
    // nack-header.t.cpp DecodeOmitReason and DecodeUnknownReasonCode; ndnj keeps unknown codes as numbers
    LpPacket none = decode("6404 fd032000");
    assertTrue(none.isNack());
    assertEquals(NackReason.NONE, none.nackReason());
    assertWire("6404 fd032000", LpPacket.builder().nack(NackReason.NONE).build().wire());
    LpPacket unknown = decode("640c fd032008 fd032104 1fffffff");
    assertEquals(0x1fffffff, unknown.nackReason());
    assertWire("640c fd032008 fd032104 1fffffff", LpPacket.builder().nack(0x1fffffff).build().wire());
    assertEquals("NoRoute", NackReason.name(NackReason.NO_ROUTE));
    assertEquals("Congestion", NackReason.name(50));
    assertEquals("Duplicate", NackReason.name(100));
    assertEquals("None", NackReason.name(0));
    assertEquals("536870911", NackReason.name(0x1fffffff));
  }

  @Test
  void nackOfAnInterestAsInNdnts() {
    // NDNts service.t.ts "rx": Nack~Duplicate carrying Interest /N
    LpPacket p = decode("6418 fd032005 fd03210164 500d 050b 070308014e 0a04a0a1a2a3");
    assertEquals(NackReason.DUPLICATE, p.nackReason());
    assertEquals(5, p.fragmentType());
    Interest i = p.fragmentAsInterest();
    assertEquals(Name.parse("/N"), i.name());
    assertEquals(0xa0a1a2a3, i.nonce());
  }

  @Test
  void nackSubElementsFollowTheRules() {
    assertTlvError(6, () -> decode("6406 fd032002 0b00"), "Nack: unexpected critical element TLV-TYPE 11");
    assertEquals(NackReason.NONE, decode("6406 fd032002 fc00").nackReason());
    assertTlvError(10, () -> decode("640b fd032007 fd032103 010203"), "NackReason: NonNegativeInteger of length 3");
  }

  // ---- every header field ----

  @Test
  void everyHeaderFieldRoundTripsByteExactly() {
    byte[] pa = bytes("060c 0703080158 16031b0100 1700");
    byte[] frag = bytes("050b 0703080149 0a04 01020304");
    LpPacket p = LpPacket.builder()
        .sequence(1).fragIndexCount(1, 3).pitToken(bytes("d0d1")).nack(NackReason.NO_ROUTE)
        .nextHopFaceId(300).incomingFaceId(259).cachePolicyType(1).congestionMark(1).acks(5, 6)
        .txSequence(7).nonDiscovery(true).prefixAnnouncement(pa).fragment(ByteBuffer.wrap(frag)).build();
    // NextHopFaceId and IncomingFaceId in increasing TLV-TYPE order, as NDNLPv2 (ndn-cxx) sorts header fields
    String nextHop = " fd033002 012c";
    String incoming = String.format(" fd%04x02 0103", TlvTypes.LP_INCOMING_FACE_ID);
    String faceIds = TlvTypes.LP_INCOMING_FACE_ID < TlvTypes.LP_NEXT_HOP_FACE_ID ? incoming + nextHop : nextHop + incoming;
    String expected = "64 80"
        + " 5108 0000000000000001"
        + " 520101 530103"
        + " 6202 d0d1"
        + " fd032005 fd03210196"
        + faceIds
        + " fd033405 fd03350101"
        + " fd034001 01"
        + " fd034408 0000000000000005 fd034408 0000000000000006"
        + " fd034808 0000000000000007"
        + " fd034c00"
        + " fd03500e 060c0703080158 16031b0100 1700"
        + " 500d 050b0703080149 0a0401020304";
    assertWire(expected, p.wire());
    LpPacket d = decode(expected);
    for (LpPacket x : new LpPacket[] {p, d}) {
      assertTrue(x.hasSequence());
      assertEquals(1, x.sequence());
      assertEquals(1, x.fragIndex());
      assertEquals(3, x.fragCount());
      assertWire("d0d1", x.pitToken());
      assertEquals(NackReason.NO_ROUTE, x.nackReason());
      assertEquals(300, x.nextHopFaceId());
      assertEquals(259, x.incomingFaceId());
      assertEquals(1, x.cachePolicyType());
      assertEquals(1, x.congestionMark());
      assertArrayEquals(new long[] {5, 6}, x.acks());
      assertTrue(x.hasTxSequence());
      assertEquals(7, x.txSequence());
      assertTrue(x.nonDiscovery());
      assertWire("060c 0703080158 16031b0100 1700", x.prefixAnnouncement());
      assertEquals(Name.parse("/X"), Data.decode(x.prefixAnnouncement()).name());
      assertWire("050b 0703080149 0a0401020304", x.fragment());
      assertEquals(-1, x.fragmentType(), "a fragment other than the first has no type");
    }
  }

  @Test
  void pitTokenAndTxSequenceAsInNdnts() {
    // NDNts service.t.ts "rx": PitToken D0D1D2D3, TxSequence, a Data fragment
    LpPacket p = decode("6422 6204 d0d1d2d3 fd034808 a0a1a2a3a4a5a6a7 500e 060c 0703080144 16031b0100 1700");
    assertWire("d0d1d2d3", p.pitToken());
    assertEquals(0xa0a1a2a3a4a5a6a7L, p.txSequence());
    assertEquals(6, p.fragmentType());
    assertEquals(Name.parse("/D"), p.fragmentAsData().name());
  }

  @Test
  void headerFieldValuesAreValidated() {
    assertTlvError(2, () -> decode("6402 6200"), "LpPacket: PitToken length 0, expected 1..32");
    assertTlvError(2, () -> decode("6423 6221 " + "00".repeat(33)), "LpPacket: PitToken length 33, expected 1..32");
    assertTlvError(2, () -> decode("6404 fd033400"), "CachePolicy: CachePolicyType missing");
    assertTlvError(6, () -> decode("6407 fd033003 010203"), "NextHopFaceId: NonNegativeInteger of length 3");
    assertTlvError(0, () -> decode("640a 520103 530103 5002 03e8"), "LpPacket: FragIndex 3 not below FragCount 3");
    assertTlvError(0, () -> decode("6403 530102"), "LpPacket: FragIndex/FragCount without Fragment");
  }

  @Test
  void builderRejectsMisuse() {
    assertThrows(IllegalArgumentException.class, () -> LpPacket.builder().fragIndexCount(3, 3));
    assertThrows(IllegalArgumentException.class, () -> LpPacket.builder().fragIndexCount(-1, 3));
    assertThrows(IllegalArgumentException.class, () -> LpPacket.builder().fragIndexCount(0, 0));
    assertThrows(IllegalArgumentException.class, () -> LpPacket.builder().pitToken(new byte[33]));
    assertThrows(IllegalArgumentException.class, () -> LpPacket.builder().pitToken(new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> LpPacket.builder().nack(-1));
  }

  @Test
  void builderCopiesTheFragmentWithoutMovingIt() {
    ByteBuffer frag = buf("ff 050b0703080149 0a0401020304 ff");
    frag.position(1).limit(14);
    LpPacket p = LpPacket.builder().pitToken(buf("d4d5")).fragment(frag).build();
    assertEquals(1, frag.position());
    assertEquals(14, frag.limit());
    assertWire("6413 6202 d4d5 500d 050b0703080149 0a0401020304", p.wire());
    frag.put(1, (byte) 0);
    assertEquals(5, p.fragmentType());
    assertEquals("050b07030801490a0401020304", hex(p.fragment()));
  }

  @Test
  void fragmentAsPacketWithoutFragmentIsAnIllegalState() {
    LpPacket idle = LpPacket.decode(buf("6400"));
    assertThrows(IllegalStateException.class, idle::fragmentAsInterest);
    assertThrows(IllegalStateException.class, idle::fragmentAsData);
  }

  @Test
  void faceIdAbove2To63IsRejectedRatherThanReadAsAbsent() {
    // NextHopFaceId 2^64-1 would otherwise read as -1, which means "absent"
    TlvException e = assertThrows(TlvException.class, () -> LpPacket.decode(buf("640cfd033008ffffffffffffffff")));
    assertTrue(e.getMessage().contains("NextHopFaceId above 2^63-1"), e.getMessage());
  }
}
