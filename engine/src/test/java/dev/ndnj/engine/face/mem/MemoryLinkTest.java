package dev.ndnj.engine.face.mem;

import static dev.ndnj.engine.face.FaceTestSupport.addFace;
import static dev.ndnj.engine.face.FaceTestSupport.data;
import static dev.ndnj.engine.face.FaceTestSupport.interest;
import static dev.ndnj.engine.face.FaceTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceDrop;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.face.RecordingReceiver;
import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.tlv.Interest;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class MemoryLinkTest {
  private final ManualClock clock = new ManualClock();
  private final RecordingReceiver rxA = new RecordingReceiver();
  private final RecordingReceiver rxB = new RecordingReceiver();
  private final FaceTable tableA = new FaceTable(rxA);
  private final FaceTable tableB = new FaceTable(rxB);

  @Test
  void sidesKnowEachOtherAndTheirProperties() {
    MemoryLink link = MemoryLink.pair(clock, clock, new MemoryLink.Config().name("l1").scope(FaceScope.LOCAL)
        .linkType(LinkType.MULTI_ACCESS).mtu(1500));
    assertSame(link.b(), link.a().peer());
    assertSame(link.a(), link.b().peer());
    assertEquals("memory://l1/a", link.a().localUri());
    assertEquals("memory://l1/b", link.a().remoteUri());
    assertEquals("memory://l1/a", link.b().remoteUri());
    assertEquals(FaceScope.LOCAL, link.b().scope());
    assertEquals(LinkType.MULTI_ACCESS, link.b().linkType());
    assertEquals(1500, link.a().mtu());
  }

  @Test
  void framesArriveAfterTheLatencyInBothDirections() {
    MemoryLink link = MemoryLink.pair(clock, clock, new MemoryLink.Config().latencyMillis(10));
    Face a = addFace(tableA, link.a(), clock);
    Face b = addFace(tableB, link.b(), clock);
    a.sendInterest(interest("/to/b"), 0);
    b.sendData(data("/to/a", 10), null, 0);
    assertEquals(1, link.a().framesInFlight());
    clock.advance(9);
    assertEquals(0, rxA.total() + rxB.total());
    clock.advance(1);
    assertEquals(1, rxB.interests.size());
    assertEquals(1, rxA.data.size());
    assertEquals(0, link.a().framesInFlight());
  }

  @Test
  void theFrameIsCopiedWhenSent() {
    MemoryLink link = MemoryLink.pair(clock, clock);
    Face a = addFace(tableA, link.a(), clock);
    addFace(tableB, link.b(), clock);
    byte[] bytes = copyOf(interest("/copy"));
    Interest i = Interest.decode(ByteBuffer.wrap(bytes));
    a.sendInterest(i, 0);
    Interest original = Interest.decode(ByteBuffer.wrap(bytes.clone()));
    bytes[bytes.length - 1] ^= 0x55; // the sender's buffer changes after the send
    clock.runDue();
    assertEquals(original.wire(), rxB.interests.get(0).interest().wire());
  }

  @Test
  void eachSideIsDrivenByItsOwnScheduler() {
    ManualClock clockB = new ManualClock();
    MemoryLink link = MemoryLink.pair(clock, clockB);
    Face a = addFace(tableA, link.a(), clock);
    addFace(tableB, link.b(), options(clockB));
    a.sendInterest(interest("/x"), 0);
    clock.advance(100);
    assertEquals(0, rxB.total(), "side A's clock does not deliver to side B");
    clockB.runDue();
    assertEquals(1, rxB.interests.size());
  }

  @Test
  void tooManyFramesInFlightAreRefusedAndCounted() {
    MemoryLink link = MemoryLink.pair(clock, clock, new MemoryLink.Config().sendQueueCapacity(3).latencyMillis(5));
    Face a = addFace(tableA, link.a(), clock);
    addFace(tableB, link.b(), clock);
    for (int k = 0; k < 5; k++) {
      a.sendInterest(interest("/q/" + k), 0);
    }
    assertEquals(3, link.a().framesInFlight());
    assertEquals(2, a.counters().drops(FaceDrop.SEND_QUEUE_FULL));
    assertEquals(3, a.counters().outFrames());
    clock.advance(5);
    assertEquals(3, rxB.interests.size());
    assertEquals(0, link.a().framesInFlight());
  }

  @Test
  void framesOverTheMtuAreDroppedByTheTransport() {
    MemoryLink link = MemoryLink.pair(clock, clock, new MemoryLink.Config().mtu(1000));
    Face a = addFace(tableA, link.a(), options(clock).allowFragmentation(false));
    addFace(tableB, link.b(), clock);
    a.sendData(data("/big", 2000), null, 0);
    a.sendData(data("/small", 100), null, 0);
    clock.runDue();
    assertEquals(1, a.counters().drops(FaceDrop.OVERSIZED));
    assertEquals(1, rxB.data.size());
  }

  @Test
  void aFrameFilterLosesFrames() {
    MemoryLink link = MemoryLink.pair(clock, clock);
    Face a = addFace(tableA, link.a(), clock);
    addFace(tableB, link.b(), clock);
    link.a().setFrameFilter(f -> false);
    a.sendInterest(interest("/lost"), 0);
    clock.runDue();
    assertEquals(0, rxB.total());
    assertEquals(1, a.counters().outFrames(), "lost on the wire, not refused");
    link.a().setFrameFilter(null);
    a.sendInterest(interest("/found"), 0);
    clock.runDue();
    assertEquals(1, rxB.total());
  }

  @Test
  void closingEitherSideClosesBoth() {
    MemoryLink link = MemoryLink.pair(clock, clock);
    Face a = addFace(tableA, link.a(), clock);
    Face b = addFace(tableB, link.b(), clock);
    b.close();
    assertTrue(link.b().isClosed());
    assertEquals(0, tableB.size());
    assertTrue(a.isUp(), "the peer learns on its own scheduler");
    clock.runDue();
    assertTrue(link.a().isClosed());
    assertEquals(0, tableA.size());
    a.close(); // idempotent
    link.b().close();
    clock.runDue();
  }

  @Test
  void framesInFlightWhenTheReceiverClosesAreDiscarded() {
    MemoryLink link = MemoryLink.pair(clock, clock, new MemoryLink.Config().latencyMillis(5));
    Face a = addFace(tableA, link.a(), clock);
    Face b = addFace(tableB, link.b(), clock);
    a.sendInterest(interest("/late"), 0);
    b.close();
    clock.advance(5);
    assertEquals(0, rxB.total());
    assertEquals(0, b.counters().inFrames());
    assertEquals(0, link.a().framesInFlight());
  }

  @Test
  void configRejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> new MemoryLink.Config().sendQueueCapacity(0));
    assertThrows(IllegalArgumentException.class, () -> new MemoryLink.Config().latencyMillis(-1));
    assertThrows(IllegalArgumentException.class, () -> new MemoryLink.Config().mtu(0));
    assertThrows(IllegalArgumentException.class, () -> MemoryLink.pair(clock, null));
  }

  @Test
  void recordingTransportRecordsAndInjects() {
    RecordingTransport t = new RecordingTransport();
    Face f = addFace(tableA, t, clock);
    Interest i = interest("/r");
    f.sendInterest(i, 0);
    f.sendData(data("/r", 4), null, 0);
    f.sendNack(i, 150, null);
    assertEquals(3, t.sentFrames().size());
    assertEquals(1, t.sentInterests().size());
    assertEquals(1, t.sentData().size());
    assertEquals(1, t.sentNacks().size());
    assertEquals(150, t.sentNacks().get(0).nackReason());
    assertNotNull(t.sentNacks().get(0).fragmentAsInterest());

    t.setSendQueueFull(true);
    f.sendInterest(i, 0);
    assertEquals(1, f.counters().drops(FaceDrop.SEND_QUEUE_FULL));
    assertEquals(3, t.sentFrames().size());
    t.clearSent();
    assertEquals(0, t.sentFrames().size());

    t.inject(i);
    t.inject(copyOf(i));
    assertEquals(2, rxA.interests.size());
    t.close();
    assertEquals(0, tableA.size());
  }

  private static byte[] copyOf(Interest i) {
    byte[] b = new byte[i.wireLength()];
    i.wire().get(b);
    return b;
  }
}
