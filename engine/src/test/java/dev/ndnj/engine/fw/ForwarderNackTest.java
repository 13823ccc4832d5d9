package dev.ndnj.engine.fw;

import static dev.ndnj.engine.testing.Packets.interest;
import static dev.ndnj.engine.testing.Packets.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.testing.TestFace;
import dev.ndnj.engine.testing.TestLinkService.SentNack;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.NackReason;
import dev.ndnj.tlv.Name;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Incoming and outgoing Nack pipelines with NFD's Nack processing. */
class ForwarderNackTest extends ForwarderFixture {

  @Test
  void noRouteIsNackedNoRouteAndTheEntryIsRejected() {
    TestFace c = remoteFace();
    c.receive(interest("/nowhere/1", 3), token(7));
    List<SentNack> nacks = c.sentNacks();
    assertEquals(1, nacks.size());
    assertEquals(NackReason.NO_ROUTE, nacks.get(0).reason());
    assertEquals(3, nacks.get(0).interest().nonce());
    assertEquals(Name.parse("/nowhere/1"), nacks.get(0).interest().name());
    assertEquals(token(7), nacks.get(0).pitToken());
    assertEquals(1, counters().outNacks());
    clock.runDue();
    assertEquals(0, fw.pit().size());
    assertEquals(1, counters().unsatisfiedInterests());
  }

  @Test
  void noRouteOnAMultiAccessFaceIsNotNacked() {
    TestFace c = face(FaceScope.NON_LOCAL, LinkType.MULTI_ACCESS);
    c.receive(interest("/nowhere/1", 3));
    assertTrue(c.link().sent().isEmpty());
    clock.runDue();
    assertEquals(0, fw.pit().size());
  }

  @Test
  void theOnlyUpstreamsNackGoesDownstream() {
    TestFace c = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    c.receive(interest("/a/1", 3), token(7));
    Interest sent = p.sentInterests().get(0);
    p.receiveNack(sent, NackReason.CONGESTION);
    assertEquals(1, counters().inNacks());
    SentNack n = c.sentNacks().get(0);
    assertEquals(NackReason.CONGESTION, n.reason());
    assertEquals(token(7), n.pitToken());
    assertEquals(3, n.interest().nonce());
    clock.runDue();
    assertEquals(0, fw.pit().size(), "every upstream Nacked: the entry goes at once");
    assertEquals(1, counters().unsatisfiedInterests());
  }

  @Test
  void nacksFromAllUpstreamsGoDownstreamWithTheLeastSevereReason() {
    TestFace c1 = remoteFace();
    TestFace c2 = remoteFace();
    TestFace p1 = remoteFace();
    TestFace p2 = remoteFace();
    TestFace p3 = remoteFace();
    fw.strategyChoice().set(Name.parse("/a"), MulticastStrategy.NAME);
    route("/a", p1, 1);
    route("/a", p2, 2);
    route("/a", p3, 3);
    c1.receive(interest("/a/1", 3), token(1));
    c2.receive(interest("/a/1", 4), token(2));
    assertEquals(1, p1.sentInterests().size());
    assertEquals(1, p2.sentInterests().size());
    assertEquals(1, p3.sentInterests().size());

    p1.receiveNack(p1.sentInterests().get(0), NackReason.NO_ROUTE);
    p2.receiveNack(p2.sentInterests().get(0), NackReason.DUPLICATE);
    assertTrue(c1.sentNacks().isEmpty(), "p3 may still answer");
    assertTrue(c2.sentNacks().isEmpty());
    p3.receiveNack(p3.sentInterests().get(0), NackReason.NO_ROUTE);
    assertEquals(NackReason.DUPLICATE, c1.sentNacks().get(0).reason());
    assertEquals(token(1), c1.sentNacks().get(0).pitToken());
    assertEquals(NackReason.DUPLICATE, c2.sentNacks().get(0).reason());
    assertEquals(token(2), c2.sentNacks().get(0).pitToken());
    assertEquals(4, c2.sentNacks().get(0).interest().nonce(), "each downstream gets its own Interest back");
  }

  @Test
  void nackWithoutReasonIsTheLeastSevereOnlyWhenAlone() {
    TestFace c = remoteFace();
    TestFace p1 = remoteFace();
    TestFace p2 = remoteFace();
    fw.strategyChoice().set(Name.parse("/a"), MulticastStrategy.NAME);
    route("/a", p1, 1);
    route("/a", p2, 2);
    c.receive(interest("/a/1", 3));
    p1.receiveNack(p1.sentInterests().get(0), NackReason.NONE);
    p2.receiveNack(p2.sentInterests().get(0), NackReason.NO_ROUTE);
    assertEquals(NackReason.NO_ROUTE, c.sentNacks().get(0).reason());
  }

  @Test
  void lastUpstreamThatIsAlsoADownstreamIsNacked() {
    TestFace c = remoteFace();
    TestFace p1 = remoteFace();
    TestFace peer = remoteFace();
    fw.strategyChoice().set(Name.parse("/a"), MulticastStrategy.NAME);
    route("/a", p1, 1);
    route("/a", peer, 2);
    c.receive(interest("/a/1", 3));
    peer.receive(interest("/a/1", 4)); // the peer asks for it too: an upstream and a downstream
    p1.receiveNack(p1.sentInterests().get(0), NackReason.CONGESTION);
    assertEquals(1, peer.sentNacks().size(), "the peer would wait on us while we wait on it");
    assertEquals(NackReason.CONGESTION, peer.sentNacks().get(0).reason());
    assertTrue(c.sentNacks().isEmpty());
  }

  @Test
  void nacksThatDoNotFitAreDropped() {
    TestFace c = remoteFace();
    TestFace p = remoteFace();
    TestFace stranger = remoteFace();
    TestFace ma = face(FaceScope.NON_LOCAL, LinkType.MULTI_ACCESS);
    route("/a", p, 0);
    route("/b", ma, 0);
    c.receive(interest("/a/1", 3));
    c.receive(interest("/b/1", 4));
    p.receiveNack(interest("/a/1", 99), NackReason.NO_ROUTE); // other Nonce
    stranger.receiveNack(interest("/a/1", 3), NackReason.NO_ROUTE); // no out-record
    p.receiveNack(interest("/zzz", 3), NackReason.NO_ROUTE); // no PIT entry
    ma.receiveNack(ma.sentInterests().get(0), NackReason.NO_ROUTE); // multi-access
    assertEquals(4, counters().inNacks());
    assertEquals(4, counters().nacksDropped());
    assertTrue(c.sentNacks().isEmpty());
    assertEquals(2, fw.pit().size());
  }

  @Test
  void aNackedInterestIsNotResentToTheSameUpstreamUntilTheConsumerRetries() {
    TestFace c = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    c.receive(interest("/a/1", 3));
    p.receiveNack(p.sentInterests().get(0), NackReason.CONGESTION);
    clock.runDue();
    c.receive(interest("/a/1", 5));
    assertEquals(2, p.sentInterests().size());
    assertEquals(5, p.sentInterests().get(1).nonce());
  }
}
