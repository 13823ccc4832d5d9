package dev.ndnj.engine.face;

import static dev.ndnj.engine.face.FaceTestSupport.addFace;
import static dev.ndnj.engine.face.FaceTestSupport.bytes;
import static dev.ndnj.engine.face.FaceTestSupport.data;
import static dev.ndnj.engine.face.FaceTestSupport.interest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.face.mem.MemoryLink;
import dev.ndnj.engine.face.mem.RecordingTransport;
import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.LpPacket;
import dev.ndnj.tlv.NackReason;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class GenericLinkServiceTest {
  private final ManualClock clock = new ManualClock();
  private final RecordingReceiver rxA = new RecordingReceiver();
  private final RecordingReceiver rxB = new RecordingReceiver();
  private final FaceTable tableA = new FaceTable(rxA);
  private final FaceTable tableB = new FaceTable(rxB);

  private static final ByteBuffer TOKEN = bytes(0xca, 0xfe, 0xba, 0xbe, 0x01);

  /** Two faces of two engines joined by a memory link (both driven by {@link #clock}). */
  private Face[] linked(MemoryLink.Config config) {
    MemoryLink link = MemoryLink.pair(clock, clock, config);
    return new Face[] {addFace(tableA, link.a(), clock), addFace(tableB, link.b(), clock)};
  }

  private Face[] linked() {
    return linked(new MemoryLink.Config());
  }

  private Face recordingFace(RecordingTransport t) {
    return addFace(tableB, t, clock);
  }

  @Test
  void interestCrossesTheLinkAndArrivesWithoutLpFields() {
    Face[] f = linked();
    Interest i = interest("/a/b");
    f[0].sendInterest(i, 0);
    assertEquals(0, rxB.total(), "delivered by the receiving scheduler, not synchronously");
    clock.runDue();
    assertEquals(1, rxB.interests.size());
    RecordingReceiver.Delivered d = rxB.interests.get(0);
    assertEquals(i.wire(), d.interest().wire());
    assertEquals(f[1], d.face());
    assertNull(d.pitToken());
    assertEquals(-1, d.nextHopFaceId());
    assertEquals(1, f[0].counters().outInterests());
    assertEquals(1, f[1].counters().inInterests());
    assertEquals(i.wireLength(), f[1].counters().inBytes());
  }

  @Test
  void interestWithoutLpFieldsIsSentBare() {
    RecordingTransport t = new RecordingTransport();
    Face f = recordingFace(t);
    Interest i = interest("/bare");
    f.sendInterest(i, 300);
    assertEquals(1, t.sentFrames().size());
    assertEquals(i.wire(), t.sentFrames().get(0), "the Interest's own wire, no LpPacket around it");
    assertTrue(t.sentPacket(0).isBare());
  }

  @Test
  void dataRoundTripCarriesThePitToken() {
    Face[] f = linked();
    Data d = data("/a/b", 100);
    f[0].sendData(d, TOKEN, 0);
    clock.runDue();
    assertEquals(1, rxB.data.size());
    assertEquals(d.wire(), rxB.data.get(0).data().wire());
    assertEquals(TOKEN, rxB.data.get(0).pitToken());
    assertEquals(1, f[1].counters().inData());
  }

  @Test
  void dataWithoutPitTokenIsSentBare() {
    RecordingTransport t = new RecordingTransport();
    Face f = recordingFace(t);
    Data d = data("/d", 10);
    f.sendData(d, null, 0);
    assertEquals(d.wire(), t.sentFrames().get(0));
  }

  @Test
  void pitTokenOfAnInterestIsEchoedInTheData() {
    RecordingTransport t = new RecordingTransport();
    Face f = recordingFace(t);
    Interest i = interest("/tok");
    t.inject(LpPacket.builder().pitToken(TOKEN).fragment(i.wire()).build());
    assertEquals(1, rxB.interests.size());
    ByteBuffer token = rxB.interests.get(0).pitToken();
    assertEquals(TOKEN, token);
    assertTrue(token.isReadOnly(), "the PitToken handed on is a view");

    f.sendData(data("/tok", 5), token, 0);
    f.sendNack(i, NackReason.NO_ROUTE, token);
    assertEquals(TOKEN, t.sentPacket(0).pitToken());
    assertEquals(TOKEN, t.sentPacket(1).pitToken());
  }

  @Test
  void nackRoundTripCarriesReasonInterestAndPitToken() {
    Face[] f = linked();
    Interest i = interest("/n");
    f[0].sendNack(i, NackReason.NO_ROUTE, TOKEN);
    clock.runDue();
    assertEquals(1, rxB.nacks.size());
    RecordingReceiver.Delivered n = rxB.nacks.get(0);
    assertEquals(NackReason.NO_ROUTE, n.nackReason());
    assertEquals(i.wire(), n.interest().wire());
    assertEquals(TOKEN, n.pitToken());
    assertEquals(0, rxB.interests.size());
    assertEquals(1, f[0].counters().outNacks());
    assertEquals(1, f[1].counters().inNacks());
  }

  @Test
  void nackWithoutReasonArrivesAsNone() {
    Face[] f = linked();
    f[0].sendNack(interest("/n"), NackReason.NONE, null);
    clock.runDue();
    assertEquals(NackReason.NONE, rxB.nacks.get(0).nackReason());
    assertNull(rxB.nacks.get(0).pitToken());
  }

  @Test
  void incomingFaceIdIsSentOnlyOnLocalFacesWithLocalFieldsEnabled() {
    RecordingTransport local = new RecordingTransport(FaceScope.LOCAL, -1);
    Face f = recordingFace(local);
    f.sendInterest(interest("/x"), 300);
    assertTrue(local.sentPacket(0).isBare(), "local fields are off by default");

    f.setLocalFieldsEnabled(true);
    f.sendInterest(interest("/x"), 300);
    f.sendData(data("/x", 1), null, FaceTable.CONTENT_STORE);
    f.sendInterest(interest("/x"), 0);
    assertEquals(300, local.sentPacket(1).incomingFaceId());
    assertEquals(FaceTable.CONTENT_STORE, local.sentPacket(2).incomingFaceId());
    assertTrue(local.sentPacket(3).isBare(), "no ingress face, no IncomingFaceId");

    RecordingTransport remote = new RecordingTransport(FaceScope.NON_LOCAL, -1);
    Face g = recordingFace(remote);
    g.setLocalFieldsEnabled(true);
    g.sendInterest(interest("/x"), 300);
    g.sendData(data("/x", 1), null, 300);
    assertTrue(remote.sentPacket(0).isBare(), "never on a non-local face");
    assertTrue(remote.sentPacket(1).isBare());
  }

  @Test
  void incomingFaceIdTravelsWithPitTokenOverALocalLink() {
    Face[] f = linked(new MemoryLink.Config().scope(FaceScope.LOCAL));
    f[0].setLocalFieldsEnabled(true);
    f[0].sendData(data("/l", 3), TOKEN, 777);
    clock.runDue();
    assertEquals(1, rxB.data.size(), "IncomingFaceId received is ignored, the Data delivered");
    assertEquals(TOKEN, rxB.data.get(0).pitToken());
  }

  @Test
  void nextHopFaceIdIsRejectedOnNonLocalFaces() {
    RecordingTransport t = new RecordingTransport(FaceScope.NON_LOCAL, -1);
    Face f = recordingFace(t);
    f.setLocalFieldsEnabled(true);
    t.inject(LpPacket.builder().nextHopFaceId(300).fragment(interest("/nh").wire()).build());
    assertEquals(0, rxB.interests.size());
    assertEquals(1, f.counters().drops(FaceDrop.LOCAL_FIELD_NOT_ALLOWED));
    assertTrue(f.isUp());
  }

  @Test
  void nextHopFaceIdIsRejectedOnLocalFacesWithLocalFieldsOff() {
    RecordingTransport t = new RecordingTransport(FaceScope.LOCAL, -1);
    Face f = recordingFace(t);
    t.inject(LpPacket.builder().nextHopFaceId(300).fragment(interest("/nh").wire()).build());
    assertEquals(0, rxB.interests.size());
    assertEquals(1, f.counters().drops(FaceDrop.LOCAL_FIELD_NOT_ALLOWED));
  }

  @Test
  void nextHopFaceIdIsDeliveredOnLocalFacesWithLocalFieldsOn() {
    RecordingTransport t = new RecordingTransport(FaceScope.LOCAL, -1);
    Face f = recordingFace(t);
    f.setLocalFieldsEnabled(true);
    t.inject(LpPacket.builder().nextHopFaceId(300).fragment(interest("/nh").wire()).build());
    assertEquals(1, rxB.interests.size());
    assertEquals(300, rxB.interests.get(0).nextHopFaceId());
    assertEquals(0, f.counters().totalDrops());
  }

  @Test
  void nextHopFaceIdOnDataOrNackIsMalformed() {
    RecordingTransport t = new RecordingTransport(FaceScope.LOCAL, -1);
    Face f = recordingFace(t);
    f.setLocalFieldsEnabled(true);
    t.inject(LpPacket.builder().nextHopFaceId(300).fragment(data("/d", 1).wire()).build());
    t.inject(LpPacket.builder().nack(NackReason.DUPLICATE).nextHopFaceId(300).fragment(interest("/i").wire()).build());
    assertEquals(0, rxB.total());
    assertEquals(2, f.counters().drops(FaceDrop.MALFORMED));
  }

  @Test
  void fieldsThatDoNotBelongToThePacketTypeAreMalformed() {
    RecordingTransport t = new RecordingTransport();
    Face f = recordingFace(t);
    t.inject(LpPacket.builder().nack(NackReason.CONGESTION).fragment(data("/d", 1).wire()).build());
    t.inject(LpPacket.builder().cachePolicyType(1).fragment(interest("/i").wire()).build());
    t.inject(LpPacket.builder().nack(NackReason.NO_ROUTE).cachePolicyType(1).fragment(interest("/i").wire()).build());
    assertEquals(0, rxB.total());
    assertEquals(3, f.counters().drops(FaceDrop.MALFORMED));

    t.inject(LpPacket.builder().cachePolicyType(1).fragment(data("/d", 1).wire()).build());
    assertEquals(1, rxB.data.size(), "CachePolicy is allowed on Data");
  }

  @Test
  void receivedIncomingFaceIdIsIgnored() {
    RecordingTransport t = new RecordingTransport();
    Face f = recordingFace(t);
    t.inject(LpPacket.builder().incomingFaceId(9).fragment(interest("/i").wire()).build());
    assertEquals(1, rxB.interests.size());
    assertEquals(0, f.counters().totalDrops());
  }

  @Test
  void congestionMarkIsCountedAndThePacketDelivered() {
    RecordingTransport t = new RecordingTransport();
    Face f = recordingFace(t);
    t.inject(LpPacket.builder().congestionMark(1).fragment(data("/c", 1).wire()).build());
    assertEquals(1, rxB.data.size());
    assertEquals(1, ((GenericLinkService) f.linkService()).congestionMarksReceived());
  }

  @Test
  void idlePacketsAreIgnored() {
    RecordingTransport t = new RecordingTransport();
    Face f = recordingFace(t);
    t.inject(LpPacket.builder().sequence(5).build());
    t.inject(bytes(0x64, 0x00));
    assertEquals(0, rxB.total());
    assertEquals(0, f.counters().totalDrops());
    assertEquals(2, ((GenericLinkService) f.linkService()).idlePacketsReceived());
  }

  @Test
  void malformedFramesAreCountedAndTheFaceStaysUp() {
    RecordingTransport t = new RecordingTransport();
    Face f = recordingFace(t);
    ByteBuffer[] bad = {
        bytes(),                                   // empty frame
        bytes(0xff),                               // truncated TLV-TYPE
        bytes(0x05, 0x10, 0x07),                   // Interest, truncated
        bytes(0x05, 0x00),                         // Interest without Name
        bytes(0x06, 0x03, 0x07, 0x01, 0x08),       // Data with a broken Name
        bytes(0x15, 0x00),                         // not an NDN packet type
        bytes(0x64, 0x03, 0x50, 0x01, 0x09),       // LpPacket whose Fragment is no packet
        bytes(0x64, 0x04, 0x50, 0x02, 0x05, 0x00), // LpPacket whose Fragment is a broken Interest
        bytes(0x64, 0x03, 0x62, 0x00, 0x00),       // PitToken of length 0
        bytes(0x64, 0x04, 0xfd, 0x03, 0x25, 0x00), // unknown critical LP header field 805
        bytes(0x05, 0x05, 0x07, 0x03, 0x08, 0x01, 0x41, 0xaa), // trailing octet
    };
    for (ByteBuffer b : bad) {
      t.inject(b);
    }
    assertEquals(bad.length, f.counters().drops(FaceDrop.MALFORMED));
    assertEquals(0, rxB.total());
    assertTrue(f.isUp());
    assertEquals(1, tableB.size());

    Interest good = interest("/after/the/storm");
    t.inject(good);
    assertEquals(1, rxB.interests.size());
    assertEquals(good.wire(), rxB.interests.get(0).interest().wire());
  }

  @Test
  void badInputOnOneFaceDoesNotAffectAnother() {
    RecordingTransport t1 = new RecordingTransport();
    RecordingTransport t2 = new RecordingTransport();
    Face f1 = recordingFace(t1);
    Face f2 = recordingFace(t2);
    t1.inject(bytes(0x64, 0x03, 0x50, 0x01, 0x09));
    t2.inject(interest("/ok"));
    assertEquals(1, f1.counters().drops(FaceDrop.MALFORMED));
    assertEquals(0, f2.counters().totalDrops());
    assertEquals(1, rxB.interests.size());
    assertEquals(f2, rxB.interests.get(0).face());
  }

  @Test
  void sendQueueFullIsCountedAndTheLinkRecovers() {
    Face[] f = linked(new MemoryLink.Config().sendQueueCapacity(2));
    for (int k = 0; k < 3; k++) {
      f[0].sendInterest(interest("/q/" + k), 0);
    }
    assertEquals(1, f[0].counters().drops(FaceDrop.SEND_QUEUE_FULL));
    assertEquals(2, f[0].counters().outFrames());
    clock.runDue();
    assertEquals(2, rxB.interests.size());

    f[0].sendInterest(interest("/q/again"), 0);
    clock.runDue();
    assertEquals(3, rxB.interests.size());
    assertEquals(1, f[0].counters().drops(FaceDrop.SEND_QUEUE_FULL));
  }

  @Test
  void closingOneSideRemovesBothFacesFromTheirTables() {
    Face[] f = linked();
    assertEquals(1, tableA.size());
    assertEquals(1, tableB.size());
    int[] heard = new int[1];
    tableB.addListener(new FaceTable.Listener() {
      @Override
      public void faceRemoved(Face face) {
        heard[0] = face.id();
      }
    });
    int idB = f[1].id();
    f[0].close();
    assertEquals(0, tableA.size());
    assertFalse(f[0].isUp());
    clock.runDue();
    assertEquals(0, tableB.size());
    assertFalse(f[1].isUp());
    assertEquals(idB, heard[0]);

    f[1].sendInterest(interest("/gone"), 0);
    assertEquals(1, f[1].counters().drops(FaceDrop.FACE_DOWN));
  }

  @Test
  void sendingFailsFastOnABadPitToken() {
    Face f = recordingFace(new RecordingTransport());
    assertThrows(IllegalArgumentException.class,
        () -> f.sendData(data("/d", 1), ByteBuffer.allocate(33), 0));
  }
}
