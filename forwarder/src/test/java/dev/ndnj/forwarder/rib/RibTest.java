package dev.ndnj.forwarder.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkService;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.face.Transport;
import dev.ndnj.engine.fw.Forwarder;
import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.engine.table.FibEntry;
import dev.ndnj.engine.table.NextHop;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.mgmt.RouteFlags;
import dev.ndnj.tlv.mgmt.RouteOrigin;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The RIB's routes and the FIB next hops it computes from them. */
class RibTest {
  private static final long CI = RouteFlags.CHILD_INHERIT;
  private static final long CAPTURE = RouteFlags.CAPTURE;
  private static final long NONE = RouteFlags.NONE;

  private final ManualClock clock = new ManualClock();
  private final Engine engine;
  private final Forwarder fw;
  private final Rib rib;
  private final Face f1;
  private final Face f2;
  private final Face f3;

  RibTest() {
    Random r = new Random(1);
    engine = Engine.builder().manual(clock).random(r::nextInt).build();
    fw = engine.forwarder();
    rib = new Rib(fw);
    f1 = face();
    f2 = face();
    f3 = face();
  }

  private Face face() {
    Face f = new Face(new LinkService() {
      @Override
      protected void sendInterest(Interest interest, int ingressFaceId) {}

      @Override
      protected void sendData(Data data, ByteBuffer pitToken, int ingressFaceId) {}

      @Override
      protected void sendNack(Interest interest, int reason, ByteBuffer pitToken) {}

      @Override
      protected void receiveFrame(ByteBuffer frame) {}
    }, new Transport(FaceScope.NON_LOCAL, LinkType.POINT_TO_POINT, FacePersistency.PERSISTENT, "test://l",
        "test://r", -1) {
      @Override
      protected boolean doSend(ByteBuffer frame) {
        return true;
      }

      @Override
      public void close() {
        closed();
      }
    });
    fw.faceTable().add(f);
    return f;
  }

  private void reg(String prefix, Face f, long cost, long flags) {
    rib.register(Name.parse(prefix), f.id(), RouteOrigin.APP, cost, flags, -1);
  }

  /** The FIB next hops of exactly {@code prefix}: face id to cost, in the FIB's order. */
  private Map<Integer, Long> fib(String prefix) {
    Map<Integer, Long> out = new LinkedHashMap<>();
    FibEntry e = fw.fib().findExactMatch(Name.parse(prefix));
    if (e != null) {
      for (NextHop nh : e.nextHops()) {
        out.put(nh.face().id(), nh.cost());
      }
    }
    return out;
  }

