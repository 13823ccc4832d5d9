package dev.ndnj.engine.fw;

import static dev.ndnj.engine.testing.Packets.data;
import static dev.ndnj.engine.testing.Packets.interest;
import static dev.ndnj.engine.testing.Packets.interestBuilder;
import static dev.ndnj.engine.testing.Packets.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.engine.table.PitEntry;
import dev.ndnj.engine.testing.TestFace;
import dev.ndnj.engine.testing.TestLinkService.SentData;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Incoming Data, the Content Store pipelines and unsolicited Data. */
class ForwarderDataTest extends ForwarderFixture {
  private static Name withDigest(Data d) {
    return d.name().append(Component.implicitDigest(d.implicitDigest()));
  }

  /** Fetches {@code d} through the forwarder once so that it lands in the Content Store. */
  private void cache(TestFace consumer, TestFace producer, Data d) {
    consumer.receive(interestBuilder(d.name().toString(), 0x0ca).build());
    producer.receive(d);
    clock.runDue();
    consumer.clearSent();
    producer.clearSent();
  }

  @Test
  void contentStoreHitAnswersWithoutGoingUpstreamAndEchoesThePitToken() {
    TestFace c1 = remoteFace();
    TestFace c2 = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    cache(c1, p, data("/a/1"));

    c2.receive(interest("/a/1", 2), token(0xab, 0xcd));
    List<SentData> sent = c2.link().sentData();
    assertEquals(1, sent.size());
    assertEquals(token(0xab, 0xcd), sent.get(0).pitToken());
    assertEquals(FaceTable.CONTENT_STORE, sent.get(0).ingressFaceId());
    assertTrue(p.link().sent().isEmpty());
    assertEquals(1, counters().csHits());
    assertEquals(0, fw.pit().size(), "a hit for a new Interest makes no PIT entry");
    assertEquals(2, counters().satisfiedInterests(), "and counts as satisfied at once");
    clock.runDue();
    assertEquals(0, fw.pit().size());
    assertEquals(2, counters().satisfiedInterests());
  }

  @Test
  void aStrategyThatAnswersContentStoreHitsItselfGetsItsTriggerWithAnEntry() {
    List<PitEntry> seen = new ArrayList<>();
    fw.strategyChoice().register("/localhost/nfd/strategy/cs-hit-twice", 1,
        f -> new Strategy(f, "/localhost/nfd/strategy/cs-hit-twice/v=1") {
          @Override
          public boolean answersContentStoreHitsWithoutEntry() {
            return false;
          }

          @Override
          public void afterReceiveInterest(Interest interest, Face ingress, PitEntry entry) {}

          @Override
          public void afterContentStoreHit(Data data, Face ingress, PitEntry entry) {
            seen.add(entry);
            super.afterContentStoreHit(data, ingress, entry);
          }
        });
    TestFace c1 = remoteFace();
    TestFace c2 = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    cache(c1, p, data("/a/1"));
    assertTrue(fw.strategyChoice().contentStoreHitsWithoutEntry());
    fw.strategyChoice().set(Name.parse("/elsewhere"), "/localhost/nfd/strategy/cs-hit-twice");
    assertFalse(fw.strategyChoice().contentStoreHitsWithoutEntry(), "one such choice anywhere turns it off");

    fw.strategyChoice().set(Name.parse("/a"), "/localhost/nfd/strategy/cs-hit-twice");
    c2.receive(interest("/a/1", 2), token(0xab));
    assertEquals(1, seen.size());
    assertEquals(Name.parse("/a/1"), seen.get(0).name());
    assertEquals(token(0xab), c2.link().sentData().get(0).pitToken());
    assertEquals(0, fw.pit().size(), "the entry, finalized when the Interest's pipelines ended");
    assertEquals(1, counters().csHits());

    assertTrue(fw.strategyChoice().unset(Name.parse("/a")));
    assertTrue(fw.strategyChoice().unset(Name.parse("/elsewhere")));
    assertTrue(fw.strategyChoice().contentStoreHitsWithoutEntry());
  }

