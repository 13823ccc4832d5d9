package dev.ndnj.tlv.mgmt;

import static dev.ndnj.tlv.mgmt.Vectors.assertEncodes;
import static dev.ndnj.tlv.mgmt.Vectors.assertTlvError;
import static dev.ndnj.tlv.mgmt.Vectors.buf;
import static dev.ndnj.tlv.mgmt.Vectors.el;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.tlv.Name;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RibEntry and Route, with the vectors of ndn-cxx tests/unit/mgmt/nfd/rib-entry.t.cpp. */
class RibEntryTest {
  /** ndn-cxx's makeRoute(). */
  static Route.Builder route() {
    return Route.builder().faceId(1).origin(RouteOrigin.NLSR).cost(100).flags(RouteFlags.CAPTURE);
  }

  @Test
  void routeRoundTrips() {
    Route r = route().expirationPeriod(10_000).build();
    assertEncodes(Vectors.ROUTE, r);
    Route d = Route.decode(buf(Vectors.ROUTE));
    assertEquals(r, d);
    assertEquals(1, d.faceId());
    assertEquals(RouteOrigin.NLSR, d.origin());
    assertEquals(100, d.cost());
    assertEquals(RouteFlags.CAPTURE, d.flags());
    assertEquals(10_000, d.expirationPeriod());
    assertEquals("Route(FaceId: 1, Origin: nlsr, Cost: 100, Flags: 0x2, ExpirationPeriod: 10000 milliseconds)",
        d.toString());
  }

  @Test
  void routeWithoutExpirationPeriodRoundTrips() {
    Route r = route().build();
    assertEncodes(Vectors.ROUTE_NO_EXPIRATION, r);
    Route d = Route.decode(buf(Vectors.ROUTE_NO_EXPIRATION));
    assertEquals(r, d);
    assertFalse(d.hasExpirationPeriod());
    assertEquals(-1, d.expirationPeriod());
  }

  @Test
  void routeDefaultsAreNdnCxxs() {
    assertEquals("Route(FaceId: 0, Origin: app, Cost: 0, Flags: 0x1, ExpirationPeriod: infinite)",
        Route.builder().build().toString());
  }

  @Test
  void ribEntryRoundTrips() {
    RibEntry e = RibEntry.builder(Name.parse("/hello/world"))
        .addRoute(route().expirationPeriod(10_000).build())
        .addRoute(Route.builder().faceId(2).origin(RouteOrigin.APP).cost(32).flags(RouteFlags.CHILD_INHERIT)
            .expirationPeriod(5_000).build())
        .build();
    assertEncodes(Vectors.RIB_ENTRY, e);
    RibEntry d = RibEntry.decode(buf(Vectors.RIB_ENTRY));
    assertEquals(e, d);
    assertEquals(Name.parse("/hello/world"), d.prefix());
    assertEquals(2, d.routes().size());
    assertEquals(5_000, d.routes().get(1).expirationPeriod());
    assertEquals("RibEntry(Prefix: /hello/world, Routes: [Route(FaceId: 1, Origin: nlsr, Cost: 100, Flags: 0x2, "
        + "ExpirationPeriod: 10000 milliseconds), Route(FaceId: 2, Origin: app, Cost: 32, Flags: 0x1, "
        + "ExpirationPeriod: 5000 milliseconds)])", d.toString());
  }

  @Test
  void routeNeedsFaceIdOriginCostAndFlags() {
    assertTlvError(0, () -> Route.decode(buf("8109 690101 6f0180 6a0164")), "Route: missing required Flags field");
    assertTlvError(0, () -> Route.decode(buf("8106 690101 6a0164")), "Route: missing required Origin field");
    assertTlvError(5, () -> Route.decode(buf(el(0x81, "690101", "6f03010000"))),
        "Route: Origin of length 3 is not a NonNegativeInteger");
    assertTlvError(5, () -> Route.decode(buf(el(0x81, "690101", "6f0400010000"))), "Route: Origin 65536");
  }

  @Test
  void emptyEntryHasNoRoutes() {
    RibEntry d = RibEntry.decode(buf("8002 0700"));
    assertTrue(d.prefix().isEmpty());
    assertEquals(List.of(), d.routes());
  }

  @Test
  void ribAndFibEntriesOfOnePrefixAreNotEqual() {
    Name p = Name.parse("/shared");
    RibEntry rib = RibEntry.builder(p).build();
    FibEntry fib = FibEntry.builder(p).build();
    assertFalse(rib.equals(fib));
    assertFalse(fib.equals(rib));
    assertEquals(rib, RibEntry.decode(rib.wire()));
    assertEquals(rib.hashCode(), RibEntry.decode(rib.wire()).hashCode());
    assertEquals("RibEntry(Prefix: /shared, Routes: [])", rib.toString());
    assertEquals("FibEntry(Prefix: /shared, NextHops: [])", fib.toString());
  }
}
