package dev.ndnj.tlv.mgmt;

import static dev.ndnj.tlv.mgmt.Vectors.assertEncodes;
import static dev.ndnj.tlv.mgmt.Vectors.assertTlvError;
import static dev.ndnj.tlv.mgmt.Vectors.buf;
import static dev.ndnj.tlv.mgmt.Vectors.hex;
import static dev.ndnj.tlv.mgmt.Vectors.norm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** ForwarderStatus (status/general), with the vector of ndn-cxx tests/unit/mgmt/nfd/forwarder-status.t.cpp. */
class ForwarderStatusTest {
  /** The vector without ndn-cxx's Content header (0x15 0x71): the dataset payload. */
  private static final String PAYLOAD = norm(Vectors.FORWARDER_STATUS).substring(4);

  /** ndn-cxx's makeForwarderStatus(). */
  static ForwarderStatus make() {
    return ForwarderStatus.builder()
        .nfdVersion("0.5.1-14-g05dd444")
        .startTimestamp(375193249325L)
        .currentTimestamp(886109034272L)
        .nNameTreeEntries(1849943160)
        .nFibEntries(621739748)
        .nPitEntries(482129741)
        .nMeasurementsEntries(1771725298)
        .nCsEntries(1264968688)
        .nInInterests(612811615)
        .nInData(1843576050)
        .nInNacks(1234)
        .nOutInterests(952144445)
        .nOutData(138198826)
        .nOutNacks(4321)
        .nSatisfiedInterests(961020)
        .nUnsatisfiedInterests(941024)
        .build();
  }

  @Test
  void encodesThePayloadOfNdnCxxsEncoding() {
    assertEncodes(PAYLOAD, make());
  }

  @Test
  void decodesNdnCxxsContentWrappedForm() {
    ForwarderStatus s = ForwarderStatus.decode(buf(Vectors.FORWARDER_STATUS));
    assertEquals(make(), s);
    assertEquals(PAYLOAD, hex(s.wire()), "wire() is the payload inside Content");
  }

  @Test
  void decodesTheBarePayload() {
    ForwarderStatus s = ForwarderStatus.decode(buf(PAYLOAD));
    assertEquals("0.5.1-14-g05dd444", s.nfdVersion());
    assertEquals(375193249325L, s.startTimestamp());
    assertEquals(886109034272L, s.currentTimestamp());
    assertEquals(1849943160, s.nNameTreeEntries());
    assertEquals(621739748, s.nFibEntries());
    assertEquals(482129741, s.nPitEntries());
    assertEquals(1771725298, s.nMeasurementsEntries());
    assertEquals(1264968688, s.nCsEntries());
    assertEquals(612811615, s.nInInterests());
    assertEquals(1843576050, s.nInData());
    assertEquals(1234, s.nInNacks());
    assertEquals(952144445, s.nOutInterests());
    assertEquals(138198826, s.nOutData());
    assertEquals(4321, s.nOutNacks());
    assertEquals(961020, s.nSatisfiedInterests());
    assertEquals(941024, s.nUnsatisfiedInterests());
    assertEquals(make(), s);
    assertEquals(make().hashCode(), s.hashCode());
    assertNotEquals(ForwarderStatus.builder().nfdVersion("0.5.1-14-g05dd444").build(), s);
    assertEquals("GeneralStatus(NfdVersion: 0.5.1-14-g05dd444, StartTimestamp: 375193249325, CurrentTimestamp: "
        + "886109034272, NNameTreeEntries: 1849943160, NFibEntries: 621739748, NPitEntries: 482129741, "
        + "NMeasurementsEntries: 1771725298, NCsEntries: 1264968688, NInInterests: 612811615, NInData: 1843576050, "
        + "NInNacks: 1234, NOutInterests: 952144445, NOutData: 138198826, NOutNacks: 4321, "
        + "NSatisfiedInterests: 961020, NUnsatisfiedInterests: 941024)", s.toString());
  }

  @Test
  void everyFieldIsRequired() {
    // the payload without NUnsatisfiedInterests (its last 6 octets)
    String truncated = PAYLOAD.substring(0, PAYLOAD.length() - 12);
    assertTlvError(0, () -> ForwarderStatus.decode(buf(truncated)),
        "ForwarderStatus: missing required NUnsatisfiedInterests field");
    assertTlvError(0, () -> ForwarderStatus.decode(buf("")), "missing required NfdVersion field");
    assertTlvError(2, () -> ForwarderStatus.decode(buf("1500")), "missing required NfdVersion field");
  }

  @Test
  void contentFormMustHoldTheWholeInput() {
    assertTlvError(115, () -> ForwarderStatus.decode(buf(Vectors.FORWARDER_STATUS + "00")), "1 trailing octets");
  }
}
