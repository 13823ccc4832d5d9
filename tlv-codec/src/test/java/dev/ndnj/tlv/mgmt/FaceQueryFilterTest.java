package dev.ndnj.tlv.mgmt;

import static dev.ndnj.tlv.mgmt.Vectors.assertEncodes;
import static dev.ndnj.tlv.mgmt.Vectors.buf;
import static dev.ndnj.tlv.mgmt.Vectors.el;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** FaceQueryFilter, with the vector of ndn-cxx tests/unit/mgmt/nfd/face-query-filter.t.cpp. */
class FaceQueryFilterTest {
  private static FaceQueryFilter make() {
    return FaceQueryFilter.builder()
        .faceId(100)
        .uriScheme("tcp4")
        .remoteUri("tcp4://192.0.2.1:6363")
        .localUri("tcp4://192.0.2.2:55555")
        .faceScope(FaceScope.LOCAL)
        .facePersistency(FacePersistency.ON_DEMAND)
        .linkType(LinkType.MULTI_ACCESS)
        .build();
  }

  @Test
  void roundTripsLikeNdnCxx() {
    assertEncodes(Vectors.FACE_QUERY_FILTER, make());
    FaceQueryFilter f = FaceQueryFilter.decode(buf(Vectors.FACE_QUERY_FILTER));
    assertEquals(make(), f);
    assertEquals(100, f.faceId());
    assertEquals("tcp4", f.uriScheme());
    assertEquals("tcp4://192.0.2.1:6363", f.remoteUri());
    assertEquals("tcp4://192.0.2.2:55555", f.localUri());
    assertEquals(FaceScope.LOCAL, f.faceScope());
    assertEquals(FacePersistency.ON_DEMAND, f.facePersistency());
    assertEquals(LinkType.MULTI_ACCESS, f.linkType());
    assertFalse(f.isEmpty());
    assertEquals(Vectors.norm(Vectors.FACE_QUERY_FILTER), dev.ndnj.tlv.Hex.encode(make().encode()));
    assertEquals("FaceQueryFilter(FaceID: 100, UriScheme: tcp4, RemoteUri: tcp4://192.0.2.1:6363, "
        + "LocalUri: tcp4://192.0.2.2:55555, FaceScope: local, FacePersistency: on-demand, LinkType: multi-access)",
        f.toString());
  }

  @Test
  void everyFieldIsOptional() {
    FaceQueryFilter f = FaceQueryFilter.decode(buf("9600"));
    assertTrue(f.isEmpty());
    assertEquals(-1, f.faceId());
    assertNull(f.uriScheme());
    assertEquals("FaceQueryFilter()", f.toString());
    assertEncodes("9600", FaceQueryFilter.builder().build());
    assertEncodes("9606 830475647034", FaceQueryFilter.builder().uriScheme("udp4").build());
  }

  @Test
  void anEmptyStringIsAnAbsentField() {
    FaceQueryFilter f = FaceQueryFilter.decode(buf(el(0x96, "8300", "7200")));
    assertTrue(f.isEmpty());
    assertEncodes("9600", FaceQueryFilter.builder().remoteUri("").build());
  }
}
