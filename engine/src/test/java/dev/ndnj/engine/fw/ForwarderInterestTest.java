package dev.ndnj.engine.fw;

import static dev.ndnj.engine.testing.Packets.data;
import static dev.ndnj.engine.testing.Packets.interest;
import static dev.ndnj.engine.testing.Packets.interestBuilder;
import static dev.ndnj.engine.testing.Packets.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.testing.TestFace;
import dev.ndnj.engine.testing.TestLinkService.SentData;
import dev.ndnj.engine.testing.TestLinkService.SentInterest;
import dev.ndnj.engine.testing.TestLinkService.SentNack;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.NackReason;
import dev.ndnj.tlv.Name;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The incoming Interest pipeline and what it leads to: aggregation, loops, HopLimit, scope, expiry, quotas. */
class ForwarderInterestTest extends ForwarderFixture {

  @Test
  void twoInterestsFromTwoFacesAreAggregatedAndEachDownstreamGetsTheDataOnce() {
    TestFace c1 = remoteFace();
    TestFace c2 = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);

    c1.receive(interest("/a/1", 1), token(0xc1));
    c2.receive(interest("/a/1", 2), token(0xc2));
    List<SentInterest> up = p.link().sentInterests();
    assertEquals(1, up.size(), "one Interest upstream");
    assertEquals(1, up.get(0).interest().nonce());
    assertEquals(c1.id(), up.get(0).ingressFaceId());
    assertEquals(1, fw.pit().size());

    p.receive(data("/a/1"));
    List<SentData> d1 = c1.link().sentData();
    List<SentData> d2 = c2.link().sentData();
    assertEquals(1, d1.size());
    assertEquals(1, d2.size());
    assertEquals(token(0xc1), d1.get(0).pitToken());
    assertEquals(token(0xc2), d2.get(0).pitToken());
    assertEquals(p.id(), d1.get(0).ingressFaceId());
    assertTrue(p.sentData().isEmpty(), "never back to the upstream");