  @Test
  void aSatisfiedEntryIsFinalizedWhenTheDataPipelinesEndWithoutATimer() {
    TestFace c = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    c.receive(interest("/a/1", 1));
    int lifetimeTimers = clock.pendingTasks();
    p.receive(data("/a/1"));
    assertEquals(1, c.sentData().size());
    assertEquals(0, fw.pit().size(), "erased before the clock ran anything");
    assertEquals(1, counters().satisfiedInterests());
    assertTrue(clock.pendingTasks() <= lifetimeTimers, "no zero-delay task for it");
  }

  @Test
  void anEntryRejectedOutsideAnyPipelineIsFinalizedByOneZeroDelayTask() {
    List<PitEntry> held = new ArrayList<>();
    fw.strategyChoice().register("/localhost/nfd/strategy/hold", 1,
        f -> new Strategy(f, "/localhost/nfd/strategy/hold/v=1") {
          @Override
          public void afterReceiveInterest(Interest interest, Face ingress, PitEntry entry) {
            held.add(entry); // neither forwarded nor rejected here: rejected later, from outside the pipelines
          }
        });
    fw.strategyChoice().set(Name.parse("/h"), "/localhost/nfd/strategy/hold");
    TestFace c = remoteFace();
    c.receive(interest("/h/1", 1));
    c.receive(interest("/h/2", 2));
    assertEquals(2, fw.pit().size());
    int before = clock.pendingTasks();
    for (PitEntry e : held) {
      fw.strategyChoice().findEffectiveStrategy(e).rejectPendingInterest(e);
    }
    assertEquals(before + 1, clock.pendingTasks(), "one task for both");
    assertEquals(2, fw.pit().size(), "not before the task runs");
    clock.advance(0);
    assertEquals(0, fw.pit().size());
    assertEquals(2, counters().unsatisfiedInterests());
  }

  @Test
  void canBePrefixMatchesInThePit() {
    TestFace c = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    route("/b", p, 0);
    c.receive(interestBuilder("/a", 1).canBePrefix(true).build());
    c.receive(interestBuilder("/b", 2).build());
    p.receive(data("/a/x/y"));
    assertEquals(List.of(Name.parse("/a/x/y")), names(c.link().sentData()));
    p.receive(data("/b/x"));
    assertEquals(1, counters().unsolicitedData(), "without CanBePrefix a longer name does not match");
  }

  @Test
  void mustBeFreshMatchesInThePitOnlyDataWithAPositiveFreshnessPeriod() {
    TestFace c = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    c.receive(interestBuilder("/a/1", 1).mustBeFresh(true).build());
    p.receive(data("/a/1"));
    p.receive(data("/a/1", 0));
    assertTrue(c.sentData().isEmpty());
    assertEquals(2, counters().unsolicitedData());
    p.receive(data("/a/1", 1));
    assertEquals(1, c.sentData().size());
  }

  @Test
  void canBePrefixAndMustBeFreshInTheContentStore() {
    TestFace c = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    cache(c, p, data("/a/b/c", 1000));

    c.receive(interestBuilder("/a/b", 1).canBePrefix(true).build());
    assertEquals(List.of(Name.parse("/a/b/c")), names(c.link().sentData()));
    assertTrue(p.link().sent().isEmpty());

    c.receive(interestBuilder("/a/b", 2).build());
    assertEquals(1, c.sentData().size());
    assertEquals(List.of(Name.parse("/a/b")), p.sentInterestNames(), "no CanBePrefix: a miss");

    clock.advance(500);
    c.receive(interestBuilder("/a/b/c", 3).mustBeFresh(true).build());
    assertEquals(2, c.sentData().size(), "still fresh");
    clock.advance(1000);
    c.receive(interestBuilder("/a/b/c", 4).mustBeFresh(true).build());
    assertEquals(2, c.sentData().size());
    assertEquals(Name.parse("/a/b/c"), p.sentInterestNames().get(1), "stale: forwarded");
    c.receive(interestBuilder("/a/b/c", 5).build());
    assertEquals(3, c.sentData().size(), "stale Data still answers an Interest without MustBeFresh");
  }

