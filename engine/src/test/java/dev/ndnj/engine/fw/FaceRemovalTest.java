package dev.ndnj.engine.fw;

import static dev.ndnj.engine.testing.Packets.data;
import static dev.ndnj.engine.testing.Packets.interest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.face.FaceDrop;
import dev.ndnj.engine.table.PitEntry;
import dev.ndnj.engine.testing.TestFace;
import dev.ndnj.tlv.NackReason;
import dev.ndnj.tlv.Name;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A face that goes away in the middle of traffic takes its FIB next hops and PIT records with it. */
class FaceRemovalTest extends ForwarderFixture {

  @Test
  void removedFaceLeavesTheFibAndThePitAndOtherFacesCarryOn() {
    TestFace c1 = remoteFace();
    TestFace c2 = remoteFace();
    TestFace p1 = remoteFace();
    TestFace p2 = remoteFace();
    route("/a", p1, 0);
    route("/b", p2, 0);
    route("/c", p1, 0);
    route("/c", p2, 1);

    c1.receive(interest("/a/1", 1));
    c2.receive(interest("/a/1", 2)); // aggregated
    c1.receive(interest("/b/1", 3)); // c1 only
    c2.receive(interest("/c/1", 4)); // to p1
    assertEquals(3, fw.pit().size());

    c1.close();
    assertNull(fw.faceTable().get(c1.id()));
    PitEntry a1 = fw.pit().find(interest("/a/1", 0));
    assertNull(a1.inRecord(c1.face()));
    assertNotNull(a1.inRecord(c2.face()));
    PitEntry b1 = fw.pit().find(interest("/b/1", 0));
    assertNotNull(b1, "still has its out-record to p2, as in NFD");
    assertTrue(b1.inRecords().isEmpty());
    assertEquals(0, fw.pit().inRecordCount(c1.face()));

    p1.close();
    assertNull(fw.fib().findExactMatch(Name.parse("/a")), "its only next hop went");
    assertEquals(List.of(p2.face()),
        fw.fib().findExactMatch(Name.parse("/c")).nextHops().stream().map(nh -> nh.face()).toList());
    assertNull(fw.pit().find(interest("/c/1", 0)).outRecord(p1.face()));

    p2.receive(data("/b/1"));
    assertTrue(c1.sentData().isEmpty());
    assertEquals(0, c1.face().counters().drops(FaceDrop.FACE_DOWN), "nothing was even tried on the closed face");
    assertEquals(1, counters().inData());
    assertEquals(0, counters().outData());

    c2.receive(interest("/a/2", 5));
    assertEquals(NackReason.NO_ROUTE, c2.sentNacks().get(0).reason(), "no route any more");
    c2.receive(interest("/c/2", 6));
    assertEquals(Name.parse("/c/2"), p2.sentInterestNames().get(1));
    p2.receive(data("/c/2"));
    assertEquals(1, c2.sentData().size());
  }

  @Test
  void entriesLeftWithoutAnyRecordAreErasedWithoutBeingFinalized() {
    TestFace c = remoteFace();
    TestFace p = remoteFace();
    TestFace other = remoteFace();
    route("/a", p, 0);
    c.receive(interest("/a/1", 1));
    other.receive(interest("/z", 2)); // no route: Nacked and rejected, finalized when its pipelines ended
    assertEquals(1, fw.pit().size());
    assertEquals(1, counters().unsatisfiedInterests());
    p.close();
    assertNotNull(fw.pit().find(interest("/a/1", 0)), "keeps c's in-record");
    c.close();
    // /a/1 has no record left (its out-record went with p), and any face removal sweeps such entries (as NFD's
    // cleanup) without finalizing them
    assertEquals(0, fw.pit().size());
    clock.advance(5000);
    assertEquals(1, counters().unsatisfiedInterests(), "an erased entry's timer is cancelled");
    assertEquals(0, counters().satisfiedInterests());
  }
}
