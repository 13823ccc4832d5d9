package dev.ndnj.tlv.mgmt;

import static dev.ndnj.tlv.mgmt.Vectors.assertEncodes;
import static dev.ndnj.tlv.mgmt.Vectors.assertTlvError;
import static dev.ndnj.tlv.mgmt.Vectors.buf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** CsInfo (cs/info), with the vector of ndn-cxx tests/unit/mgmt/nfd/cs-info.t.cpp. */
class CsInfoTest {
  /** ndn-cxx's makeCsInfo(). */
  static CsInfo make() {
    return CsInfo.builder().capacity(20177).enableAdmit(false).enableServe(true).nEntries(5509).nHits(12951)
        .nMisses(28179).build();
  }

  @Test
  void roundTripsLikeNdnCxx() {
    assertEncodes(Vectors.CS_INFO, make());
    CsInfo d = CsInfo.decode(buf(Vectors.CS_INFO));
    assertEquals(make(), d);
    assertEquals(20177, d.capacity());
    assertFalse(d.enableAdmit());
    assertTrue(d.enableServe());
    assertEquals(CsFlags.ENABLE_SERVE, d.flags());
    assertEquals(5509, d.nEntries());
    assertEquals(12951, d.nHits());
    assertEquals(28179, d.nMisses());
  }

  @Test
  void printsLikeNdnCxx() {
    assertEquals("CsInfo: 0 entries, 0 max, admit disabled, serve disabled, 0 hits, 0 misses",
        CsInfo.builder().build().toString());
    assertEquals("CsInfo: 5509 entries, 20177 max, admit disabled, serve enabled, 12951 hits, 28179 misses",
        make().toString());
    assertEquals("CsInfo: 5509 entries, 20177 max, admit enabled, serve enabled, 1 hit, 1 miss",
        CsInfo.builder().capacity(20177).nEntries(5509).enableAdmit(true).enableServe(true).nHits(1).nMisses(1)
            .build().toString());
  }

  @Test
  void everyFieldIsRequired() {
    assertTlvError(0, () -> CsInfo.decode(buf("800b 83024ed1 6c0102 87021585")),
        "CsInfo: missing required NHits field");
  }
}