  @Test
  void implicitDigestInterestIsSatisfiedByThatDataOnly() {
    TestFace c1 = remoteFace();
    TestFace c2 = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    Data right = data("/a/1", "right");
    Data wrong = data("/a/1", "wrong");
    Interest byDigest = interestBuilder("/x", 1).name(withDigest(right)).build();
    c1.receive(byDigest);
    assertEquals(List.of(withDigest(right)), p.sentInterestNames());
    p.receive(wrong);
    assertTrue(c1.sentData().isEmpty());
    assertEquals(1, counters().unsolicitedData());
    p.receive(right);
    assertEquals(right.wire(), c1.sentData().get(0).wire());
    clock.runDue();

    c2.receive(interestBuilder("/x", 2).name(withDigest(right)).build());
    assertEquals(1, c2.sentData().size(), "answered from the Content Store");
    assertEquals(1, counters().csHits());
  }

  @Test
  void oneDataSatisfyingSeveralEntriesGoesToEachDownstreamOnce() {
    TestFace c1 = remoteFace();
    TestFace c2 = remoteFace();
    TestFace p = remoteFace();
    route("/a", p, 0);
    c1.receive(interestBuilder("/a", 1).canBePrefix(true).build(), token(1));
    c1.receive(interestBuilder("/a/b", 2).build(), token(2));
    c2.receive(interestBuilder("/a/b", 3).build(), token(3));
    c2.receive(interestBuilder("/a/b", 4).mustBeFresh(true).build(), token(4));
    assertEquals(3, fw.pit().size());
    p.receive(data("/a/b", 100));
    assertEquals(1, c1.sentData().size());
    List<SentData> toC2 = c2.link().sentData();
    assertEquals(1, toC2.size());
    assertTrue(toC2.get(0).pitToken().equals(token(3)) || toC2.get(0).pitToken().equals(token(4)));
    assertEquals(p.id(), toC2.get(0).ingressFaceId());
    assertEquals(2, counters().outData());
    clock.runDue();
    assertEquals(0, fw.pit().size());
    assertEquals(3, counters().satisfiedInterests());
  }

  @Test
  void dataIsNotSentBackToTheFaceItCameFrom() {
    TestFace c = remoteFace();
    TestFace both = remoteFace();
    route("/a", both, 0);
    route("/a", c, 1);
    c.receive(interest("/a/1", 1));
    both.receive(interest("/a/1", 2)); // also a downstream now
    both.receive(data("/a/1"));
    assertEquals(1, c.sentData().size());
    assertTrue(both.sentData().isEmpty());
  }

  @Test
  void unsolicitedDataIsDroppedByDefault() {
    TestFace app = localFace();
    TestFace remote = remoteFace();
    app.receive(data("/u/1"));
    remote.receive(data("/u/2"));
    assertEquals(2, counters().unsolicitedData());
    assertEquals(0, fw.cs().size());
  }

  @Test
  void unsolicitedDataFromLocalFacesIsCachedWhenConfigured() {
    reconfigure(new ForwarderConfig().admitUnsolicitedFromLocalFaces(true));
    TestFace app = localFace();
    TestFace remote = remoteFace();
    TestFace c = remoteFace();
    app.receive(data("/u/1"));
    remote.receive(data("/u/2"));
    assertEquals(2, counters().unsolicitedData());
    assertEquals(1, fw.cs().size());
    c.receive(interest("/u/1", 1));
    assertEquals(1, c.sentData().size());
    assertEquals(1, counters().csHits());
  }

  private static List<Name> names(List<SentData> sent) {
    return sent.stream().map(s -> s.data().name()).toList();
  }
}
