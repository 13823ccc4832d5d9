package dev.ndnj.tlv.mgmt;

import static dev.ndnj.tlv.mgmt.Vectors.assertEncodes;
import static dev.ndnj.tlv.mgmt.Vectors.assertTlvError;
import static dev.ndnj.tlv.mgmt.Vectors.buf;
import static dev.ndnj.tlv.mgmt.Vectors.el;
import static dev.ndnj.tlv.mgmt.Vectors.hex;
import static dev.ndnj.tlv.mgmt.Vectors.norm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * ControlParameters: the field values of ndn-cxx tests/unit/mgmt/nfd/control-parameters.t.cpp (Fields, FlagsAndMask)
 * and control-command.t.cpp (FaceCreateResponse), with octets worked out from ndn-cxx's encoder.
 */
class ControlParametersTest {
  static ControlParameters fields() {
    return ControlParameters.builder()
        .name(Name.parse("/name"))
        .faceId(2634)
        .uri("udp4://192.0.2.1:6363")
        .localUri("udp4://192.0.2.2:6363")
        .origin(RouteOrigin.NLSR)
        .cost(1388)
        .capacity(2632)
        .count(3100)
        .flags(0xAFC4)
        .mask(0xF7A1)
        .strategy(Name.parse("/strategy-name"))
        .expirationPeriod(1_800_000)
        .facePersistency(FacePersistency.PERSISTENT)
        .build();
  }

  @Test
  void allCommandFieldsEncodeInNdnCxxOrder() {
    assertEncodes(Vectors.CONTROL_PARAMETERS_FIELDS, fields());
  }

  @Test
  void allCommandFieldsDecode() {
    ControlParameters p = ControlParameters.decode(buf(Vectors.CONTROL_PARAMETERS_FIELDS));
    assertEquals(Name.parse("/name"), p.name());
    assertEquals(2634, p.faceId());
    assertEquals("udp4://192.0.2.1:6363", p.uri());
    assertEquals("udp4://192.0.2.2:6363", p.localUri());
    assertEquals(RouteOrigin.NLSR, p.origin());
    assertEquals(1388, p.cost());
    assertEquals(2632, p.capacity());
    assertEquals(3100, p.count());
    assertEquals(0xAFC4, p.flags());
    assertEquals(0xF7A1, p.mask());
    assertEquals(Name.parse("/strategy-name"), p.strategy());
    assertEquals(1_800_000, p.expirationPeriod());
    assertEquals(FacePersistency.PERSISTENT, p.facePersistency());
    assertFalse(p.hasBaseCongestionMarkingInterval());
    assertFalse(p.hasDefaultCongestionThreshold());
    assertFalse(p.hasMtu());
    assertEquals(fields(), p);
    assertEquals(fields().hashCode(), p.hashCode());
    assertEquals(norm(Vectors.CONTROL_PARAMETERS_FIELDS), hex(p.wire()));
  }

  @Test
  void faceCreateResponseRoundTrips() {
    ControlParameters p = ControlParameters.builder()
        .faceId(3208)
        .uri("tcp4://192.0.2.1:6363")
        .localUri("tcp4://192.0.2.2:32114")
        .facePersistency(FacePersistency.PERMANENT)
        .baseCongestionMarkingInterval(500)
        .defaultCongestionThreshold(12345)
        .mtu(2048)
        .flags(0x3)
        .build();
    assertEncodes(Vectors.CONTROL_PARAMETERS_FACE_CREATED, p);
    ControlParameters d = ControlParameters.decode(buf(Vectors.CONTROL_PARAMETERS_FACE_CREATED));
    assertEquals(p, d);
    assertEquals(500, d.baseCongestionMarkingInterval());
    assertEquals(12345, d.defaultCongestionThreshold());
    assertEquals(2048, d.mtu());
    assertTrue(d.hasFlags());
    assertFalse(d.hasMask());
    assertEquals("ControlParameters(FaceId: 3208, Uri: tcp4://192.0.2.1:6363, LocalUri: tcp4://192.0.2.2:32114, "
        + "Flags: 0x3, FacePersistency: permanent, BaseCongestionMarkingInterval: 500 nanoseconds, "
        + "DefaultCongestionThreshold: 12345, Mtu: 2048, )", d.toString());
  }

