package dev.ndnj.tlv.mgmt;

import static dev.ndnj.tlv.mgmt.Vectors.assertEncodes;
import static dev.ndnj.tlv.mgmt.Vectors.assertTlvError;
import static dev.ndnj.tlv.mgmt.Vectors.buf;
import static dev.ndnj.tlv.mgmt.Vectors.el;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FibEntry and NextHopRecord, with the vectors of ndn-cxx tests/unit/mgmt/nfd/fib-entry.t.cpp. */
class FibEntryTest {
  /** ndn-cxx's makeFibEntry() plus the fourth next hop of FibEntryEncode. */
  static FibEntry make() {
    FibEntry.Builder b = FibEntry.builder(Name.parse("/this/is/a/test"));
    for (int i = 1; i < 4; i++) {
      b.addNextHop(i * 10, i * 100 + 100);
    }
    return b.addNextHop(NextHopRecord.builder().faceId(40).cost(500).build()).build();
  }

  @Test
  void nextHopRecordRoundTrips() {
    NextHopRecord r = NextHopRecord.of(10, 200);
    assertEncodes(Vectors.NEXT_HOP, r);
    NextHopRecord d = NextHopRecord.decode(buf(Vectors.NEXT_HOP));
    assertEquals(r, d);
    assertEquals(10, d.faceId());
    assertEquals(200, d.cost());
    assertEquals("NextHopRecord(FaceId: 10, Cost: 200)", d.toString());
    assertNotEquals(NextHopRecord.of(42, 200), d);
    assertNotEquals(NextHopRecord.of(10, 42), d);
  }

  @Test
  void entryWithoutNextHopsRoundTrips() {
    FibEntry e = FibEntry.builder(Name.parse("/this/is/a/test")).build();
    assertEncodes(Vectors.FIB_ENTRY_NO_NEXT_HOPS, e);
    FibEntry d = FibEntry.decode(buf(Vectors.FIB_ENTRY_NO_NEXT_HOPS));
    assertEquals(e, d);
    assertTrue(d.nextHops().isEmpty());
  }

  @Test
  void entryWithNextHopsRoundTrips() {
    assertEncodes(Vectors.FIB_ENTRY, make());
    FibEntry d = FibEntry.decode(buf(Vectors.FIB_ENTRY));
    assertEquals(make(), d);
    assertEquals(Name.parse("/this/is/a/test"), d.prefix());
    assertEquals(List.of(NextHopRecord.of(10, 200), NextHopRecord.of(20, 300), NextHopRecord.of(30, 400),
        NextHopRecord.of(40, 500)), d.nextHops());
    assertEquals("FibEntry(Prefix: /this/is/a/test, NextHops: [NextHopRecord(FaceId: 10, Cost: 200), "
        + "NextHopRecord(FaceId: 20, Cost: 300), NextHopRecord(FaceId: 30, Cost: 400), "
        + "NextHopRecord(FaceId: 40, Cost: 500)])", d.toString());
  }

  @Test
  void decodedPrefixIsAViewOfTheInput() {
    ByteBuffer in = buf(Vectors.FIB_ENTRY);
    FibEntry d = FibEntry.decode(in);
    in.put(6, (byte) 'T');
    assertEquals(Name.parse("/This/is/a/test"), d.prefix());
  }

  @Test
  void nameMustComeFirst() {
    assertTlvError(10, () -> FibEntry.decode(buf(el(0x80, Vectors.NEXT_HOP, "0703080161"))),
        "FibEntry: Name out of order");
    assertTlvError(0, () -> FibEntry.decode(buf(el(0x80, Vectors.NEXT_HOP))), "FibEntry: missing required Name");
  }

  @Test
  void nextHopNeedsFaceIdAndCost() {
    assertTlvError(0, () -> NextHopRecord.decode(buf("8103 69010a")), "NextHopRecord: missing required Cost field");
    assertTlvError(7, () -> FibEntry.decode(buf(el(0x80, "0703080161", "8103 6a0101"))),
        "NextHopRecord: missing required FaceId field");
  }

  @Test
  void unknownNonCriticalElementsAreSkipped() {
    FibEntry d = FibEntry.decode(buf(el(0x80, "0703080161", "fc00", el(0x81, "69010a", "9e00", "6a01c8"))));
    assertEquals(List.of(NextHopRecord.of(10, 200)), d.nextHops());
  }
}