  private static Map<Integer, Long> hops(Object... faceCost) {
    Map<Integer, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < faceCost.length; i += 2) {
      m.put(((Face) faceCost[i]).id(), ((Number) faceCost[i + 1]).longValue());
    }
    return m;
  }

  @Test
  void ownRoutesGiveOneNextHopPerFaceAtTheLowestCost() {
    rib.register(Name.parse("/a"), f1.id(), RouteOrigin.APP, 10, CI, -1);
    rib.register(Name.parse("/a"), f1.id(), RouteOrigin.STATIC, 5, CI, -1);
    reg("/a", f2, 7, NONE);
    assertEquals(hops(f1, 5, f2, 7), fib("/a"));
    assertEquals(3, rib.find(Name.parse("/a")).routes().size());
    rib.unregister(Name.parse("/a"), f1.id(), RouteOrigin.STATIC);
    assertEquals(hops(f1, 10, f2, 7), fib("/a"));
  }

  @Test
  void registeringTheSameFaceAndOriginReplacesTheRoute() {
    reg("/a", f1, 10, CI);
    reg("/a", f1, 3, CI);
    assertEquals(1, rib.find(Name.parse("/a")).routes().size());
    assertEquals(hops(f1, 3), fib("/a"));
  }

  @Test
  void childInheritRoutesAreInheritedByLongerPrefixes() {
    reg("/a", f1, 10, CI);
    reg("/a/b", f2, 20, NONE);
    assertEquals(hops(f1, 10), fib("/a"));
    assertEquals(hops(f1, 10, f2, 20), fib("/a/b"));
    // order of registration does not matter
    reg("/c/d", f2, 20, NONE);
    reg("/c", f1, 10, CI);
    assertEquals(hops(f1, 10, f2, 20), fib("/c/d"));
  }

  @Test
  void routesWithoutChildInheritAreNotInherited() {
    reg("/a", f1, 10, NONE);
    reg("/a/b", f2, 20, NONE);
    assertEquals(hops(f2, 20), fib("/a/b"));
  }

  @Test
  void ownRouteOfAFaceWinsOverTheInheritedOne() {
    reg("/a", f1, 1, CI);
    reg("/a/b", f1, 50, NONE);
    assertEquals(hops(f1, 50), fib("/a/b"));
  }

  @Test
  void theNearestAncestorWinsAndInheritanceCrossesPrefixesWithoutEntries() {
    reg("/", f1, 7, CI);
    reg("/a", f1, 3, CI);
    reg("/a/b/c", f2, 1, NONE);
    assertEquals(hops(f2, 1, f1, 3), fib("/a/b/c"));
    assertTrue(fib("/a/b").isEmpty(), "no RIB entry, no FIB entry: longest-prefix match falls back to /a");
  }

  @Test
  void captureStopsInheritanceFromAbove() {
    reg("/a", f1, 10, CI);
    reg("/a/b", f2, 20, CAPTURE | CI);
    reg("/a/b/c", f3, 30, NONE);
    assertEquals(hops(f2, 20), fib("/a/b"));
    assertEquals(hops(f3, 30, f2, 20), fib("/a/b/c"), "inherits from the capturing prefix, not above it");
  }

  @Test
  void captureOnAnAncestorEndsTheWalkAfterIt() {
    reg("/", f3, 1, CI);
    reg("/a", f1, 10, CI | CAPTURE);
    reg("/a/b", f2, 20, NONE);
    assertEquals(hops(f2, 20, f1, 10), fib("/a/b"));
    assertEquals(hops(f1, 10), fib("/a"));
  }

  @Test
  void turningCaptureOnAndOffUpdatesTheFib() {
    reg("/a", f1, 10, CI);
    reg("/a/b", f2, 20, NONE);
    reg("/a/b/c", f3, 30, NONE);
    assertEquals(hops(f3, 30, f1, 10), fib("/a/b/c"));
    rib.register(Name.parse("/a/b"), f2.id(), RouteOrigin.STATIC, 25, CAPTURE, -1);
    assertEquals(hops(f2, 20), fib("/a/b"));
    assertEquals(hops(f3, 30), fib("/a/b/c"), "capture without child-inherit: nothing inherited below");
    rib.unregister(Name.parse("/a/b"), f2.id(), RouteOrigin.STATIC);
    assertEquals(hops(f2, 20, f1, 10), fib("/a/b"));
    assertEquals(hops(f3, 30, f1, 10), fib("/a/b/c"));
  }

  @Test
  void unregisteringAnAncestorRemovesWhatWasInherited() {
    reg("/a", f1, 10, CI);
    reg("/a/b", f2, 20, NONE);
    rib.unregister(Name.parse("/a"), f1.id(), RouteOrigin.APP);
    assertNull(rib.find(Name.parse("/a")));
    assertNull(fw.fib().findExactMatch(Name.parse("/a")));
    assertEquals(hops(f2, 20), fib("/a/b"));
    assertFalse(rib.unregister(Name.parse("/a"), f1.id(), RouteOrigin.APP));
  }

  @Test
  void routesExpireOnTheEnginesClock() {
    rib.register(Name.parse("/e"), f1.id(), RouteOrigin.APP, 0, CI, 1000);
    clock.advance(999);
    assertEquals(hops(f1, 0), fib("/e"));
    assertEquals(1, rib.find(Name.parse("/e")).routes().get(0).expirationPeriod(clock.monotonicMillis()));
    clock.advance(1);
    assertNull(rib.find(Name.parse("/e")));
    assertTrue(fib("/e").isEmpty());
  }

  @Test
  void registeringAgainRenewsTheExpiration() {
    rib.register(Name.parse("/e"), f1.id(), RouteOrigin.APP, 0, CI, 1000);
    clock.advance(800);
    rib.register(Name.parse("/e"), f1.id(), RouteOrigin.APP, 0, CI, 1000);
    clock.advance(800);
    assertEquals(hops(f1, 0), fib("/e"));
    clock.advance(200);
    assertTrue(fib("/e").isEmpty());
  }

  @Test
  void expirationZeroRemovesTheRoute() {
    reg("/z", f1, 1, CI);
    Route r = rib.register(Name.parse("/z"), f1.id(), RouteOrigin.APP, 1, CI, 0);
    assertNull(r);
    assertNull(rib.find(Name.parse("/z")));
  }

  @Test
  void aClosedFaceLosesItsRoutesAndWhatChildrenInheritedFromThem() {
    reg("/a", f1, 10, CI);
    reg("/a/b", f2, 20, NONE);
    reg("/x", f1, 1, NONE);
    rib.register(Name.parse("/y"), f1.id(), RouteOrigin.APP, 1, CI, 5000);
    f1.close();
    assertNull(rib.find(Name.parse("/a")));
    assertNull(rib.find(Name.parse("/x")));
    assertNull(rib.find(Name.parse("/y")));
    assertEquals(hops(f2, 20), fib("/a/b"));
    assertEquals(1, rib.size());
    clock.advance(6000); // the expiry timer of /y was cancelled: nothing happens
    assertEquals(1, rib.size());
  }

  @Test
  void nextHopsAddedDirectlyOnOtherFacesAreLeftAlone() {
    fw.fib().addOrUpdateNextHop(Name.parse("/a"), f3, 9);
    reg("/a", f1, 10, CI);
    assertEquals(hops(f3, 9, f1, 10), fib("/a"));
    rib.unregister(Name.parse("/a"), f1.id(), RouteOrigin.APP);
    assertEquals(hops(f3, 9), fib("/a"));
  }

  @Test
  void registeringOnAFaceNotInTheTableFails() {
    assertThrows(IllegalArgumentException.class,
        () -> rib.register(Name.parse("/a"), 9999, RouteOrigin.APP, 0, CI, -1));
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i <= Rib.MAX_DEPTH; i++) {
      deep.append("/c");
    }
    assertThrows(IllegalArgumentException.class,
        () -> rib.register(Name.parse(deep.toString()), f1.id(), RouteOrigin.APP, 0, CI, -1));
  }

  @Test
  void computeNextHopsExplainsTheFib() {
    reg("/a", f1, 10, CI);
    reg("/a/b", f2, 20, NONE);
    assertEquals(hops(f2, 20, f1, 10), rib.computeNextHops(Name.parse("/a/b")));
    assertTrue(rib.computeNextHops(Name.parse("/nothing")).isEmpty());
  }

  @Test
  void entriesAreInCanonicalOrderWithRoutesByFaceAndOrigin() {
    reg("/b", f2, 1, CI);
    reg("/a", f2, 1, CI);
    reg("/a", f1, 1, CI);
    rib.register(Name.parse("/a"), f1.id(), RouteOrigin.NLSR, 4, CI, -1);
    assertEquals(Name.parse("/a"), rib.entries().get(0).name());
    RibEntry a = rib.entries().get(0);
    assertEquals(f1.id(), a.routes().get(0).faceId());
    assertEquals(RouteOrigin.APP, a.routes().get(0).origin());
    assertEquals(RouteOrigin.NLSR, a.routes().get(1).origin());
    assertEquals(f2.id(), a.routes().get(2).faceId());
  }

  @Test
  void closedRibIgnoresFaceRemovalAndRefusesChanges() {
    reg("/a", f1, 1, CI);
    rib.close();
    f1.close();
    assertEquals(1, rib.size());
    assertThrows(IllegalStateException.class, () -> reg("/b", f2, 1, CI));
  }
}
