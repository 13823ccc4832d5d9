package dev.ndnj.engine.table;

import static dev.ndnj.engine.testing.Packets.data;
import static dev.ndnj.engine.testing.Packets.interest;
import static dev.ndnj.engine.testing.Packets.interestBuilder;
import static dev.ndnj.engine.testing.Packets.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.testing.TestFace;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PitTest {
  private final Face f1 = TestFace.detached(FaceScope.NON_LOCAL, LinkType.POINT_TO_POINT).face();
  private final Face f2 = TestFace.detached(FaceScope.NON_LOCAL, LinkType.POINT_TO_POINT).face();
  private final Pit pit = new Pit(1000, 1000);

  private static Interest i(String uri, boolean canBePrefix, boolean mustBeFresh) {
    return interestBuilder(uri, 1).canBePrefix(canBePrefix).mustBeFresh(mustBeFresh).build();
  }

  private List<PitEntry> matches(Data d) {
    List<PitEntry> out = new ArrayList<>();
    pit.findAllDataMatches(d, out);
    return out;
  }

  private static Name withDigest(Data d) {
    return d.name().append(Component.implicitDigest(d.implicitDigest()));
  }

  // ------------------------------------------------------------------------------------------------- keying

  @Test
  void boundsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new Pit(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Pit(1, 0));
  }

  @Test
  void entriesAreKeyedByNameCanBePrefixAndMustBeFresh() {
    PitEntry plain = pit.insert(i("/a", false, false));
    PitEntry cbp = pit.insert(i("/a", true, false));
    PitEntry mbf = pit.insert(i("/a", false, true));
    PitEntry both = pit.insert(i("/a", true, true));
    assertEquals(4, pit.size());
    assertEquals(4, new HashSet<>(List.of(plain, cbp, mbf, both)).size());
    assertTrue(cbp.canBePrefix());
    assertFalse(cbp.mustBeFresh());
    assertTrue(mbf.mustBeFresh());
    assertEquals(Name.parse("/a"), both.name());
    // another Nonce or lifetime: same entry
    Interest other = interestBuilder("/a", 99).canBePrefix(true).lifetime(100).build();
    assertSame(cbp, pit.insert(other));
    assertSame(cbp, pit.find(other));
    assertSame(plain, pit.find(interest("/a", 5)));
    assertNull(pit.find(interest("/a/b", 5)));
    assertEquals(4, pit.size());
  }

  @Test
  void insertAfterFindOfTheSameInterestSeesEveryChangeMadeInBetween() {
    Interest plain = i("/a", false, false);
    assertNull(pit.find(plain));
    PitEntry first = pit.insert(plain);
    assertSame(first, pit.find(plain));
    assertSame(first, pit.insert(plain), "found, not made again");

    Interest fresh = i("/a", false, true);
    assertNull(pit.find(fresh));
    PitEntry second = pit.insert(fresh);
    assertNotSame(first, second);
    assertSame(first, pit.find(plain), "the other selectors' entry is in the same bucket, untouched");

    // a bucket found by find() and then emptied and dropped from the table must not be reused by insert()
    Interest probe = i("/a", true, false);
    assertNull(pit.find(probe));
    pit.erase(first);
    pit.erase(second);
    assertEquals(0, pit.size());
    PitEntry third = pit.insert(probe);
    assertSame(third, pit.find(probe), "inserted into the table, not into the dropped bucket");
    assertEquals(1, pit.size());
    assertEquals(1, pit.entries().size());
  }

  @Test
  void eraseRemovesOnlyThatEntryAndIsIdempotent() {
    PitEntry plain = pit.insert(i("/a", false, false));
    PitEntry cbp = pit.insert(i("/a", true, false));
    pit.insertOrUpdateInRecord(plain, f1, i("/a", false, false), null, 0);
    pit.insertOrUpdateOutRecord(plain, f2, i("/a", false, false), 0);
    pit.erase(plain);
    assertTrue(plain.isErased());
    assertFalse(plain.hasInRecords());
    assertTrue(plain.outRecords().isEmpty());
    assertEquals(0, pit.inRecordCount(f1));
    assertNull(pit.find(i("/a", false, false)));
    assertSame(cbp, pit.find(i("/a", true, false)));
    assertEquals(1, pit.size());
    pit.erase(plain);
    assertEquals(1, pit.size());
    pit.erase(cbp);
    assertEquals(0, pit.size());
    assertTrue(pit.entries().isEmpty());
    // a new entry for the same key is a new object
    PitEntry again = pit.insert(i("/a", false, false));
    assertNotSame(plain, again);
    assertFalse(again.isErased());
  }

  @Test
  void entriesListsEveryEntry() {
    PitEntry a = pit.insert(i("/a", false, false));
    PitEntry b = pit.insert(i("/a", true, true));
    PitEntry c = pit.insert(i("/b/c", false, false));
    assertEquals(Set.of(a, b, c), new HashSet<>(pit.entries()));
  }

  // ------------------------------------------------------------------------------------------- Data matching

  @Test
  void exactNameMatchesOnlyTheSameName() {
    PitEntry e = pit.insert(i("/a/b", false, false));
    assertEquals(List.of(e), matches(data("/a/b")));
    assertTrue(matches(data("/a/b/c")).isEmpty());
    assertTrue(matches(data("/a")).isEmpty());
  }

  @Test
  void canBePrefixMatchesLongerNamesAndTheSameName() {
    PitEntry e = pit.insert(i("/a", true, false));
    assertEquals(List.of(e), matches(data("/a/b/c")));
    assertEquals(List.of(e), matches(data("/a")));
    assertTrue(matches(data("/b/a")).isEmpty());
    assertTrue(matches(data("/ab")).isEmpty());
  }

  @Test
  void mustBeFreshNeedsAPositiveFreshnessPeriod() {
    PitEntry exact = pit.insert(i("/a/b", false, true));
    PitEntry prefix = pit.insert(i("/a", true, true));
    assertTrue(matches(data("/a/b")).isEmpty(), "no FreshnessPeriod");
    assertTrue(matches(data("/a/b", 0)).isEmpty(), "FreshnessPeriod 0");
    assertEquals(Set.of(exact, prefix), new HashSet<>(matches(data("/a/b", 1))));
    assertEquals(List.of(prefix), matches(data("/a/b/c", 1000)));
  }

  @Test
  void implicitDigestMatchesExactlyThatData() {
    Data d = data("/a/b", "one");
    Data other = data("/a/b", "two");
    PitEntry e = pit.insert(interestBuilder("/x", 1).name(withDigest(d)).build());
    assertEquals(List.of(e), matches(d));
    assertTrue(matches(other).isEmpty());
    assertTrue(matches(data("/a/b/" + "c")).isEmpty());
  }

  @Test
  void implicitDigestWithMustBeFreshAndCanBePrefix() {
    Data stale = data("/a/b", 0);
    Data fresh = data("/a/b", 500);
    PitEntry mbfStale = pit.insert(interestBuilder("/x", 1).name(withDigest(stale)).mustBeFresh(true).build());
    PitEntry cbpFresh = pit.insert(interestBuilder("/x", 1).name(withDigest(fresh)).canBePrefix(true).build());
    PitEntry mbfFresh = pit.insert(interestBuilder("/x", 1).name(withDigest(fresh)).mustBeFresh(true).build());
    assertTrue(matches(stale).isEmpty(), "MustBeFresh and FreshnessPeriod 0");
    assertEquals(Set.of(cbpFresh, mbfFresh), new HashSet<>(matches(fresh)));
    pit.erase(cbpFresh);
    pit.erase(mbfFresh);
    pit.erase(mbfStale);
    assertTrue(matches(fresh).isEmpty());
  }

  @Test
  void everyMatchingEntryIsFoundAndNoOther() {
    String[] names = {"/a", "/a/b", "/a/b/c", "/a/b/c/d", "/b", "/a/c"};
    List<PitEntry> all = new ArrayList<>();
    for (String n : names) {
      for (int flags = 0; flags < 4; flags++) {
        all.add(pit.insert(i(n, (flags & 2) != 0, (flags & 1) != 0)));
      }
    }
    Data[] datas = {data("/a/b/c"), data("/a/b/c", 0), data("/a/b/c", 10), data("/a", 10), data("/a/b/c/d/e", 10),
        data("/z", 10)};
    for (Data d : datas) {
      pit.insert(interestBuilder("/x", 1).name(withDigest(d)).build());
    }
    for (Data d : datas) {
      Set<PitEntry> expected = new HashSet<>();
      for (PitEntry e : pit.entries()) {
        if (e.interest().matches(d)) {
          expected.add(e);
        }
      }
      List<PitEntry> found = matches(d);
      assertEquals(expected.size(), found.size(), "no duplicates for " + d);
      assertEquals(expected, new HashSet<>(found), "matches of " + d);
    }
  }

  // ------------------------------------------------------------------------------------------------- records

  @Test
  void inRecordIsAddedThenRefreshed() {
    PitEntry e = pit.insert(i("/a", false, false));
    ByteBuffer t1 = token(1);
    Interest first = interestBuilder("/a", 11).lifetime(1000).build();
    InRecord r = pit.insertOrUpdateInRecord(e, f1, first, t1, 100);
    assertNotNull(r);
    assertSame(f1, r.face());
    assertEquals(11, r.nonce());
    assertEquals(100, r.lastRenewed());
    assertEquals(1100, r.expiry());
    assertSame(t1, r.pitToken());
    assertSame(first, r.interest());
    assertSame(r, e.inRecord(f1));
    assertNull(e.inRecord(f2));

    Interest second = interestBuilder("/a", 12).build();
    InRecord again = pit.insertOrUpdateInRecord(e, f1, second, null, 200);
    assertSame(r, again);
    assertEquals(1, e.inRecords().size());
    assertEquals(12, r.nonce());
    assertEquals(200 + Interest.DEFAULT_LIFETIME, r.expiry());
    assertNull(r.pitToken());
    assertEquals(1, pit.inRecordCount(f1));

    pit.insertOrUpdateInRecord(e, f2, second, null, 200);
    assertEquals(2, e.inRecords().size());
    pit.deleteInRecord(e, f1);
    assertNull(e.inRecord(f1));
    assertEquals(0, pit.inRecordCount(f1));
    assertEquals(1, pit.inRecordCount(f2));
    pit.deleteInRecord(e, f1); // absent: nothing happens
    assertEquals(1, pit.inRecordCount(f2));
  }

  @Test
  void outRecordIsAddedRefreshedAndForgetsItsNack() {
    PitEntry e = pit.insert(i("/a", false, false));
    OutRecord r = pit.insertOrUpdateOutRecord(e, f1, interestBuilder("/a", 21).lifetime(500).build(), 10);
    assertSame(f1, r.face());
    assertEquals(21, r.nonce());
    assertEquals(10, r.lastRenewed());
    assertEquals(510, r.expiry());
    assertEquals(-1, r.incomingNack());
    r.setIncomingNack(150);
    assertEquals(150, r.incomingNack());
    assertSame(r, pit.insertOrUpdateOutRecord(e, f1, interest("/a", 22), 20));
    assertEquals(1, e.outRecords().size());
    assertEquals(22, r.nonce());
    assertEquals(-1, r.incomingNack(), "a new send clears the Nack");
    assertSame(r, e.outRecord(f1));
    pit.deleteOutRecord(e, f2);
    assertEquals(1, e.outRecords().size());
    pit.deleteOutRecord(e, f1);
    assertTrue(e.outRecords().isEmpty());
  }

  @Test
  void hugeInterestLifetimeDoesNotWrapTheExpiry() {
    PitEntry e = pit.insert(i("/a", false, false));
    Interest forever = interestBuilder("/a", 1).lifetime(Long.MAX_VALUE).build();
    long now = 1_000_000;
    InRecord in = pit.insertOrUpdateInRecord(e, f1, forever, null, now);
    OutRecord out = pit.insertOrUpdateOutRecord(e, f2, forever, now);
    assertEquals(now + Pit.MAX_LIFETIME_MILLIS, in.expiry(), "in-record expiry");
    assertEquals(now + Pit.MAX_LIFETIME_MILLIS, out.expiry(), "out-record expiry");
  }

  // -------------------------------------------------------------------------------------------------- bounds

  @Test
  void perFaceQuotaRefusesAndCountsAndIsReleased() {
    Pit small = new Pit(100, 2);
    PitEntry a = small.insert(interest("/a", 1));
    PitEntry b = small.insert(interest("/b", 1));
    PitEntry c = small.insert(interest("/c", 1));
    assertNotNull(small.insertOrUpdateInRecord(a, f1, interest("/a", 1), null, 0));
    assertNotNull(small.insertOrUpdateInRecord(b, f1, interest("/b", 1), null, 0));
    assertNull(small.insertOrUpdateInRecord(c, f1, interest("/c", 1), null, 0));
    assertEquals(1, small.refusedQuota());
    assertFalse(c.hasInRecords());
    // refreshing an in-record it already has is not a new one
    assertNotNull(small.insertOrUpdateInRecord(a, f1, interest("/a", 2), null, 5));
    assertEquals(2, small.inRecordCount(f1));
    // another face has its own quota
    assertNotNull(small.insertOrUpdateInRecord(c, f2, interest("/c", 1), null, 0));
    // deleting, clearing and erasing release quota
    small.deleteInRecord(a, f1);
    assertNotNull(small.insertOrUpdateInRecord(c, f1, interest("/c", 1), null, 0));
    assertEquals(2, small.inRecordCount(f1));
    small.clearInRecords(c);
    assertEquals(1, small.inRecordCount(f1));
    assertEquals(0, small.inRecordCount(f2));
    small.erase(b);
    assertEquals(0, small.inRecordCount(f1));
    assertEquals(1, small.refusedQuota());
    // a forgotten face's counter is dropped, also the one kept at hand for the last face
    assertNotNull(small.insertOrUpdateInRecord(c, f1, interest("/c", 2), null, 0));
    small.clearInRecords(c);
    small.forgetFace(f1);
    PitEntry d = small.insert(interest("/d", 1));
    assertNotNull(small.insertOrUpdateInRecord(d, f1, interest("/d", 1), null, 0));
    assertEquals(1, small.inRecordCount(f1), "a new counter, in the map");
  }

  @Test
  void globalBoundRefusesNewEntriesAndCounts() {
    Pit small = new Pit(2, 100);
    PitEntry a = small.insert(interest("/a", 1));
    assertNotNull(small.insert(interest("/b", 1)));
    assertNull(small.insert(interest("/c", 1)));
    assertNull(small.insert(i("/a", true, false)), "another key of the same name is a new entry too");
    assertEquals(2, small.refusedFull());
    assertSame(a, small.insert(interest("/a", 7)), "an existing entry is still found");
    assertEquals(2, small.size());
    small.erase(a);
    assertNotNull(small.insert(interest("/c", 1)));
    assertEquals(2, small.refusedFull());
  }

  private boolean hasEntries(String uri) {
    Name name = Name.parse(uri);
    byte[] a = new byte[1 + name.valueLength()];
    name.copyValueTo(a, 1);
    return pit.hasEntries(a, 1, name.valueLength(), Name.hashValue(a, 1, name.valueLength()));
  }

  @Test
  void hasEntriesSeesEntriesOfAnySelectorsByTheNamesOctets() {
    assertFalse(hasEntries("/a/b"));
    PitEntry e = pit.insert(interestBuilder("/a/b", 1).canBePrefix(true).mustBeFresh(true).build());
    assertTrue(hasEntries("/a/b"));
    assertFalse(hasEntries("/a"), "a prefix");
    assertFalse(hasEntries("/a/b/c"), "a longer name");
    pit.erase(e);
    assertFalse(hasEntries("/a/b"));
  }
}
