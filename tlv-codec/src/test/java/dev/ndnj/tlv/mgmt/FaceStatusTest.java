package dev.ndnj.tlv.mgmt;

import static dev.ndnj.tlv.mgmt.Vectors.assertEncodes;
import static dev.ndnj.tlv.mgmt.Vectors.assertTlvError;
import static dev.ndnj.tlv.mgmt.Vectors.buf;
import static dev.ndnj.tlv.mgmt.Vectors.el;
import static dev.ndnj.tlv.mgmt.Vectors.hex;
import static dev.ndnj.tlv.mgmt.Vectors.norm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** FaceStatus, with the vector of ndn-cxx tests/unit/mgmt/nfd/face-status.t.cpp. */
class FaceStatusTest {
  /** ndn-cxx's makeFaceStatus(). */
  static FaceStatus make() {
    return FaceStatus.builder()
        .faceId(100)
        .remoteUri("tcp4://192.0.2.1:6363")
        .localUri("tcp4://192.0.2.2:55555")
        .faceScope(FaceScope.LOCAL)
        .facePersistency(FacePersistency.ON_DEMAND)
        .linkType(LinkType.MULTI_ACCESS)
        .expirationPeriod(10_000)
        .baseCongestionMarkingInterval(5)
        .defaultCongestionThreshold(7)
        .mtu(9)
        .nInInterests(10)
        .nInData(200)
        .nInNacks(1)
        .nOutInterests(3000)
        .nOutData(4)
        .nOutNacks(2)
        .nInBytes(1329719163)
        .nOutBytes(999110448)
        .flags(0x7)
        .build();
  }

  /** The fields of the vector before Flags, to build variants. */
  private static final String HEAD = "690164 7215 746370343a2f2f3139322e302e322e313a36333633"
      + " 8116 746370343a2f2f3139322e302e322e323a3535353535";
  private static final String COUNTERS = "90010a 9101c8 970101 92020bb8 930104 980102 94044f41e77b 95043b8d3730";

  @Test
  void encodesLikeNdnCxx() {
    assertEncodes(Vectors.FACE_STATUS, make());
  }

  @Test
  void decodesEveryField() {
    FaceStatus f = FaceStatus.decode(buf(Vectors.FACE_STATUS));
    assertEquals(100, f.faceId());
    assertEquals("tcp4://192.0.2.1:6363", f.remoteUri());
    assertEquals("tcp4://192.0.2.2:55555", f.localUri());
    assertEquals(FaceScope.LOCAL, f.faceScope());
    assertEquals(FacePersistency.ON_DEMAND, f.facePersistency());
    assertEquals(LinkType.MULTI_ACCESS, f.linkType());
    assertEquals(10_000, f.expirationPeriod());
    assertEquals(5, f.baseCongestionMarkingInterval());
    assertEquals(7, f.defaultCongestionThreshold());
    assertEquals(9, f.mtu());
    assertEquals(10, f.nInInterests());
    assertEquals(200, f.nInData());
    assertEquals(1, f.nInNacks());
    assertEquals(3000, f.nOutInterests());
    assertEquals(4, f.nOutData());
    assertEquals(2, f.nOutNacks());
    assertEquals(1329719163, f.nInBytes());
    assertEquals(999110448, f.nOutBytes());
    assertEquals(0x7, f.flags());
    assertTrue(f.flagBit(FaceFlags.BIT_LOCAL_FIELDS_ENABLED));
    assertTrue(f.flagBit(FaceFlags.BIT_LP_RELIABILITY_ENABLED));
    assertTrue(f.flagBit(FaceFlags.BIT_CONGESTION_MARKING_ENABLED));
    assertFalse(f.flagBit(3));
    assertEquals(make(), f);
    assertEquals(make().hashCode(), f.hashCode());
    assertNotEquals(make().toBuilder().faceId(42).build(), f);
  }

