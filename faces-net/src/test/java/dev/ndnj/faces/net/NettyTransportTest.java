package dev.ndnj.faces.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceDrop;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.GenericLinkService;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Netty-engine glue on an {@link EmbeddedChannel} and a manual engine, all on the test thread: one task per read
 * turn, one copy and a release per frame, one flush per batch of sends, and both queue bounds.
 */
class NettyTransportTest {
  private final ManualClock clock = new ManualClock();
  private final Engine engine = Engine.builder().manual(clock).random(() -> 7).build();
  private int flushes;
  private final EmbeddedChannel ch = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
    @Override
    public void flush(ChannelHandlerContext ctx) {
      flushes++;
      ctx.flush();
    }
  });

  /** The smallest subclass: a stream-like transport over the embedded channel. */
  static final class Plain extends NettyTransport {
    Plain(EmbeddedChannel ch, Engine engine, QueueLimits limits) {
      super(ch, engine.tasks(), FaceScope.NON_LOCAL, LinkType.POINT_TO_POINT, FacePersistency.PERSISTENT,
          "test://local", "test://remote", -1, limits);
    }
  }

  private Face face(NettyTransport t) {
    ch.pipeline().addLast(t.inboundHandler());
    Face f = new Face(new GenericLinkService(
        new GenericLinkService.Options(engine.clock(), engine.scheduler(), engine.random())), t);
    engine.forwarder().faceTable().add(f);
    return f;
  }

  private static ByteBuf pooled(ByteBuffer wire) {
    ByteBuf b = PooledByteBufAllocator.DEFAULT.directBuffer(wire.remaining());
    b.writeBytes(wire.duplicate());
    return b;
  }

  private static Interest interest(String name) {
    return Interest.builder(Name.parse(name)).nonce(1).build();
  }

  @Test
  void framesOfOneReadTurnReachTheEngineInOneTaskAndAreReleased() {
    Face f = face(new Plain(ch, engine, NettyTransport.QueueLimits.DEFAULT));
    List<ByteBuf> in = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      in.add(pooled(interest("/a/" + i).wire()));
    }
    ch.writeInbound(in.toArray()); // three channelRead, one channelReadComplete
    for (ByteBuf b : in) {
      assertEquals(0, b.refCnt(), "copied once, then released");
    }
    assertEquals(1, clock.pendingTasks(), "one task for the turn");
    clock.runDue();
    assertEquals(3, f.counters().inInterests());
    assertEquals(3, f.counters().inFrames());
  }

  @Test
  void sendsAreWrittenWithoutCopyingAndFlushedOncePerBatch() {
    Face f = face(new Plain(ch, engine, NettyTransport.QueueLimits.DEFAULT));
    ByteBuffer wire = interest("/out/0").wire();
    int position = wire.position();
    for (int i = 0; i < 3; i++) {
      f.sendInterest(interest("/out/" + i), 0);
    }
    assertNull(ch.readOutbound(), "nothing written on the forwarding thread");
    ch.runPendingTasks();
    assertNull(ch.readOutbound(), "the event loop is not woken while the forwarding thread has tasks to run");
    assertEquals(1, clock.pendingTasks(), "one wake-up task for the three sends");
    clock.runDue(); // the forwarding thread's pass ends: the drain goes to the event loop
    ch.runPendingTasks();
    assertEquals(1, flushes);
    for (int i = 0; i < 3; i++) {
      ByteBuf out = ch.readOutbound();
      ByteBuffer expected = interest("/out/" + i).wire();
      assertEquals(expected, out.nioBuffer());
      out.release();
    }
    assertEquals(position, wire.position(), "the engine's buffer is not moved");
    assertEquals(0, ((NettyTransport) f.transport()).sendQueueBytes());
  }

  /** A stream-like transport whose drains coalesce frames. */
  static final class Coalescing extends NettyTransport {
    Coalescing(EmbeddedChannel ch, Engine engine) {
      super(ch, engine.tasks(), FaceScope.NON_LOCAL, LinkType.POINT_TO_POINT, FacePersistency.PERSISTENT,
          "test://local", "test://remote", -1, QueueLimits.DEFAULT);
    }

    @Override
    protected boolean coalescesOutbound() {
      return true;
    }
  }

  @Test
  void aStreamDrainWritesItsFramesBackToBackInOneBuffer() {
    Face f = face(new Coalescing(ch, engine));
    int total = 0;
    for (int i = 0; i < 3; i++) {
      f.sendInterest(interest("/s/" + i), 0);
      total += interest("/s/" + i).wireLength();
    }
    clock.runDue();
    ch.runPendingTasks();
    assertEquals(1, flushes);
    ByteBuf out = ch.readOutbound();
    assertEquals(total, out.readableBytes(), "one message with the three frames");
    for (int i = 0; i < 3; i++) {
      ByteBuffer expected = interest("/s/" + i).wire();
      assertEquals(expected, out.readSlice(expected.remaining()).nioBuffer());
    }
    out.release();
    assertNull(ch.readOutbound());
    assertEquals(0, ((NettyTransport) f.transport()).sendQueueBytes(), "the batch leaves the count once written");
  }

  @Test
  void aFullSendQueueDropsAndCountsAndDrainsAfterTheWrite() {
    int size = interest("/q/0").wireLength();
    Face f = face(new Plain(ch, engine, new NettyTransport.QueueLimits(3 * size, 1 << 20)));
    for (int i = 0; i < 4; i++) {
      f.sendInterest(interest("/q/" + i), 0);
    }
    assertEquals(1, f.counters().drops(FaceDrop.SEND_QUEUE_FULL));
    assertEquals(3, f.counters().outFrames());
    assertEquals(3L * size, ((NettyTransport) f.transport()).sendQueueBytes());
    clock.runDue();
    ch.runPendingTasks(); // written and flushed: the queue empties
    assertEquals(0, ((NettyTransport) f.transport()).sendQueueBytes());
    f.sendInterest(interest("/q/4"), 0);
    assertEquals(4, f.counters().outFrames());
    releaseOutbound();
  }

  @Test
  void aFullReceiveQueueStopsReadingUntilTheEngineCatchesUp() {
    int size = interest("/r/0").wireLength();
    Face f = face(new Plain(ch, engine, new NettyTransport.QueueLimits(1 << 20, 2 * size)));
    ch.writeInbound(pooled(interest("/r/0").wire()), pooled(interest("/r/1").wire()));
    assertTrue(ch.config().isAutoRead(), "at the bound, still reading");
    ch.writeInbound(pooled(interest("/r/2").wire()));
    assertFalse(ch.config().isAutoRead(), "over the bound: paused");
    clock.runDue();
    assertTrue(ch.config().isAutoRead(), "resumed once processed");
    assertEquals(3, f.counters().inInterests());
  }

  @Test
  void theChannelGoingInactiveClosesTheFaceOnTheForwardingThread() {
    Face f = face(new Plain(ch, engine, NettyTransport.QueueLimits.DEFAULT));
    ch.writeInbound(pooled(interest("/last").wire()));
    ch.close();
    assertTrue(f.isUp(), "not before the engine runs");
    clock.runDue();
    assertEquals(1, f.counters().inInterests(), "what was read before the close is delivered first");
    assertFalse(f.isUp());
    assertNull(engine.forwarder().faceTable().get(f.id()));
  }

  @Test
  void closingTheFaceClosesTheChannel() {
    Face f = face(new Plain(ch, engine, NettyTransport.QueueLimits.DEFAULT));
    f.close();
    assertFalse(ch.isOpen());
    clock.runDue();
    assertFalse(f.isUp());
  }

  private void releaseOutbound() {
    for (Object o = ch.readOutbound(); o != null; o = ch.readOutbound()) {
      ((ByteBuf) o).release();
    }
  }
}
