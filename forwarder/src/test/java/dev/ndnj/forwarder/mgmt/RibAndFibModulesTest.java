package dev.ndnj.forwarder.mgmt;

import static dev.ndnj.forwarder.mgmt.MgmtFixture.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.engine.table.FibEntry;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import dev.ndnj.tlv.mgmt.NextHopRecord;
import dev.ndnj.tlv.mgmt.RibEntry;
import dev.ndnj.tlv.mgmt.Route;
import dev.ndnj.tlv.mgmt.RouteFlags;
import dev.ndnj.tlv.mgmt.RouteOrigin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** rib/register, rib/unregister, rib/list, fib/add-nexthop, fib/remove-nexthop, fib/list through commands. */
class RibAndFibModulesTest {
  private final MgmtFixture fx = new MgmtFixture();
  private final TestFace app = fx.localFace();
  private final TestFace up1 = fx.remoteFace();
  private final TestFace up2 = fx.remoteFace();

  private ControlResponse register(String prefix, TestFace face, long cost, long flags) {
    return fx.command(app, "rib", "register", ControlParameters.builder().name(Name.parse(prefix))
        .faceId(face.id()).cost(cost).flags(flags).build());
  }

  private Map<Integer, Long> fib(String prefix) {
    Map<Integer, Long> out = new LinkedHashMap<>();
    FibEntry e = fx.engine.forwarder().fib().findExactMatch(Name.parse(prefix));
    if (e != null) {
      e.nextHops().forEach(nh -> out.put(nh.face().id(), nh.cost()));
    }
    return out;
  }

  @Test
  void registerAppliesNfdsDefaultsAndTheRequestingFace() {
    ControlResponse r = fx.command(app, "rib", "register",
        ControlParameters.builder().name(Name.parse("/app")).build());
    assertCode(200, r);
    assertEquals("Success", r.text());
    ControlParameters body = r.bodyAsControlParameters();
    assertEquals(Name.parse("/app"), body.name());
    assertEquals(app.id(), body.faceId());
    assertEquals(RouteOrigin.APP, body.origin());
    assertEquals(0, body.cost());
    assertEquals(RouteFlags.CHILD_INHERIT, body.flags());
    assertFalse(body.hasExpirationPeriod());
    assertEquals(Map.of(app.id(), 0L), fib("/app"));
  }

  @Test
  void registerCreatesFibNextHopsWithInheritance() {
    assertCode(200, register("/net", up1, 10, RouteFlags.CHILD_INHERIT));
    assertCode(200, register("/net/site", up2, 5, RouteFlags.NONE));
    assertEquals(Map.of(up1.id(), 10L), fib("/net"));
    assertEquals(Map.of(up2.id(), 5L, up1.id(), 10L), fib("/net/site"));
    // an Interest under /net/site goes to the cheaper face first
    Interest i = Interest.builder(Name.parse("/net/site/x")).nonce(1).build();
    app.send(i);
    fx.settle();
    assertEquals(1, up2.interests.size());
    assertTrue(up1.interests.isEmpty());
  }

  @Test
  void registerWithCaptureBlocksInheritance() {
    assertCode(200, register("/net", up1, 10, RouteFlags.CHILD_INHERIT));
    assertCode(200, register("/net/private", up2, 5, RouteFlags.CAPTURE));
    assertEquals(Map.of(up2.id(), 5L), fib("/net/private"));
    assertCode(200, fx.command(app, "rib", "unregister", ControlParameters.builder()
        .name(Name.parse("/net/private")).faceId(up2.id()).build()));
    assertTrue(fib("/net/private").isEmpty());
  }

  @Test
  void unregisterDefaultsToTheRequestingFaceAndOriginApp() {
    assertCode(200, fx.command(app, "rib", "register", ControlParameters.builder().name(Name.parse("/u")).build()));
    ControlResponse r = fx.command(app, "rib", "unregister",
        ControlParameters.builder().name(Name.parse("/u")).build());
    assertCode(200, r);
    assertEquals(app.id(), r.bodyAsControlParameters().faceId());
    assertEquals(RouteOrigin.APP, r.bodyAsControlParameters().origin());
    assertNull(fx.mgmt.rib().find(Name.parse("/u")));
    assertTrue(fib("/u").isEmpty());
    // unregistering what is not there is fine
    assertCode(200, fx.command(app, "rib", "unregister", ControlParameters.builder().name(Name.parse("/u")).build()));
  }

  @Test
  void registerOnAFaceThatDoesNotExistIs410() {
    ControlResponse r = fx.command(app, "rib", "register",
        ControlParameters.builder().name(Name.parse("/none")).faceId(4242).build());
    assertCode(410, r);
    assertNull(fx.mgmt.rib().find(Name.parse("/none")));
  }

