package dev.ndnj.engine.fw;

import static dev.ndnj.engine.testing.Packets.interest;
import static dev.ndnj.engine.testing.Packets.interestBuilder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.testing.TestFace;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.NackReason;
import org.junit.jupiter.api.Test;

/** Best-route v5: lowest cost first, exponential retransmission suppression, unused next hops on retransmission. */
class BestRouteStrategyTest extends ForwarderFixture {

  @Test
  void aNewInterestGoesToTheLowestCostNextHopOnly() {
    TestFace c = remoteFace();
    TestFace cheap = remoteFace();
    TestFace dear = remoteFace();
    route("/a", dear, 20);
    route("/a", cheap, 10);
    c.receive(interest("/a/1", 1));
    assertEquals(1, cheap.sentInterests().size());
    assertTrue(dear.sentInterests().isEmpty());
  }

  @Test
  void theIngressFaceIsSkipped() {
    TestFace c = remoteFace();
    TestFace other = remoteFace();
    route("/a", c, 0);
    route("/a", other, 5);
    c.receive(interest("/a/1", 1));
    assertTrue(c.sentInterests().isEmpty());
    assertEquals(1, other.sentInterests().size());
  }

  @Test
  void onlyTheIngressFaceAsNextHopMeansNoRoute() {
    TestFace c = remoteFace();
    route("/a", c, 0);
    c.receive(interest("/a/1", 1));
    assertEquals(NackReason.NO_ROUTE, c.sentNacks().get(0).reason());
  }

  @Test
  void anAdHocFaceMayForwardBackToItself() {
    TestFace c = face(FaceScope.NON_LOCAL, LinkType.AD_HOC);
    route("/a", c, 0);
    c.receive(interest("/a/1", 1));
    assertEquals(1, c.sentInterests().size());
  }

  @Test
  void retransmissionsAreSuppressedThenGoToAnUnusedNextHopThenToTheOneUsedLongestAgo() {
    TestFace c = remoteFace();
    TestFace p1 = remoteFace();
    TestFace p2 = remoteFace();
    route("/a", p1, 1);
    route("/a", p2, 2);

    c.receive(interest("/a/1", 1)); // t=0: new, to p1
    assertEquals(1, p1.sentInterests().size());

    clock.advance(5);
    c.receive(interest("/a/1", 2)); // t=5: within 10 ms of the last send: suppressed
    assertEquals(1, p1.sentInterests().size());
    assertTrue(p2.sentInterests().isEmpty());

    clock.advance(15);
    c.receive(interest("/a/1", 3)); // t=20: forwarded, to the unused next hop; interval now 20 ms
    assertEquals(1, p1.sentInterests().size());
    assertEquals(1, p2.sentInterests().size());
    assertEquals(3, p2.sentInterests().get(0).nonce());

    clock.advance(5);
    c.receive(interest("/a/1", 4)); // t=25: 5 ms after the last send, interval 20 ms: suppressed
    assertEquals(1, p1.sentInterests().size());
    assertEquals(1, p2.sentInterests().size());

    clock.advance(25);
    c.receive(interest("/a/1", 5)); // t=50: forwarded; no unused next hop: p1, used longest ago
    assertEquals(2, p1.sentInterests().size());
    assertEquals(5, p1.sentInterests().get(1).nonce());
    assertEquals(1, p2.sentInterests().size());

    clock.advance(30);
    c.receive(interest("/a/1", 6)); // t=80: 30 ms after, interval 40 ms: suppressed
    clock.advance(10);
    c.receive(interest("/a/1", 7)); // t=90: forwarded to p2 (renewed at 20, before p1 at 50)
    assertEquals(2, p2.sentInterests().size());
    assertEquals(7, p2.sentInterests().get(1).nonce());
    assertEquals(4, counters().outInterests());
  }

  @Test
  void suppressionIntervalStopsGrowingAt250Milliseconds() {
    TestFace c = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    c.receive(longLived(1));
    int nonce = 2;
    long interval = 10;
    for (int round = 0; round < 8; round++) {
      clock.advance(interval);
      c.receive(longLived(nonce++));
      interval = Math.min(250, interval * 2);
    }
    assertEquals(9, p.sentInterests().size());
    clock.advance(249);
    c.receive(longLived(nonce++));
    assertEquals(9, p.sentInterests().size(), "249 ms < 250 ms");
    clock.advance(1);
    c.receive(longLived(nonce));
    assertEquals(10, p.sentInterests().size());
  }

  private static Interest longLived(int nonce) {
    return interestBuilder("/a/1", nonce).lifetime(60_000).build();
  }

  @Test
  void aRetransmissionAfterTheUpstreamExpiredIsNew() {
    TestFace c = remoteFace();
    TestFace p1 = remoteFace();
    TestFace p2 = remoteFace();
    route("/a", p1, 1);
    route("/a", p2, 2);
    c.receive(interestBuilder("/a/1", 1).lifetime(100).build());
    clock.advance(50);
    c.receive(interestBuilder("/a/1", 2).lifetime(1000).build());
    // t=50: p1's out-record is pending, so this is a retransmission: it goes to the unused p2
    assertEquals(1, p2.sentInterests().size());
    clock.advance(1000);
    assertEquals(0, fw.pit().size());
  }
}
