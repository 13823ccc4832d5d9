package dev.ndnj.forwarder.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.mgmt.FaceStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Datasets as versioned, segmented Data. */
class DatasetTest {
  @Test
  void largeDatasetIsSegmentedWithFinalBlockIdAndFetchedSegmentBySegment() {
    MgmtFixture fx = new MgmtFixture(new ManagementConfig().datasetSegmentSize(200), null, null);
    TestFace app = fx.localFace();
    for (int i = 0; i < 20; i++) {
      fx.remoteFace();
    }
    Data first = fx.express(app, fx.datasetInterest(Name.parse("/localhost/nfd/faces/list")));
    assertNotNull(first);
    long last = first.finalBlockId().toNumber();
    assertTrue(last >= 5, "several segments: " + last);
    assertEquals(1000, first.freshnessPeriod());
    assertTrue(first.verifyDigestSha256());
    Name version = first.name().getPrefix(-1);
    assertEquals(fx.clock.epochMillis(), version.get(-1 + version.size()).toNumber(), "version is the time in ms");
    assertEquals(Name.parse("/localhost/nfd/faces/list"), version.getPrefix(-1));
    List<FaceStatus> faces = fx.dataset(app, "faces/list", FaceStatus::decode);
    assertEquals(22, faces.size());
    // within its FreshnessPeriod the second request got segment 0 from the Content Store, then the same version's
    // other segments from management
    assertEquals(1, fx.mgmt.counters().datasetsPublished());
    assertEquals(1 + last, fx.mgmt.counters().segmentsServed());
  }

  @Test
  void versionsIncreaseEvenWithinOneMillisecond() {
    MgmtFixture fx = new MgmtFixture();
    TestFace app = fx.localFace();
    fx.engine.forwarder().cs().setServeEnabled(false);
    Data a = fx.express(app, fx.datasetInterest(Name.parse("/localhost/nfd/rib/list")));
    Data b = fx.express(app, fx.datasetInterest(Name.parse("/localhost/nfd/rib/list")));
    long va = a.name().get(a.name().size() - 2).toNumber();
    long vb = b.name().get(b.name().size() - 2).toNumber();
    assertTrue(vb > va);
  }

  @Test
  void emptyDatasetIsOneEmptySegment() {
    MgmtFixture fx = new MgmtFixture();
    TestFace app = fx.localFace();
    Data d = fx.express(app, fx.datasetInterest(Name.parse("/localhost/nfd/rib/list")));
    assertNotNull(d);
    assertEquals(0, d.contentLength());
    assertEquals(0, d.finalBlockId().toNumber());
  }

  @Test
  void segmentsOfAVersionAreAnsweredWhileKept() {
    ManualClock clock = new ManualClock();
    DatasetPublisher p = new DatasetPublisher(clock, 100, 1000, 10_000, 1 << 20);
    List<Data> segs = p.publish(Name.parse("/localhost/nfd/x/list"), new byte[250]);
    assertEquals(3, segs.size());
    assertEquals(100, segs.get(0).contentLength());
    assertEquals(50, segs.get(2).contentLength());
    Name v = segs.get(0).name().getPrefix(-1);
    assertEquals(segs.get(1), p.find(Interest.builder(v.append(Component.segment(1))).build()));
    // the version alone with CanBePrefix gives segment 0
    assertEquals(segs.get(0), p.find(Interest.builder(v).canBePrefix(true).build()));
    // MustBeFresh after the freshness period: not fresh any more
    clock.advance(1500);
    assertNull(p.find(Interest.builder(v.append(Component.segment(1))).mustBeFresh(true).build()));
    assertNotNull(p.find(Interest.builder(v.append(Component.segment(1))).build()));
    clock.advance(10_000);
    assertNull(p.find(Interest.builder(v.append(Component.segment(1))).build()), "retention over");
    assertEquals(0, p.size());
  }

  @Test
  void storageIsBoundedInOctets() {
    ManualClock clock = new ManualClock();
    DatasetPublisher p = new DatasetPublisher(clock, 1000, 1000, 10_000, 5000);
    p.publish(Name.parse("/d"), new byte[4000]);
    List<Data> newer = p.publish(Name.parse("/d"), new byte[3000]);
    assertTrue(p.size() <= 5, "older segments evicted: " + p.size());
    assertEquals(newer.get(2), p.find(Interest.builder(newer.get(2).name()).build()));
  }

  @Test
  void segmentNotKeptIsNotAnswered() {
    MgmtFixture fx = new MgmtFixture();
    TestFace app = fx.localFace();
    Name gone = Name.parse("/localhost/nfd/faces/list").append(Component.version(1)).append(Component.segment(0));
    assertNull(fx.express(app, Interest.builder(gone).nonce(1).lifetime(100).build()));
    assertEquals(0, fx.mgmt.counters().segmentsServed());
    assertEquals(0, fx.mgmt.counters().datasetsPublished());
  }
}