  @Test
  void registerOfATooLongPrefixIs414() {
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 33; i++) {
      deep.append("/c");
    }
    assertCode(414, fx.command(app, "rib", "register",
        ControlParameters.builder().name(Name.parse(deep.toString())).build()));
  }

  @Test
  void routesExpire() {
    ControlResponse r = fx.command(app, "rib", "register", ControlParameters.builder().name(Name.parse("/tmp"))
        .expirationPeriod(30_000).build());
    assertCode(200, r);
    assertEquals(30_000, r.bodyAsControlParameters().expirationPeriod());
    fx.clock.advance(10_000);
    List<RibEntry> rib = fx.dataset(app, "rib/list", RibEntry::decode);
    assertEquals(1, rib.size());
    assertEquals(20_000, rib.get(0).routes().get(0).expirationPeriod());
    fx.clock.advance(20_000);
    assertNull(fx.mgmt.rib().find(Name.parse("/tmp")));
    assertTrue(fib("/tmp").isEmpty());
  }

  @Test
  void destroyedFaceLosesItsRoutes() {
    assertCode(200, register("/gone", up1, 1, RouteFlags.CHILD_INHERIT));
    assertCode(200, register("/gone/child", up2, 1, RouteFlags.NONE));
    up1.close();
    assertNull(fx.mgmt.rib().find(Name.parse("/gone")));
    assertEquals(Map.of(up2.id(), 1L), fib("/gone/child"));
  }

  @Test
  void ribListHasEveryRoute() {
    assertCode(200, register("/b", up1, 10, RouteFlags.CHILD_INHERIT));
    assertCode(200, fx.command(app, "rib", "register", ControlParameters.builder().name(Name.parse("/a"))
        .faceId(up2.id()).origin(RouteOrigin.NLSR).cost(3).flags(RouteFlags.CAPTURE).build()));
    List<RibEntry> rib = fx.dataset(app, "rib/list", RibEntry::decode);
    assertEquals(2, rib.size());
    assertEquals(Name.parse("/a"), rib.get(0).prefix());
    Route r = rib.get(0).routes().get(0);
    assertEquals(up2.id(), r.faceId());
    assertEquals(RouteOrigin.NLSR, r.origin());
    assertEquals(3, r.cost());
    assertEquals(RouteFlags.CAPTURE, r.flags());
    assertFalse(r.hasExpirationPeriod());
    assertEquals(Name.parse("/b"), rib.get(1).prefix());
  }

  @Test
  void addNextHopDefaultsToTheRequestingFaceAndCostZero() {
    ControlResponse r = fx.command(app, "fib", "add-nexthop",
        ControlParameters.builder().name(Name.parse("/direct")).build());
    assertCode(200, r);
    assertEquals(app.id(), r.bodyAsControlParameters().faceId());
    assertEquals(0, r.bodyAsControlParameters().cost());
    assertEquals(Map.of(app.id(), 0L), fib("/direct"));
    assertCode(200, fx.command(app, "fib", "add-nexthop", ControlParameters.builder().name(Name.parse("/direct"))
        .faceId(up1.id()).cost(7).build()));
    assertEquals(Map.of(app.id(), 0L, up1.id(), 7L), fib("/direct"));
    assertNull(fx.mgmt.rib().find(Name.parse("/direct")), "fib commands do not touch the RIB");
  }

  @Test
  void addNextHopOnAnUnknownFaceIs410() {
    assertCode(410, fx.command(app, "fib", "add-nexthop", ControlParameters.builder().name(Name.parse("/x"))
        .faceId(31337).build()));
    assertTrue(fib("/x").isEmpty());
  }

  @Test
  void removeNextHop() {
    assertCode(200, fx.command(app, "fib", "add-nexthop", ControlParameters.builder().name(Name.parse("/r"))
        .faceId(up1.id()).build()));
    assertCode(200, fx.command(app, "fib", "remove-nexthop", ControlParameters.builder().name(Name.parse("/r"))
        .faceId(up1.id()).build()));
    assertNull(fx.engine.forwarder().fib().findExactMatch(Name.parse("/r")));
    // absent entries and faces are fine, as in NFD
    assertCode(200, fx.command(app, "fib", "remove-nexthop", ControlParameters.builder().name(Name.parse("/r"))
        .faceId(999).build()));
  }

  @Test
  void fibListHasEveryEntryIncludingManagementsOwn() {
    assertCode(200, register("/z", up1, 4, RouteFlags.CHILD_INHERIT));
    List<dev.ndnj.tlv.mgmt.FibEntry> fib = fx.dataset(app, "fib/list", dev.ndnj.tlv.mgmt.FibEntry::decode);
    dev.ndnj.tlv.mgmt.FibEntry mgmt = null;
    dev.ndnj.tlv.mgmt.FibEntry z = null;
    for (dev.ndnj.tlv.mgmt.FibEntry e : fib) {
      if (e.prefix().equals(Name.parse("/localhost/nfd"))) {
        mgmt = e;
      } else if (e.prefix().equals(Name.parse("/z"))) {
        z = e;
      }
    }
    assertNotNull(mgmt);
    assertEquals(List.of(NextHopRecord.of(FaceTable.INTERNAL, 0)), mgmt.nextHops());
    assertNotNull(z);
    assertEquals(List.of(NextHopRecord.of(up1.id(), 4)), z.nextHops());
  }
}