  @Test
  void emptyParametersHaveNoField() {
    ControlParameters p = ControlParameters.builder().build();
    assertEncodes("6800", p);
    ControlParameters d = ControlParameters.decode(buf("6800"));
    assertFalse(d.hasName());
    assertFalse(d.hasFaceId());
    assertFalse(d.hasUri());
    assertFalse(d.hasLocalUri());
    assertFalse(d.hasOrigin());
    assertFalse(d.hasCost());
    assertFalse(d.hasCapacity());
    assertFalse(d.hasCount());
    assertFalse(d.hasFlags());
    assertFalse(d.hasMask());
    assertFalse(d.hasStrategy());
    assertFalse(d.hasExpirationPeriod());
    assertFalse(d.hasFacePersistency());
    assertNull(d.name());
    assertEquals(-1, d.faceId());
    assertEquals("ControlParameters()", d.toString());
  }

  @Test
  void fieldsMayComeInAnyOrderAsNdnCxxLooksThemUp() {
    // NDNts writes Flags and Mask after Mtu; ndn-cxx finds each field wherever it is
    String ndnts = el(0x68, "0703080161", "690105", "89020800", "6c0101", "700101");
    ControlParameters p = ControlParameters.decode(buf(ndnts));
    assertEquals(Name.parse("/a"), p.name());
    assertEquals(5, p.faceId());
    assertEquals(2048, p.mtu());
    assertEquals(1, p.flags());
    assertEquals(1, p.mask());
    assertEquals(norm(el(0x68, "0703080161", "690105", "6c0101", "700101", "89020800")), Vectors.encode(p),
        "re-encoding writes ndn-cxx's order");
    assertEquals(norm(ndnts), hex(p.wire()), "a decoded value's wire() is the original octets");
  }

  @Test
  void unknownNonCriticalFieldsAreSkipped() {
    ControlParameters p = ControlParameters.decode(buf(el(0x68, "fc0100", "690105", "fd010000")));
    assertEquals(5, p.faceId());
    assertEquals(norm("6803 690105"), Vectors.encode(p), "re-encoding drops what was skipped");
    assertEncodes("6803 690105", p.toBuilder().build());
  }

  @Test
  void unknownCriticalFieldIsAnError() {
    assertTlvError(5, () -> ControlParameters.decode(buf(el(0x68, "690105", "fb0100"))),
        "ControlParameters: unrecognized critical element");
  }

  @Test
  void repeatedCriticalFieldIsAnErrorAndRepeatedNonCriticalIsIgnored() {
    assertTlvError(5, () -> ControlParameters.decode(buf(el(0x68, "690105", "690106"))),
        "ControlParameters: TLV-TYPE 105 repeated");
    ControlParameters p = ControlParameters.decode(buf(el(0x68, "6c0101", "6c0102")));
    assertEquals(1, p.flags(), "the first Flags counts");
  }

  @Test
  void flagBitsFollowNdnCxx() {
    // the sequence of control-parameters.t.cpp, FlagsAndMask
    ControlParameters.Builder b = ControlParameters.builder();
    ControlParameters p = b.build();
    assertFalse(p.hasFlagBit(0));
    assertFalse(p.flagBit(0));
    p = b.flagBit(2, true).build();
    assertEquals(4, p.flags());
    assertEquals(4, p.mask());
    assertTrue(p.hasFlagBit(2));
    assertTrue(p.flagBit(2));
    p = b.flagBit(3, true, false).build();
    assertEquals(12, p.flags());
    assertEquals(4, p.mask());
    assertFalse(p.hasFlagBit(3));
    assertTrue(p.flagBit(3));
    p = b.flagBit(1, false).build();
    assertEquals(12, p.flags());
    assertEquals(6, p.mask());
    p = b.flagBit(2, false).build();
    assertEquals(8, p.flags());
    assertEquals(6, p.mask());
    p = b.flagBit(0, true).build();
    assertEquals(9, p.flags());
    assertEquals(7, p.mask());
    p = b.unsetFlagBit(0).build();
    assertEquals(9, p.flags());
    assertEquals(6, p.mask());
    assertFalse(p.hasFlagBit(0));
    assertTrue(p.flagBit(0));
    p = b.unsetFlagBit(3).unsetFlagBit(2).build();
    assertEquals(9, p.flags());
    assertEquals(2, p.mask());
    p = b.unsetFlagBit(1).build();
    assertFalse(p.hasFlags(), "Flags and Mask go away when Mask becomes 0");
    assertFalse(p.hasMask());
    assertThrows(IllegalArgumentException.class, () -> b.flagBit(64, true));
    assertThrows(IllegalArgumentException.class, () -> b.unsetFlagBit(64));
  }

