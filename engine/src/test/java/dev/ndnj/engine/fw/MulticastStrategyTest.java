package dev.ndnj.engine.fw;

import static dev.ndnj.engine.testing.Packets.interest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.testing.TestFace;
import dev.ndnj.tlv.NackReason;
import org.junit.jupiter.api.Test;

/** Multicast v4: every eligible next hop, retransmissions past suppression too. */
class MulticastStrategyTest extends ForwarderFixture {

  @Test
  void anInterestGoesToEveryNextHopButTheIngress() {
    TestFace c = remoteFace();
    TestFace p1 = remoteFace();
    TestFace p2 = remoteFace();
    TestFace p3 = localFace();
    route("/ndn/broadcast", p1, 1);
    route("/ndn/broadcast", p2, 2);
    route("/ndn/broadcast", p3, 3);
    route("/ndn/broadcast", c, 0);
    c.receive(interest("/ndn/broadcast/chat/1", 1));
    assertEquals(1, p1.sentInterests().size());
    assertEquals(1, p2.sentInterests().size());
    assertEquals(1, p3.sentInterests().size());
    assertTrue(c.sentInterests().isEmpty());
    assertEquals(3, counters().outInterests());
  }

  @Test
  void retransmissionsPastSuppressionGoToEveryNextHopAgain() {
    TestFace c = remoteFace();
    TestFace p1 = remoteFace();
    TestFace p2 = remoteFace();
    route("/ndn/broadcast", p1, 1);
    route("/ndn/broadcast", p2, 2);
    c.receive(interest("/ndn/broadcast/x", 1));
    clock.advance(5);
    c.receive(interest("/ndn/broadcast/x", 2));
    assertEquals(1, p1.sentInterests().size(), "suppressed");
    clock.advance(5);
    c.receive(interest("/ndn/broadcast/x", 3));
    assertEquals(2, p1.sentInterests().size());
    assertEquals(2, p2.sentInterests().size());
    assertEquals(3, p2.sentInterests().get(1).nonce());
  }

  @Test
  void noEligibleNextHopMeansNoRoute() {
    TestFace c = remoteFace();
    route("/ndn/broadcast", c, 0);
    c.receive(interest("/ndn/broadcast/x", 1));
    assertEquals(NackReason.NO_ROUTE, c.sentNacks().get(0).reason());
  }

  @Test
  void localhostNamespaceUsesMulticastByDefault() {
    TestFace app = localFace();
    TestFace a = localFace();
    TestFace b = localFace();
    route("/localhost/x", a, 1);
    route("/localhost/x", b, 2);
    app.receive(interest("/localhost/x/y", 1));
    assertEquals(1, a.sentInterests().size());
    assertEquals(1, b.sentInterests().size());
  }
}
