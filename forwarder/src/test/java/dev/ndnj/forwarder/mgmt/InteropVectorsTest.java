package dev.ndnj.forwarder.mgmt;

import static dev.ndnj.forwarder.mgmt.MgmtFixture.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.engine.table.FibEntry;
import dev.ndnj.tlv.Hex;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.mgmt.ControlResponse;
import dev.ndnj.tlv.mgmt.RouteFlags;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Command Interests encoded by other implementations. */
class InteropVectorsTest {
  /**
   * rib/register of {@code /ndnts/app} (Origin 0, Cost 0, Flags child-inherit) signed by NDNts 0.0.20250307 as
   * {@code @ndn/nfdmgmt} signs commands: {@code SignedInterestPolicy(Nonce(), Time())} with {@code digestSigning}, a
   * v0.3 signed Interest with SignatureNonce (8 octets) and SignatureTime, DigestSha256, no KeyLocator.
   */
  static final String NDNTS_RIB_REGISTER = "05A1075C08096C6F63616C686F737408036E666408037269620808726567697374657208"
      + "196817070C08056E646E747308036170706F01006A01006C01010220BCA739E386ED8D40B671F6F87315F2AB4A72F8202B975343"
      + "0865EA023EBAFE010A0444EDEBF924002C171B0100260864D8CB6804D3DC0F2808000001A20083DFEC2E20294378ED88D9F4E351"
      + "27E0452DCF23393E766B460593E8CB362FA1FBB51F7DBA";

  @Test
  void ndntsSignedRibRegisterIsAccepted() {
    Interest i = Interest.decode(ByteBuffer.wrap(Hex.decode(NDNTS_RIB_REGISTER)));
    long signedAt = i.signatureInfo().time();
    MgmtFixture fx = new MgmtFixture(new ManualClock(signedAt + 20), new ManagementConfig(), null, null);
    TestFace app = fx.localFace();
    ControlResponse r = fx.response(app, i);
    assertCode(200, r);
    assertEquals(Name.parse("/ndnts/app"), r.bodyAsControlParameters().name());
    assertEquals(app.id(), r.bodyAsControlParameters().faceId());
    assertEquals(RouteFlags.CHILD_INHERIT, r.bodyAsControlParameters().flags());
    FibEntry e = fx.engine.forwarder().fib().findExactMatch(Name.parse("/ndnts/app"));
    assertNotNull(e);
    assertEquals(app.id(), e.nextHops().get(0).face().id());
  }
}