  @Test
  void printsLikeNdnCxxOnOneLine() {
    assertEquals("Face(FaceId: 100, RemoteUri: tcp4://192.0.2.1:6363, LocalUri: tcp4://192.0.2.2:55555, "
        + "ExpirationPeriod: 10000 milliseconds, FaceScope: local, FacePersistency: on-demand, "
        + "LinkType: multi-access, BaseCongestionMarkingInterval: 5 nanoseconds, DefaultCongestionThreshold: 7 bytes, "
        + "Mtu: 9 bytes, Flags: 0x7, Counters: {Interests: {in: 10, out: 3000}, Data: {in: 200, out: 4}, "
        + "Nacks: {in: 1, out: 2}, bytes: {in: 1329719163, out: 999110448}})", make().toString());
    assertEquals("Face(FaceId: 0, RemoteUri: , LocalUri: , ExpirationPeriod: infinite, FaceScope: non-local, "
        + "FacePersistency: persistent, LinkType: point-to-point, Flags: 0x0, Counters: {Interests: {in: 0, out: 0}, "
        + "Data: {in: 0, out: 0}, Nacks: {in: 0, out: 0}, bytes: {in: 0, out: 0}})", FaceStatus.builder().build()
        .toString());
  }

  @Test
  void optionalFieldsMayBeAbsent() {
    String wire = el(0x80, HEAD, "840101 850101 860101", COUNTERS, "6c0107");
    FaceStatus f = FaceStatus.decode(buf(wire));
    assertFalse(f.hasExpirationPeriod());
    assertFalse(f.hasBaseCongestionMarkingInterval());
    assertFalse(f.hasDefaultCongestionThreshold());
    assertFalse(f.hasMtu());
    assertEquals(-1, f.expirationPeriod());
    assertEncodes(wire, f.toBuilder().build());
  }

  @Test
  void missingRequiredFieldIsAnError() {
    assertTlvError(0, () -> FaceStatus.decode(buf(el(0x80, HEAD, "840101 850101 860101", COUNTERS))),
        "FaceStatus: missing required Flags field");
    assertTlvError(0, () -> FaceStatus.decode(buf(el(0x80, HEAD, "850101 860101", COUNTERS, "6c0107"))),
        "FaceStatus: missing required FaceScope field");
    assertTlvError(0, () -> FaceStatus.decode(buf("8000")), "FaceStatus: missing required FaceId field");
  }

  @Test
  void unknownNonCriticalFieldsAreSkipped() {
    // ndn-cxx stops at the first unexpected element; the evolvability rules skip non-critical ones anywhere
    String wire = el(0x80, "fc00", HEAD, "840101 fc0155 850101 860101", COUNTERS, "6c0107 9e00");
    FaceStatus f = FaceStatus.decode(buf(wire));
    assertEquals(FacePersistency.ON_DEMAND, f.facePersistency());
    assertEquals(0x7, f.flags());
    assertEquals(norm(wire), hex(f.wire()), "wire() of a decoded value keeps what it skipped");
    assertEncodes(el(0x80, HEAD, "840101 850101 860101", COUNTERS, "6c0107"), f.toBuilder().build());
  }

  @Test
  void unknownCriticalOrOutOfOrderCriticalFieldIsAnError() {
    assertTlvError(2, () -> FaceStatus.decode(buf(el(0x80, "fd0101 00", HEAD))),
        "FaceStatus: unrecognized critical element TLV-TYPE 257");
    // FaceId (0x69, critical) after Uri
    assertTlvError(25, () -> FaceStatus.decode(buf(el(0x80, "7215 746370343a2f2f3139322e302e322e313a36333633",
        "690164"))), "FaceStatus: TLV-TYPE 105 out of order");
    // LocalUri (0x81, critical) twice
    assertTlvError(52, () -> FaceStatus.decode(buf(el(0x80, HEAD,
        "8116 746370343a2f2f3139322e302e322e323a3535353535"))), "FaceStatus: TLV-TYPE 129 repeated");
    // Uri (0x72, non-critical) out of order is skipped, so it is then missing
    assertTlvError(0, () -> FaceStatus.decode(buf(el(0x80, "690164",
        "8116 746370343a2f2f3139322e302e322e323a3535353535", "7215 746370343a2f2f3139322e302e322e313a36333633",
        "840101 850101 860101", COUNTERS, "6c0107"))), "FaceStatus: missing required Uri field");
  }

  @Test
  void enumerationsMustFitEightBits() {
    assertTlvError(52, () -> FaceStatus.decode(buf(el(0x80, HEAD, "84020100 850101 860101", COUNTERS, "6c0107"))),
        "FaceStatus: FaceScope 256 is out of range (0..255)");
    assertThrows(IllegalArgumentException.class, () -> FaceStatus.builder().linkType(256));
  }
}
