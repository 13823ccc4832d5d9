package dev.ndnj.tlv.mgmt;

import static dev.ndnj.tlv.mgmt.Vectors.assertEncodes;
import static dev.ndnj.tlv.mgmt.Vectors.assertTlvError;
import static dev.ndnj.tlv.mgmt.Vectors.buf;
import static dev.ndnj.tlv.mgmt.Vectors.el;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FaceEventNotification, with the vectors of ndn-cxx tests/unit/mgmt/nfd/face-event-notification.t.cpp. */
class FaceEventNotificationTest {
  private static FaceEventNotification make(int kind, long flags) {
    return FaceEventNotification.builder()
        .kind(kind)
        .faceId(20)
        .remoteUri("tcp4://192.0.2.1:55555")
        .localUri("tcp4://192.0.2.2:6363")
        .faceScope(FaceScope.LOCAL)
        .facePersistency(FacePersistency.ON_DEMAND)
        .linkType(LinkType.MULTI_ACCESS)
        .flags(flags)
        .build();
  }

  private static String vector(int kind) {
    switch (kind) {
      case FaceEventKind.CREATED: return Vectors.FACE_EVENT_CREATED;
      case FaceEventKind.DESTROYED: return Vectors.FACE_EVENT_DESTROYED;
      case FaceEventKind.UP: return Vectors.FACE_EVENT_UP;
      default: return Vectors.FACE_EVENT_DOWN;
    }
  }

  @ParameterizedTest
  @CsvSource({"1, 3, created", "2, 4, destroyed", "3, 5, up", "4, 6, down"})
  void eachKindRoundTripsLikeNdnCxx(int kind, long flags, String kindName) {
    FaceEventNotification n = make(kind, flags);
    assertEncodes(vector(kind), n);
    FaceEventNotification d = FaceEventNotification.decode(buf(vector(kind)));
    assertEquals(n, d);
    assertEquals(kind, d.kind());
    assertEquals(20, d.faceId());
    assertEquals("tcp4://192.0.2.1:55555", d.remoteUri());
    assertEquals("tcp4://192.0.2.2:6363", d.localUri());
    assertEquals(FaceScope.LOCAL, d.faceScope());
    assertEquals(FacePersistency.ON_DEMAND, d.facePersistency());
    assertEquals(LinkType.MULTI_ACCESS, d.linkType());
    assertEquals(flags, d.flags());
    assertEquals("FaceEvent(Kind: " + kindName + ", FaceId: 20, RemoteUri: tcp4://192.0.2.1:55555, "
        + "LocalUri: tcp4://192.0.2.2:6363, FaceScope: local, FacePersistency: on-demand, LinkType: multi-access, "
        + "Flags: 0x" + flags + ")", d.toString());
  }

  @Test
  void defaultsAreNdnCxxs() {
    FaceEventNotification n = FaceEventNotification.builder().build();
    assertEquals(FaceScope.NON_LOCAL, n.faceScope());
    assertEquals(FacePersistency.PERSISTENT, n.facePersistency());
    assertEquals(LinkType.POINT_TO_POINT, n.linkType());
    assertEquals(FaceEventKind.NONE, n.kind());
    assertNotEquals(n, make(1, 3));
  }

  @Test
  void everyFieldIsRequired() {
    assertTlvError(0, () -> FaceEventNotification.decode(buf(el(0xc0, "c10101", "690114"))),
        "FaceEventNotification: missing required Uri field");
    assertTlvError(2, () -> FaceEventNotification.decode(buf(el(0xc0, "c1020100"))),
        "FaceEventNotification: FaceEventKind 256 is out of range");
  }
}