  @Test
  void flagsAndMaskKeepAll64Bits() {
    ControlParameters p = ControlParameters.builder().flags(-1L).mask(1L << 63).build();
    assertEncodes("6814 6c08ffffffffffffffff 70088000000000000000", p);
    ControlParameters d = ControlParameters.decode(p.wire());
    assertEquals(-1L, d.flags());
    assertTrue(d.hasFlagBit(63));
  }

  @Test
  void toBuilderChangesACopy() {
    ControlParameters p = fields();
    ControlParameters q = p.toBuilder().unsetCost().faceId(7).build();
    assertEquals(2634, p.faceId());
    assertEquals(7, q.faceId());
    assertFalse(q.hasCost());
    assertEquals(p.name(), q.name());
  }

  @Test
  void badValuesAreRejected() {
    assertTlvError(2, () -> ControlParameters.decode(buf(el(0x68, "6f0400010000"))),
        "ControlParameters: Origin 65536 is out of range (0..65535)");
    assertTlvError(2, () -> ControlParameters.decode(buf(el(0x68, "85020100"))),
        "ControlParameters: FacePersistency 256 is out of range");
    assertTlvError(2, () -> ControlParameters.decode(buf(el(0x68, "6a03000001"))),
        "ControlParameters: Cost of length 3 is not a NonNegativeInteger");
    assertTlvError(2, () -> ControlParameters.decode(buf(el(0x68, "69088000000000000000"))),
        "ControlParameters: FaceId above 2^63-1");
    assertTlvError(2, () -> ControlParameters.decode(buf(el(0x68, "6b00"))),
        "ControlParameters: Strategy must hold a Name");
    assertTlvError(4, () -> ControlParameters.decode(buf(el(0x68, el(0x6b, "690101")))),
        "Strategy: unrecognized critical element");
    assertTlvError(0, () -> ControlParameters.decode(buf("6500")), "ControlParameters: expected TLV-TYPE 104, got 101");
    assertTlvError(1, () -> ControlParameters.decode(buf("6805 690105")), "ControlParameters: TLV-LENGTH 5 exceeds");
    assertTlvError(5, () -> ControlParameters.decode(buf("6803 690105 00")), "1 trailing octets");
  }

  @Test
  void builderRejectsOutOfRangeValues() {
    ControlParameters.Builder b = ControlParameters.builder();
    assertThrows(IllegalArgumentException.class, () -> b.faceId(-1));
    assertThrows(IllegalArgumentException.class, () -> b.origin(65536));
    assertThrows(IllegalArgumentException.class, () -> b.facePersistency(256));
    assertThrows(IllegalArgumentException.class, () -> b.cost(-2));
  }

  @Test
  void decodingAtAnOffsetCountsErrorsFromTheBase() {
    ByteBuffer b = buf("aaaa" + norm(el(0x68, "6a03000001")));
    assertTlvError(4, () -> ControlParameters.decode(b, 2, b.limit(), 0), "Cost of length 3");
    ByteBuffer sliced = b.duplicate();
    sliced.position(2);
    assertTlvError(2, () -> ControlParameters.decode(sliced), "Cost of length 3");
  }
}