    assertEquals(2, counters().inInterests());
    assertEquals(1, counters().outInterests());
    assertEquals(1, counters().inData());
    assertEquals(2, counters().outData());
    assertEquals(2, counters().csMisses());
    clock.runDue();
    assertEquals(1, counters().satisfiedInterests());
    assertEquals(0, counters().unsatisfiedInterests());
    assertEquals(0, fw.pit().size());
    assertEquals(1, fw.cs().size(), "the Data was cached");
  }

  @Test
  void aForwardedInterestNamesTheFaceItCameFrom() {
    TestFace c1 = localFace();
    TestFace c2 = localFace();
    TestFace p1 = localFace();
    TestFace p2 = localFace();
    route("/a", p1, 1);
    route("/a", p2, 2);
    c1.receive(interest("/a/1", 1));
    clock.advance(20);
    c2.receive(interest("/a/1", 2)); // a retransmission by another downstream: to the unused p2
    assertEquals(c1.id(), p1.link().sentInterests().get(0).ingressFaceId());
    SentInterest retx = p2.link().sentInterests().get(0);
    assertEquals(2, retx.interest().nonce());
    assertEquals(c2.id(), retx.ingressFaceId(), "IncomingFaceId is the face this Interest came from");
  }

  @Test
  void sameNonceFromAnotherPointToPointFaceIsNackedDuplicate() {
    TestFace c1 = remoteFace();
    TestFace c2 = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    c1.receive(interest("/a/1", 7));
    c2.receive(interest("/a/1", 7), token(9));
    List<SentNack> nacks = c2.sentNacks();
    assertEquals(1, nacks.size());
    assertEquals(NackReason.DUPLICATE, nacks.get(0).reason());
    assertEquals(7, nacks.get(0).interest().nonce());
    assertEquals(token(9), nacks.get(0).pitToken());
    assertEquals(1, p.sentInterests().size());
    assertTrue(c1.link().sent().isEmpty());
    assertEquals(1, counters().loops());
    assertNull(fw.pit().find(interest("/a/1", 7)).inRecord(c2.face()), "the looping face is no downstream");
  }

  @Test
  void sameNonceFromAMultiAccessFaceIsDroppedSilently() {
    TestFace c1 = remoteFace();
    TestFace c2 = face(FaceScope.NON_LOCAL, LinkType.MULTI_ACCESS);
    TestFace p = remoteFace();
    route("/a", p, 0);
    c1.receive(interest("/a/1", 7));
    c2.receive(interest("/a/1", 7));
    assertTrue(c2.link().sent().isEmpty());
    assertEquals(1, counters().loops());
    assertEquals(0, counters().outNacks());
    assertEquals(1, p.sentInterests().size());
  }

  @Test
  void anInterestComingBackFromItsUpstreamIsALoop() {
    TestFace c = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    c.receive(interest("/a/1", 7));
    p.receive(interest("/a/1", 7)); // the same Interest came back over the link it left on
    assertEquals(1, counters().loops());
    assertEquals(NackReason.DUPLICATE, p.sentNacks().get(0).reason());
  }

  @Test
  void sameFaceRetransmissionWithTheSameNonceIsNotALoopOnPointToPoint() {
    TestFace c = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    c.receive(interest("/a/1", 7));
    clock.advance(100);
    c.receive(interest("/a/1", 7));
    assertEquals(0, counters().loops());
    assertTrue(c.sentNacks().isEmpty());
    assertEquals(2, p.sentInterests().size(), "the retransmission is forwarded again");
  }

  @Test
  void sameFaceRetransmissionWithTheSameNonceIsALoopOnMultiAccess() {
    TestFace c = face(FaceScope.NON_LOCAL, LinkType.MULTI_ACCESS);
    TestFace p = remoteFace();
    route("/a", p, 0);
    c.receive(interest("/a/1", 7));
    clock.advance(100);
    c.receive(interest("/a/1", 7));
    assertEquals(1, counters().loops());
    assertEquals(1, p.sentInterests().size());
  }

  @Test
  void deadNonceListCatchesALoopAfterThePitEntryIsGone() {
    TestFace c1 = remoteFace();
    TestFace c2 = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    c1.receive(interest("/a/1", 9));
    clock.advance(4000);
    assertEquals(0, fw.pit().size());
    assertEquals(1, counters().unsatisfiedInterests());
    assertTrue(fw.deadNonceList().has(Name.parse("/a/1"), 9));

    c2.receive(interest("/a/1", 9));
    assertEquals(1, counters().loops());
    assertEquals(NackReason.DUPLICATE, c2.sentNacks().get(0).reason());
    assertEquals(1, p.sentInterests().size());
    assertEquals(0, fw.pit().size(), "a loop caught by the Dead Nonce List makes no PIT entry");

    clock.advance(6000);
    c2.receive(interest("/a/1", 9));
    assertEquals(2, p.sentInterests().size(), "forgotten after the Dead Nonce List lifetime");
  }

  @Test
  void satisfiedMustBeFreshInterestLeavesItsNonceWhenTheDataIsFreshForLessThanTheDnlLifetime() {
    TestFace c1 = remoteFace();
    TestFace c2 = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    c1.receive(interestBuilder("/a/short", 5).mustBeFresh(true).build());
    c1.receive(interestBuilder("/a/long", 6).mustBeFresh(true).build());
    c1.receive(interestBuilder("/a/plain", 7).build());
    p.receive(data("/a/short", 1000));
    p.receive(data("/a/long", 6000));
    p.receive(data("/a/plain", 10));
    clock.runDue();
    assertEquals(3, counters().satisfiedInterests());
    assertTrue(fw.deadNonceList().has(Name.parse("/a/short"), 5));
    assertFalse(fw.deadNonceList().has(Name.parse("/a/long"), 6));
    assertFalse(fw.deadNonceList().has(Name.parse("/a/plain"), 7));

    c2.receive(interestBuilder("/a/short", 5).mustBeFresh(true).build());
    assertEquals(NackReason.DUPLICATE, c2.sentNacks().get(0).reason());
    c2.receive(interestBuilder("/a/long", 6).mustBeFresh(true).build());
    assertEquals(1, c2.sentData().size(), "answered from the Content Store");
  }

  @Test
  void hopLimitZeroIsDroppedOnArrival() {
    TestFace c = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    c.receive(interestBuilder("/a/1", 1).hopLimit(0).build());
    assertEquals(1, counters().inInterests());
    assertEquals(1, counters().hopLimitZero());
    assertTrue(p.link().sent().isEmpty());
    assertTrue(c.link().sent().isEmpty());
    assertEquals(0, fw.pit().size());
  }

  @Test
  void hopLimitIsDecrementedWhenForwarded() {
    TestFace c = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    c.receive(interestBuilder("/a/1", 1).hopLimit(5).build());
    c.receive(interestBuilder("/a/2", 1).build());
    List<Interest> sent = p.sentInterests();
    assertEquals(4, sent.get(0).hopLimit());
    assertFalse(sent.get(1).hasHopLimit(), "no HopLimit stays no HopLimit");
  }

  @Test
  void hopLimitThatReachesZeroGoesToLocalFacesOnly() {
    TestFace c = remoteFace();
    TestFace remote = remoteFace();
    TestFace app = localFace();
    route("/a", remote, 0);
    route("/b", app, 0);
    c.receive(interestBuilder("/a/1", 1).hopLimit(1).build());
    assertTrue(remote.sentInterests().isEmpty());
    assertEquals(1, counters().hopLimitZero());
    c.receive(interestBuilder("/b/1", 2).hopLimit(1).build());
    assertEquals(0, app.sentInterests().get(0).hopLimit());
  }

  @Test
  void missingNonceGetsOne() {
    TestFace c = localFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    c.receive(Interest.builder(Name.parse("/a/1")).build());
    Interest sent = p.sentInterests().get(0);
    assertTrue(sent.hasNonce());
    assertEquals(RANDOM_NONCE, sent.nonce());
  }

  @Test
  void localhostInterestFromANonLocalFaceIsDropped() {
    TestFace c = remoteFace();
    TestFace app = localFace();
    route("/", app, 0);
    route("/localhost", app, 0);
    c.receive(interest("/localhost/nfd/status", 1));
    assertEquals(1, counters().localhostViolations());
    assertTrue(app.link().sent().isEmpty());
    assertTrue(c.link().sent().isEmpty());
    assertEquals(0, fw.pit().size());
  }

  @Test
  void localhostInterestIsNeverSentToANonLocalFace() {
    TestFace app = localFace();
    TestFace remote = remoteFace();
    TestFace other = localFace();
    route("/localhost/x", remote, 0);
    route("/localhost/x", other, 1);
    app.receive(interest("/localhost/x/1", 1));
    assertTrue(remote.link().sent().isEmpty());
    assertEquals(1, other.sentInterests().size());

    route("/localhost/y", remote, 0);
    app.receive(interest("/localhost/y/1", 2));
    assertTrue(remote.link().sent().isEmpty());
    assertEquals(NackReason.NO_ROUTE, app.sentNacks().get(0).reason(), "no eligible next hop");
  }

  @Test
  void localhostDataFromANonLocalFaceIsDropped() {
    TestFace app = localFace();
    TestFace remote = remoteFace();
    TestFace local = localFace();
    route("/localhost/x", local, 0);
    app.receive(interest("/localhost/x/1", 1));
    remote.receive(data("/localhost/x/1"));
    assertEquals(1, counters().localhostViolations());
    assertTrue(app.sentData().isEmpty());
    assertEquals(0, fw.cs().size());
    local.receive(data("/localhost/x/1"));
    assertEquals(1, app.sentData().size());
  }

  @Test
  void localhopInterestIsNotForwardedFromNonLocalToNonLocal() {
    TestFace remote1 = remoteFace();
    TestFace remote2 = remoteFace();
    TestFace app = localFace();
    route("/localhop/nfd", remote2, 0);
    remote1.receive(interest("/localhop/nfd/rib/register", 1));
    assertTrue(remote2.link().sent().isEmpty());
    assertEquals(NackReason.NO_ROUTE, remote1.sentNacks().get(0).reason());

    app.receive(interest("/localhop/nfd/rib/register", 2));
    assertEquals(1, remote2.sentInterests().size(), "from a local face it may go out");

    route("/localhop/app", app, 0);
    remote1.receive(interest("/localhop/app/x", 3));
    assertEquals(1, app.sentInterests().size(), "from a non-local face to a local face is fine");
  }

  @Test
  void defaultInterestLifetimeIsFourSecondsThenThePitEntryExpiresUnsatisfied() {
    TestFace c = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    c.receive(interest("/a/1", 1));
    clock.advance(3999);
    assertEquals(1, fw.pit().size());
    assertEquals(0, counters().unsatisfiedInterests());
    clock.advance(1);
    assertEquals(0, fw.pit().size());
    assertEquals(1, counters().unsatisfiedInterests());
    p.receive(data("/a/1"));
    assertEquals(1, counters().unsolicitedData(), "too late");
    assertTrue(c.sentData().isEmpty());
  }

  @Test
  void aHugeInterestLifetimeKeepsTheEntryPendingInsteadOfWrappingAround() {
    TestFace c = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    clock.advance(1000);
    c.receive(interestBuilder("/a/1", 1).lifetime(Long.MAX_VALUE).build());
    clock.advance(24 * 3600 * 1000L);
    assertEquals(1, fw.pit().size());
    p.receive(data("/a/1"));
    assertEquals(1, c.sentData().size());
  }

  @Test
  void thePitEntryLivesAsLongAsItsLongestInRecord() {
    TestFace c1 = remoteFace();
    TestFace c2 = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    c1.receive(interestBuilder("/a/1", 1).lifetime(1000).build());
    clock.advance(500);
    c2.receive(interestBuilder("/a/1", 2).lifetime(1000).build());
    clock.advance(999);
    assertEquals(1, fw.pit().size());
    p.receive(data("/a/1"));
    assertTrue(c1.sentData().isEmpty(), "c1's in-record expired");
    assertEquals(1, c2.sentData().size());
    clock.runDue();
    assertEquals(0, fw.pit().size());
  }

  @Test
  void pitQuotaOfOneFaceDoesNotStopAnotherFace() {
    reconfigure(new ForwarderConfig().pitPerFaceQuota(2));
    TestFace greedy = remoteFace();
    TestFace polite = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    greedy.receive(interest("/a/1", 1));
    greedy.receive(interest("/a/2", 2));
    greedy.receive(interest("/a/3", 3));
    assertEquals(List.of(Name.parse("/a/1"), Name.parse("/a/2")), p.sentInterestNames());
    assertEquals(1, counters().pitQuota());
    assertEquals(1, fw.pit().refusedQuota());
    assertEquals(2, fw.pit().size(), "the refused Interest left no entry behind");
    assertEquals(2, fw.pit().inRecordCount(greedy.face()));

    polite.receive(interest("/a/3", 4));
    polite.receive(interest("/a/1", 5));
    assertEquals(3, p.sentInterests().size());
    p.receive(data("/a/1"));
    assertEquals(1, greedy.sentData().size());
    assertEquals(1, polite.sentData().size());
    greedy.receive(interest("/a/4", 6));
    assertEquals(Name.parse("/a/4"), p.sentInterestNames().get(3), "answered Interests give quota back");
  }

  @Test
  void fullPitRefusesNewEntries() {
    reconfigure(new ForwarderConfig().pitMaxEntries(1));
    TestFace c = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    c.receive(interest("/a/1", 1));
    c.receive(interest("/a/2", 2));
    assertEquals(1, counters().pitFull());
    assertEquals(1, p.sentInterests().size());
  }

  @Test
  void nextHopFaceIdIsHonouredOnlyWithLocalFieldsEnabled() {
    TestFace app = localFace();
    TestFace p1 = remoteFace();
    TestFace p2 = remoteFace();
    route("/a", p1, 0);

    app.link().receiveInterest(interest("/a/1", 1), null, p2.id());
    assertEquals(1, p1.sentInterests().size(), "local fields off: the strategy decides");
    assertTrue(p2.sentInterests().isEmpty());

    app.face().setLocalFieldsEnabled(true);
    app.link().receiveInterest(interest("/a/2", 2), null, p2.id());
    assertEquals(1, p2.sentInterests().size());
    assertEquals(1, p1.sentInterests().size());

    TestFace remote = remoteFace();
    remote.face().setLocalFieldsEnabled(true);
    remote.link().receiveInterest(interest("/a/3", 3), null, p2.id());
    assertEquals(2, p1.sentInterests().size(), "a non-local face never has local fields");
    assertEquals(1, p2.sentInterests().size());
  }

  @Test
  void nextHopFaceIdOfAMissingFaceSendsNothing() {
    TestFace app = localFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    app.face().setLocalFieldsEnabled(true);
    app.link().receiveInterest(interest("/a/1", 1), null, 9999);
    assertTrue(p.link().sent().isEmpty());
    assertTrue(app.link().sent().isEmpty());
    clock.advance(4000);
    assertEquals(1, counters().unsatisfiedInterests());
  }
}
