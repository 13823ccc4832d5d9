package dev.ndnj.engine.face;

import static dev.ndnj.engine.face.FaceTestSupport.addFace;
import static dev.ndnj.engine.face.FaceTestSupport.bytes;
import static dev.ndnj.engine.face.FaceTestSupport.data;
import static dev.ndnj.engine.face.FaceTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FragmentationTest {
  private static final int MTU = 1400;
  private static final ByteBuffer TOKEN = bytes(1, 2, 3, 4, 5, 6, 7, 8);

  private final ManualClock clock = new ManualClock();
  private final RecordingReceiver rx = new RecordingReceiver();
  private final FaceTable table = new FaceTable(rx);
  private final RecordingTransport out = new RecordingTransport(FaceScope.NON_LOCAL, MTU);
  private final Face sender = addFace(table, out, clock);
  private final RecordingTransport in = new RecordingTransport(FaceScope.NON_LOCAL, MTU);
  private final Face receiver = addFace(table, in, clock);

  private GenericLinkService receiverService() {
    return (GenericLinkService) receiver.linkService();
  }

  /** The frames of an 8000-octet Data fragmented for MTU 1400, with a PitToken. */
  private List<ByteBuffer> fragmentsOf(Data d) {
    out.clearSent();
    sender.sendData(d, TOKEN, 0);
    return new ArrayList<>(out.sentFrames());
  }

  @Test
  void largeDataIsSplitIntoFragmentsWithinTheMtu() {
    Data d = data("/big", 8000);
    List<ByteBuffer> frames = fragmentsOf(d);
    int n = frames.size();
    assertTrue(n >= 6 && n <= 7, "8000+ octets over 1400-octet frames: " + n + " fragments");
    long firstSeq = out.sentPacket(0).sequence();
    int payload = 0;
    for (int i = 0; i < n; i++) {
      assertTrue(frames.get(i).remaining() <= MTU, "fragment " + i + " is " + frames.get(i).remaining());
      LpPacket p = out.sentPacket(i);
      assertTrue(p.hasSequence());
      assertEquals(firstSeq + i, p.sequence(), "consecutive Sequence numbers");
      assertEquals(i, p.fragIndex());
      assertEquals(n, p.fragCount());
      if (i == 0) {
        assertEquals(TOKEN, p.pitToken(), "header fields go on the first fragment");
      } else {
        assertNull(p.pitToken(), "and only on the first (as NFD's LpFragmenter)");
      }
      payload += p.fragment().remaining();
    }
    assertEquals(d.wireLength(), payload);
    assertEquals(n, sender.counters().outFrames());
    assertEquals(0, sender.counters().totalDrops());
  }

  @Test
  void fragmentsFillTheMtuClosely() {
    List<ByteBuffer> frames = fragmentsOf(data("/big", 8000));
    for (int i = 0; i < frames.size() - 1; i++) {
      assertTrue(frames.get(i).remaining() >= MTU - 16, "fragment " + i + " wastes too much: "
          + frames.get(i).remaining());
    }
  }

  @Test
  void sequenceNumbersContinueAcrossPackets() {
    fragmentsOf(data("/one", 3000));
    long last = out.sentPacket(out.sentFrames().size() - 1).sequence();
    fragmentsOf(data("/two", 3000));
    assertEquals(last + 1, out.sentPacket(0).sequence());
  }

  @Test
  void packetsThatFitAreNotFragmented() {
    Data d = data("/small", 1000);
    sender.sendData(d, TOKEN, 0);
    LpPacket p = out.sentPacket(0);
    assertEquals(1, p.fragCount());
    assertTrue(!p.hasSequence(), "Sequence only on fragments, as NFD");
  }

  @Test
  void fragmentsAreReassembledInOrder() {
    Data d = data("/big", 8000);
    for (ByteBuffer f : fragmentsOf(d)) {
      in.inject(f);
    }
    assertEquals(1, rx.data.size());
    RecordingReceiver.Delivered got = rx.data.get(0);
    assertEquals(d.wire(), got.data().wire());
    assertEquals(receiver, got.face());
    assertEquals(TOKEN, got.pitToken());
    assertEquals(0, receiverService().reassemblyPartialCount());
    assertEquals(0, receiverService().reassemblyBytesHeld());
    assertEquals(0, receiver.counters().totalDrops());
  }

  @Test
  void sequenceNumbersWrapAroundTheUnsigned64BitRange() {
    RecordingTransport t = new RecordingTransport(FaceScope.NON_LOCAL, MTU);
    Face wrapping = addFace(table, t, new GenericLinkService.Options(clock, clock, () -> -1));
    Data d = data("/wrap", 8000);
    wrapping.sendData(d, null, 0);
    assertEquals(-1L, t.sentPacket(0).sequence(), "2^64-1");
    assertEquals(0L, t.sentPacket(1).sequence());
    for (ByteBuffer f : t.sentFrames()) {
      in.inject(f);
    }
    assertEquals(1, rx.data.size());
    assertEquals(d.wire(), rx.data.get(0).data().wire());
  }

  @Test
  void interleavedPacketsAreReassembledSeparately() {
    Data x = data("/x", 5000);
    Data y = data("/y", 5000);
    List<ByteBuffer> fx = fragmentsOf(x);
    List<ByteBuffer> fy = fragmentsOf(y);
    for (int i = 0; i < Math.max(fx.size(), fy.size()); i++) {
      if (i < fy.size()) {
        in.inject(fy.get(i));
      }
      if (i < fx.size()) {
        in.inject(fx.get(i));
      }
    }
    assertEquals(2, rx.data.size());
    assertEquals(y.wire(), rx.data.get(0).data().wire());
    assertEquals(x.wire(), rx.data.get(1).data().wire());
  }

  @Test
  void optionsRejectNonsense() {
    assertThrows(IllegalArgumentException.class,
        () -> options(clock).reassemblyTimeoutMillis(0));
    assertThrows(IllegalArgumentException.class,
        () -> options(clock).reassemblyMaxBytes(0));
    assertThrows(IllegalArgumentException.class,
        () -> options(clock).maxFragments(1));
    assertThrows(IllegalArgumentException.class,
        () -> new GenericLinkService.Options(clock, null, () -> 0));
  }

  @Test
  void fragmentsAreReassembledOutOfOrder() {
    Data d = data("/big", 8000);
    List<ByteBuffer> frames = fragmentsOf(d);
    Collections.reverse(frames);
    Collections.swap(frames, 1, 3);
    for (ByteBuffer f : frames) {
      assertEquals(0, rx.data.size());
      in.inject(f);
    }
    assertEquals(1, rx.data.size());
    assertEquals(d.wire(), rx.data.get(0).data().wire());
    assertEquals(TOKEN, rx.data.get(0).pitToken());
  }

  @Test
  void duplicateFragmentsAreIgnored() {
    Data d = data("/big", 8000);
    List<ByteBuffer> frames = fragmentsOf(d);
    in.inject(frames.get(0));
    in.inject(frames.get(0));
    in.inject(frames.get(2));
    in.inject(frames.get(2));
    for (int i = 1; i < frames.size(); i++) {
      in.inject(frames.get(i));
    }
    assertEquals(1, rx.data.size());
    assertEquals(d.wire(), rx.data.get(0).data().wire());
    assertEquals(3, receiverService().duplicateFragmentsReceived(), "0 and 2 twice, then 2 once more");
    assertEquals(0, receiver.counters().totalDrops());

    in.inject(frames.get(1)); // a late duplicate after completion starts a partial packet that times out
    clock.advance(500);
    assertEquals(1, rx.data.size());
    assertEquals(1, receiver.counters().drops(FaceDrop.REASSEMBLY_TIMEOUT));
  }

  @Test
  void missingFragmentTimesOutAndFreesItsMemory() {
    List<ByteBuffer> frames = fragmentsOf(data("/big", 8000));
    for (int i = 0; i < frames.size(); i++) {
      if (i != 3) {
        in.inject(frames.get(i));
      }
    }
    assertEquals(1, receiverService().reassemblyPartialCount());
    assertTrue(receiverService().reassemblyBytesHeld() > 6000);
    clock.advance(499);
    assertEquals(0, receiver.counters().drops(FaceDrop.REASSEMBLY_TIMEOUT));
    clock.advance(1);
    assertEquals(1, receiver.counters().drops(FaceDrop.REASSEMBLY_TIMEOUT));
    assertEquals(0, receiverService().reassemblyPartialCount());
    assertEquals(0, receiverService().reassemblyBytesHeld());
    assertEquals(0, clock.pendingTasks());
    assertEquals(0, rx.total());

    in.inject(frames.get(3)); // too late: a new partial packet of one fragment
    assertEquals(0, rx.total());
    assertEquals(1, receiverService().reassemblyPartialCount());
  }

  @Test
  void timeoutRestartsWithEachNewFragment() {
    List<ByteBuffer> frames = fragmentsOf(data("/big", 8000));
    for (int i = 0; i < frames.size(); i++) {
      in.inject(frames.get(i));
      if (i < frames.size() - 1) {
        clock.advance(300);
      }
    }
    assertEquals(1, rx.data.size(), "each fragment 300 ms after the previous one: never 500 ms of silence");
    assertEquals(0, receiver.counters().drops(FaceDrop.REASSEMBLY_TIMEOUT));
  }

  @Test
  void reassemblyMemoryIsBoundedPerFace() {
    GenericLinkService.Options small = options(clock).reassemblyMaxBytes(9_000);
    RecordingTransport bounded = new RecordingTransport(FaceScope.NON_LOCAL, MTU);
    Face face = addFace(table, bounded, small);
    GenericLinkService ls = (GenericLinkService) face.linkService();

    List<ByteBuffer> a = fragmentsOf(data("/a", 8000));
    List<ByteBuffer> b = fragmentsOf(data("/b", 8000));
    for (int i = 0; i < a.size() - 1; i++) {
      bounded.inject(a.get(i)); // /a is all there but its last fragment: about 7 KB held
    }
    bounded.inject(b.get(0));
    assertTrue(ls.reassemblyBytesHeld() <= 9_000, "held " + ls.reassemblyBytesHeld());
    assertEquals(2, ls.reassemblyPartialCount());
    bounded.inject(b.get(1)); // over the bound: refused, and /b (which cannot complete now) freed
    assertEquals(1, face.counters().drops(FaceDrop.REASSEMBLY_FULL));
    assertEquals(1, ls.reassemblyPartialCount());
    assertTrue(ls.reassemblyBytesHeld() <= 9_000);

    bounded.inject(a.get(a.size() - 1)); // /a still completes
    assertEquals(1, rx.data.size());
    assertEquals(Name.parse("/a"), rx.data.get(0).data().name());
    assertEquals(0, ls.reassemblyBytesHeld());

    for (ByteBuffer f : b) {
      bounded.inject(f);
    }
    assertEquals(2, rx.data.size(), "with memory free again, /b gets through");
    assertEquals(0, ls.reassemblyPartialCount());
  }

  @Test
  void fragmentRefusedForMemoryFreesItsWholePartialPacket() {
    GenericLinkService.Options small = options(clock).reassemblyMaxBytes(3000);
    RecordingTransport bounded = new RecordingTransport(FaceScope.NON_LOCAL, MTU);
    Face face = addFace(table, bounded, small);
    GenericLinkService ls = (GenericLinkService) face.linkService();
    List<ByteBuffer> a = fragmentsOf(data("/a", 8000));
    bounded.inject(a.get(0));
    bounded.inject(a.get(1));
    assertEquals(1, ls.reassemblyPartialCount());
    bounded.inject(a.get(2)); // would exceed 3000 octets: the packet can no longer complete
    assertEquals(1, face.counters().drops(FaceDrop.REASSEMBLY_FULL));
    assertEquals(0, ls.reassemblyPartialCount());
    assertEquals(0, ls.reassemblyBytesHeld());
  }

  @Test
  void inconsistentFragmentsAreInvalid() {
    Data d = data("/big", 8000);
    List<ByteBuffer> frames = fragmentsOf(d);
    LpPacket first = LpPacket.decode(frames.get(0));
    LpPacket second = LpPacket.decode(frames.get(1));
    in.inject(first);
    // same message id, different FragCount
    in.inject(LpPacket.builder().sequence(second.sequence()).fragIndexCount(1, second.fragCount() + 1)
        .fragment(second.fragment()).build());
    // a fragment without Sequence
    in.inject(LpPacket.builder().fragIndexCount(1, 3).fragment(second.fragment()).build());
    assertEquals(2, receiver.counters().drops(FaceDrop.REASSEMBLY_INVALID));
    for (int i = 1; i < frames.size(); i++) {
      in.inject(frames.get(i));
    }
    assertEquals(1, rx.data.size(), "the consistent fragments still complete");
  }

  @Test
  void fragCountOverTheLimitIsOversized() {
    in.inject(LpPacket.builder().sequence(1).fragIndexCount(0, 401).fragment(bytes(6, 0)).build());
    assertEquals(1, receiver.counters().drops(FaceDrop.OVERSIZED));
    assertEquals(0, receiverService().reassemblyPartialCount());
  }

  @Test
  void reassembledGarbageIsMalformed() {
    in.inject(LpPacket.builder().sequence(10).fragIndexCount(0, 2).fragment(bytes(0x06, 0x05, 0x07)).build());
    in.inject(LpPacket.builder().sequence(11).fragIndexCount(1, 2).fragment(bytes(0x01, 0x02, 0x03, 0x04)).build());
    assertEquals(1, receiver.counters().drops(FaceDrop.MALFORMED));
    assertEquals(0, rx.total());
    assertTrue(receiver.isUp());
  }

  @Test
  void fragmentsAreMalformedWhenReassemblyIsDisabled() {
    RecordingTransport t = new RecordingTransport(FaceScope.NON_LOCAL, MTU);
    Face face = addFace(table, t, options(clock).allowReassembly(false));
    List<ByteBuffer> frames = fragmentsOf(data("/big", 8000));
    for (ByteBuffer f : frames) {
      t.inject(f);
    }
    assertEquals(0, rx.total());
    assertEquals(frames.size(), face.counters().drops(FaceDrop.MALFORMED), "one per fragment");
  }

  @Test
  void oversizedPacketIsDroppedWhenFragmentationIsDisabled() {
    RecordingTransport t = new RecordingTransport(FaceScope.NON_LOCAL, MTU);
    Face face = addFace(table, t, options(clock).allowFragmentation(false));
    face.sendData(data("/big", 8000), null, 0);
    assertEquals(0, t.sentFrames().size());
    assertEquals(1, face.counters().drops(FaceDrop.OVERSIZED));
  }

  @Test
  void packetNeedingTooManyFragmentsIsOversized() {
    RecordingTransport t = new RecordingTransport(FaceScope.NON_LOCAL, 200);
    Face face = addFace(table, t, options(clock).maxFragments(10));
    face.sendData(data("/big", 8000), null, 0);
    assertEquals(0, t.sentFrames().size());
    assertEquals(1, face.counters().drops(FaceDrop.OVERSIZED));
  }

  @Test
  void mtuTooSmallForTheFirstFragmentIsOversized() {
    RecordingTransport t = new RecordingTransport(FaceScope.NON_LOCAL, 50);
    Face face = addFace(table, t, clock);
    face.sendData(data("/d", 100), ByteBuffer.wrap(new byte[32]), 0);
    assertEquals(0, t.sentFrames().size());
    assertEquals(1, face.counters().drops(FaceDrop.OVERSIZED));
  }

  @Test
  void largeNackIsFragmentedAndReassembled() {
    Interest big = Interest.builder(Name.parse("/params")).nonce(9).applicationParameters(new byte[4000]).build();
    sender.sendNack(big, NackReason.CONGESTION, TOKEN);
    assertTrue(out.sentFrames().size() > 1);
    assertEquals(NackReason.CONGESTION, out.sentPacket(0).nackReason());
    for (ByteBuffer f : out.sentFrames()) {
      in.inject(f);
    }
    assertEquals(1, rx.nacks.size());
    assertEquals(NackReason.CONGESTION, rx.nacks.get(0).nackReason());
    assertEquals(big.wire(), rx.nacks.get(0).interest().wire());
    assertEquals(TOKEN, rx.nacks.get(0).pitToken());
  }

  @Test
  void largeDataCrossesAMemoryLinkWithAnMtu() {
    ManualClock c = new ManualClock();
    RecordingReceiver rxB = new RecordingReceiver();
    FaceTable ta = new FaceTable(new RecordingReceiver());
    FaceTable tb = new FaceTable(rxB);
    MemoryLink link = MemoryLink.pair(c, c, new MemoryLink.Config().mtu(MTU).latencyMillis(2));
    Face a = addFace(ta, link.a(), c);
    Face b = addFace(tb, link.b(), c);
    Data d = data("/over/the/link", 8000);
    a.sendData(d, TOKEN, 0);
    c.advance(2);
    assertEquals(1, rxB.data.size());
    assertEquals(d.wire(), rxB.data.get(0).data().wire());
    assertEquals(TOKEN, rxB.data.get(0).pitToken());
    assertEquals(a.counters().outFrames(), b.counters().inFrames());
    assertEquals(0, a.counters().totalDrops() + b.counters().totalDrops());
  }

  @Test
  void lostFragmentOverAMemoryLinkTimesOut() {
    ManualClock c = new ManualClock();
    RecordingReceiver rxB = new RecordingReceiver();
    FaceTable ta = new FaceTable(new RecordingReceiver());
    FaceTable tb = new FaceTable(rxB);
    MemoryLink link = MemoryLink.pair(c, c, new MemoryLink.Config().mtu(MTU));
    Face a = addFace(ta, link.a(), c);
    Face b = addFace(tb, link.b(), c);
    int[] n = new int[1];
    link.a().setFrameFilter(f -> n[0]++ != 2); // the third frame is lost
    a.sendData(data("/lossy", 8000), null, 0);
    c.runDue();
    assertEquals(0, rxB.total());
    GenericLinkService ls = (GenericLinkService) b.linkService();
    assertEquals(1, ls.reassemblyPartialCount());
    c.advance(500);
    assertEquals(1, b.counters().drops(FaceDrop.REASSEMBLY_TIMEOUT));
    assertEquals(0, ls.reassemblyBytesHeld());
  }

  @Test
  void closingTheFaceDropsPartialPacketsAndTheirTimers() {
    List<ByteBuffer> frames = fragmentsOf(data("/big", 8000));
    in.inject(frames.get(0));
    assertEquals(1, clock.pendingTasks());
    receiver.close();
    assertEquals(0, clock.pendingTasks());
    assertEquals(0, receiverService().reassemblyPartialCount());
    assertNotNull(table.get(sender.id()));
    assertNull(table.get(receiver.id()));
  }
}
