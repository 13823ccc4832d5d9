package dev.ndnj.engine.fw;

import static dev.ndnj.engine.testing.Packets.data;
import static dev.ndnj.engine.testing.Packets.interest;
import static dev.ndnj.engine.testing.Packets.interestBuilder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.GenericLinkService;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.face.mem.MemoryLink;
import dev.ndnj.engine.face.mem.MemoryTransport;
import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.engine.table.LruContentStore;
import dev.ndnj.engine.testing.TestFace;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.NackReason;
import dev.ndnj.tlv.Name;
import org.junit.jupiter.api.Test;

/**
 * Three forwarders in one JVM on one {@link ManualClock}, in a line joined by in-memory links speaking NDNLPv2:
 * {@code consumer - A - B - C - producer}. Each link has 1 ms of latency.
 */
class ThreeForwardersTest {
  private static final long LATENCY = 1;

  private final ManualClock clock = new ManualClock();
  private final Forwarder a = newForwarder();
  private final Forwarder b = newForwarder();
  private final Forwarder c = newForwarder();
  /** A's face towards B, B's towards A, and so on. */
  private final Face ab;
  private final Face ba;
  private final Face bc;
  private final Face cb;
  private final TestFace consumer = TestFace.add(a.faceTable(), FaceScope.LOCAL, LinkType.POINT_TO_POINT);
  private final TestFace producer = TestFace.add(c.faceTable(), FaceScope.LOCAL, LinkType.POINT_TO_POINT);

  ThreeForwardersTest() {
    MemoryLink l1 = MemoryLink.pair(clock, clock, new MemoryLink.Config().name("ab").latencyMillis(LATENCY));
    MemoryLink l2 = MemoryLink.pair(clock, clock, new MemoryLink.Config().name("bc").latencyMillis(LATENCY));
    ab = addFace(a, l1.a());
    ba = addFace(b, l1.b());
    bc = addFace(b, l2.a());
    cb = addFace(c, l2.b());
    Name prefix = Name.parse("/p");
    a.fib().addOrUpdateNextHop(prefix, ab, 10);
    b.fib().addOrUpdateNextHop(prefix, bc, 10);
    c.fib().addOrUpdateNextHop(prefix, producer.face(), 0);
  }

  private Forwarder newForwarder() {
    return new Forwarder(new ForwarderConfig(), clock, clock, () -> 0x600d, new LruContentStore(clock, 1 << 20));
  }

  private Face addFace(Forwarder fw, MemoryTransport t) {
    Face f = new Face(new GenericLinkService(new GenericLinkService.Options(clock, clock, () -> 42)), t);
    fw.faceTable().add(f);
    return f;
  }

  /** Lets every frame in flight arrive (each hop takes {@link #LATENCY}). */
  private void settle() {
    clock.advance(10 * LATENCY);
  }

  @Test
  void dataFlowsEndToEnd() {
    consumer.receive(interestBuilder("/p/x", 77).hopLimit(10).build());
    settle();
    assertEquals(1, producer.sentInterests().size());
    Interest atProducer = producer.sentInterests().get(0);
    assertEquals(Name.parse("/p/x"), atProducer.name());
    assertEquals(77, atProducer.nonce(), "the Nonce travels unchanged");
    assertEquals(7, atProducer.hopLimit(), "decremented once by each of A, B and C");
    assertEquals(1, a.pit().size());
    assertEquals(1, b.pit().size());
    assertEquals(1, c.pit().size());

    Data d = data("/p/x", 60_000);
    producer.receive(d);
    settle();
    assertEquals(1, consumer.sentData().size());
    assertEquals(d.wire(), consumer.sentData().get(0).wire());
    for (Forwarder fw : new Forwarder[] {a, b, c}) {
      assertEquals(0, fw.pit().size());
      assertEquals(1, fw.counters().satisfiedInterests());
      assertEquals(1, fw.cs().size());
    }
    assertEquals(1, ab.counters().outInterests());
    assertEquals(1, ba.counters().inInterests());
    assertEquals(1, ab.counters().inData());
  }

  @Test
  void aSecondConsumerOnBIsAnsweredFromBsContentStore() {
    consumer.receive(interest("/p/x", 1));
    settle();
    producer.receive(data("/p/x", 60_000));
    settle();
    assertEquals(1, consumer.sentData().size());

    TestFace consumer2 = TestFace.add(b.faceTable(), FaceScope.LOCAL, LinkType.POINT_TO_POINT);
    consumer2.receive(interest("/p/x", 2));
    settle();
    assertEquals(1, consumer2.sentData().size());
    assertEquals(Name.parse("/p/x"), consumer2.sentData().get(0).name());
    assertEquals(1, b.counters().csHits());
    assertEquals(1, bc.counters().outInterests(), "B did not ask C again");
    assertEquals(1, c.counters().inInterests());
    assertEquals(1, producer.sentInterests().size(), "the producer saw one Interest");
  }

  @Test
  void hopLimitRunsOutOnTheWay() {
    consumer.receive(interestBuilder("/p/y", 5).hopLimit(2).build());
    settle();
    // A: 2 -> 1, B: 1 -> 0, and B may not send HopLimit 0 over a non-local link
    assertEquals(1, ab.counters().outInterests());
    assertEquals(0, bc.counters().outInterests());
    assertEquals(1, b.counters().hopLimitZero());
    assertTrue(producer.sentInterests().isEmpty());
  }

  @Test
  void noRouteAtTheFarEndComesBackAsANackAlongThePath() {
    a.fib().addOrUpdateNextHop(Name.parse("/q"), ab, 10);
    b.fib().addOrUpdateNextHop(Name.parse("/q"), bc, 10);
    consumer.receive(interest("/q/1", 9));
    settle();
    assertEquals(1, c.counters().outNacks());
    assertEquals(1, consumer.sentNacks().size());
    assertEquals(NackReason.NO_ROUTE, consumer.sentNacks().get(0).reason());
    assertEquals(9, consumer.sentNacks().get(0).interest().nonce());
    for (Forwarder fw : new Forwarder[] {a, b, c}) {
      assertEquals(0, fw.pit().size(), "every entry went when its only upstream Nacked");
    }
  }

  @Test
  void aClosedLinkTakesItsRoutesAwayOnBothSides() {
    consumer.receive(interest("/p/z", 3));
    settle();
    ab.close();
    settle();
    assertEquals(0, a.fib().size());
    assertEquals(null, b.faceTable().get(ba.id()));
    producer.receive(data("/p/z", 1000));
    settle();
    assertTrue(consumer.sentData().isEmpty());
    assertEquals(1, b.cs().size(), "B still cached what it had asked for");
  }
}
