package dev.ndnj.tlv.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The numbers of ndn-cxx/encoding/tlv-nfd.hpp and ndn-cxx/encoding/nfd-constants.hpp, written here in decimal as
 * those files write them, so a typo in either table shows.
 */
class ConstantsTest {
  @Test
  void tlvTypesMatchTlvNfdHpp() {
    int[][] expected = {
        {MgmtTypes.CONTROL_PARAMETERS, 104}, {MgmtTypes.FACE_ID, 105}, {MgmtTypes.URI, 114},
        {MgmtTypes.ORIGIN, 111}, {MgmtTypes.COST, 106}, {MgmtTypes.CAPACITY, 131}, {MgmtTypes.COUNT, 132},
        {MgmtTypes.FLAGS, 108}, {MgmtTypes.MASK, 112}, {MgmtTypes.STRATEGY, 107}, {MgmtTypes.EXPIRATION_PERIOD, 109},
        {MgmtTypes.CONTROL_RESPONSE, 101}, {MgmtTypes.STATUS_CODE, 102}, {MgmtTypes.STATUS_TEXT, 103},
        {MgmtTypes.NFD_VERSION, 128}, {MgmtTypes.START_TIMESTAMP, 129}, {MgmtTypes.CURRENT_TIMESTAMP, 130},
        {MgmtTypes.N_NAME_TREE_ENTRIES, 131}, {MgmtTypes.N_FIB_ENTRIES, 132}, {MgmtTypes.N_PIT_ENTRIES, 133},
        {MgmtTypes.N_MEASUREMENTS_ENTRIES, 134}, {MgmtTypes.N_CS_ENTRIES, 135},
        {MgmtTypes.FACE_STATUS, 128}, {MgmtTypes.LOCAL_URI, 129}, {MgmtTypes.CHANNEL_STATUS, 130},
        {MgmtTypes.URI_SCHEME, 131}, {MgmtTypes.FACE_SCOPE, 132}, {MgmtTypes.FACE_PERSISTENCY, 133},
        {MgmtTypes.LINK_TYPE, 134}, {MgmtTypes.BASE_CONGESTION_MARKING_INTERVAL, 135},
        {MgmtTypes.DEFAULT_CONGESTION_THRESHOLD, 136}, {MgmtTypes.MTU, 137}, {MgmtTypes.FACE_QUERY_FILTER, 150},
        {MgmtTypes.FACE_EVENT_NOTIFICATION, 192}, {MgmtTypes.FACE_EVENT_KIND, 193},
        {MgmtTypes.N_IN_INTERESTS, 144}, {MgmtTypes.N_IN_DATA, 145}, {MgmtTypes.N_IN_NACKS, 151},
        {MgmtTypes.N_OUT_INTERESTS, 146}, {MgmtTypes.N_OUT_DATA, 147}, {MgmtTypes.N_OUT_NACKS, 152},
        {MgmtTypes.N_IN_BYTES, 148}, {MgmtTypes.N_OUT_BYTES, 149}, {MgmtTypes.N_SATISFIED_INTERESTS, 153},
        {MgmtTypes.N_UNSATISFIED_INTERESTS, 154}, {MgmtTypes.CS_INFO, 128}, {MgmtTypes.N_HITS, 129},
        {MgmtTypes.N_MISSES, 130}, {MgmtTypes.FIB_ENTRY, 128}, {MgmtTypes.NEXT_HOP_RECORD, 129},
        {MgmtTypes.STRATEGY_CHOICE, 128}, {MgmtTypes.RIB_ENTRY, 128}, {MgmtTypes.ROUTE, 129},
    };
    for (int[] e : expected) {
      assertEquals(e[1], e[0]);
    }
  }

  @Test
  void routeOriginsAndFlags() {
    assertEquals(0, RouteOrigin.APP);
    assertEquals(64, RouteOrigin.AUTOREG);
    assertEquals(65, RouteOrigin.CLIENT);
    assertEquals(66, RouteOrigin.AUTOCONF);
    assertEquals(128, RouteOrigin.NLSR);
    assertEquals(129, RouteOrigin.PREFIXANN);
    assertEquals(255, RouteOrigin.STATIC);
    assertEquals("prefixann", RouteOrigin.toString(129));
    assertEquals("300", RouteOrigin.toString(300));
    assertEquals(RouteOrigin.STATIC, RouteOrigin.parse("Static"));
    assertEquals(300, RouteOrigin.parse("300"));
    assertThrows(IllegalArgumentException.class, () -> RouteOrigin.parse("65536"));
    assertThrows(IllegalArgumentException.class, () -> RouteOrigin.parse("-1"));
    assertThrows(IllegalArgumentException.class, () -> RouteOrigin.parse("bogus"));
    assertEquals(1, RouteFlags.CHILD_INHERIT);
    assertEquals(2, RouteFlags.CAPTURE);
    assertEquals("none", RouteFlags.toString(0));
    assertEquals("child-inherit|capture", RouteFlags.toString(3));
    assertEquals("capture|0x8", RouteFlags.toString(10));
  }

  @Test
  void faceConstants() {
    assertEquals(1, FaceFlags.LOCAL_FIELDS_ENABLED);
    assertEquals(2, FaceFlags.LP_RELIABILITY_ENABLED);
    assertEquals(4, FaceFlags.CONGESTION_MARKING_ENABLED);
    assertEquals(1L << FaceFlags.BIT_CONGESTION_MARKING_ENABLED, FaceFlags.CONGESTION_MARKING_ENABLED);
    assertEquals(0, FacePersistency.PERSISTENT);
    assertEquals(1, FacePersistency.ON_DEMAND);
    assertEquals(2, FacePersistency.PERMANENT);
    assertEquals("on-demand", FacePersistency.toString(1));
    assertEquals(0, FaceScope.NON_LOCAL);
    assertEquals(1, FaceScope.LOCAL);
    assertEquals(0, LinkType.POINT_TO_POINT);
    assertEquals(1, LinkType.MULTI_ACCESS);
    assertEquals(2, LinkType.AD_HOC);
    assertEquals("adhoc", LinkType.toString(2));
    assertEquals(1, FaceEventKind.CREATED);
    assertEquals(2, FaceEventKind.DESTROYED);
    assertEquals(3, FaceEventKind.UP);
    assertEquals(4, FaceEventKind.DOWN);
    assertEquals(1, CsFlags.ENABLE_ADMIT);
    assertEquals(2, CsFlags.ENABLE_SERVE);
  }

  @Test
  void statusCodes() {
    int[] codes = {StatusCode.OK, StatusCode.BAD_REQUEST, StatusCode.UNAUTHORIZED, StatusCode.NOT_FOUND,
        StatusCode.CONFLICT, StatusCode.NOT_IMPLEMENTED, StatusCode.SERVICE_UNAVAILABLE, StatusCode.GATEWAY_TIMEOUT};
    int[] expected = {200, 400, 403, 404, 409, 501, 503, 504};
    for (int i = 0; i < codes.length; i++) {
      assertEquals(expected[i], codes[i]);
      assertFalse(StatusCode.describe(codes[i]).startsWith("status "));
    }
    assertTrue(StatusCode.isSuccess(200));
    assertFalse(StatusCode.isSuccess(404));
    assertEquals("status 418", StatusCode.describe(418));
  }
}
