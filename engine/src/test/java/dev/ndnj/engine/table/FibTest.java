package dev.ndnj.engine.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.face.PacketReceiver;
import dev.ndnj.engine.testing.TestFace;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FibTest {
  private static final PacketReceiver IGNORE = new PacketReceiver() {
    @Override
    public void onInterest(Face face, Interest interest, ByteBuffer pitToken, long nextHopFaceId) {}

    @Override
    public void onData(Face face, Data data, ByteBuffer pitToken) {}

    @Override
    public void onNack(Face face, Interest interest, int reason, ByteBuffer pitToken) {}
  };

  private final FaceTable faces = new FaceTable(IGNORE);
  private final Face f1 = TestFace.add(faces, FaceScope.NON_LOCAL, LinkType.POINT_TO_POINT).face();
  private final Face f2 = TestFace.add(faces, FaceScope.NON_LOCAL, LinkType.POINT_TO_POINT).face();
  private final Face f3 = TestFace.add(faces, FaceScope.NON_LOCAL, LinkType.POINT_TO_POINT).face();
  private final Fib fib = new Fib();

  private static Name n(String uri) {
    return Name.parse(uri);
  }

  private static List<Face> faces(FibEntry e) {
    List<Face> out = new ArrayList<>();
    for (NextHop nh : e.nextHops()) {
      out.add(nh.face());
    }
    return out;
  }

  @Test
  void noEntryGivesAnEmptyEntryNotNull() {
    FibEntry e = fib.findLongestPrefixMatch(n("/a/b"));
    assertNotNull(e);
    assertFalse(e.hasNextHops());
    assertTrue(e.nextHops().isEmpty());
    assertNull(fib.findExactMatch(n("/a/b")));
    assertEquals(0, fib.size());
  }

  @Test
  void longestPrefixMatchIncludingTheRoot() {
    fib.addOrUpdateNextHop(Name.ROOT, f1, 0);
    fib.addOrUpdateNextHop(n("/a"), f2, 0);
    fib.addOrUpdateNextHop(n("/a/b/c"), f3, 0);
    assertEquals(n("/a/b/c"), fib.findLongestPrefixMatch(n("/a/b/c/d")).prefix());
    assertEquals(n("/a/b/c"), fib.findLongestPrefixMatch(n("/a/b/c")).prefix());
    assertEquals(n("/a"), fib.findLongestPrefixMatch(n("/a/b")).prefix());
    assertEquals(n("/a"), fib.findLongestPrefixMatch(n("/a/bc")).prefix());
    assertEquals(Name.ROOT, fib.findLongestPrefixMatch(n("/b")).prefix());
    assertEquals(List.of(f1), faces(fib.findLongestPrefixMatch(n("/zzz/y/x/w"))));
    assertSame(fib.findExactMatch(n("/a")), fib.findLongestPrefixMatch(n("/a/x")));
    assertEquals(3, fib.size());
  }

  @Test
  void nextHopsAreSortedByCostThenFaceId() {
    fib.addOrUpdateNextHop(n("/a"), f3, 10);
    fib.addOrUpdateNextHop(n("/a"), f1, 20);
    fib.addOrUpdateNextHop(n("/a"), f2, 10);
    FibEntry e = fib.findExactMatch(n("/a"));
    assertEquals(List.of(f2, f3, f1), faces(e));
    assertEquals(10, e.nextHops().get(0).cost());
    // updating a cost moves the next hop, never duplicates it
    fib.addOrUpdateNextHop(n("/a"), f1, 5);
    assertEquals(List.of(f1, f2, f3), faces(e));
    fib.addOrUpdateNextHop(n("/a"), f2, 30);
    assertEquals(List.of(f1, f3, f2), faces(e));
    assertEquals(3, e.nextHops().size());
    assertThrows(UnsupportedOperationException.class, () -> e.nextHops().clear());
  }

  @Test
  void negativeCostIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> fib.addOrUpdateNextHop(n("/a"), f1, -1));
  }

  @Test
  void removingTheLastNextHopRemovesTheEntry() {
    fib.addOrUpdateNextHop(n("/a"), f1, 1);
    fib.addOrUpdateNextHop(n("/a"), f2, 2);
    assertTrue(fib.removeNextHop(n("/a"), f1));
    assertFalse(fib.removeNextHop(n("/a"), f1));
    assertEquals(List.of(f2), faces(fib.findExactMatch(n("/a"))));
    assertTrue(fib.removeNextHop(n("/a"), f2));
    assertNull(fib.findExactMatch(n("/a")));
    assertEquals(0, fib.size());
    assertFalse(fib.removeNextHop(n("/nothing"), f1));
  }

  @Test
  void removeFaceTakesItOutOfEveryEntry() {
    fib.addOrUpdateNextHop(Name.ROOT, f1, 0);
    fib.addOrUpdateNextHop(n("/a"), f1, 0);
    fib.addOrUpdateNextHop(n("/a"), f2, 1);
    fib.addOrUpdateNextHop(n("/b"), f1, 0);
    fib.addOrUpdateNextHop(n("/c"), f3, 0);
    assertEquals(3, fib.removeFace(f1));
    assertNull(fib.findExactMatch(Name.ROOT));
    assertNull(fib.findExactMatch(n("/b")));
    assertEquals(List.of(f2), faces(fib.findExactMatch(n("/a"))));
    assertEquals(List.of(f3), faces(fib.findExactMatch(n("/c"))));
    assertEquals(2, fib.size());
    assertFalse(fib.findLongestPrefixMatch(n("/b/x")).hasNextHops());
    assertEquals(0, fib.removeFace(f1));
  }

  @Test
  void entriesListsEveryPrefix() {
    fib.addOrUpdateNextHop(n("/a"), f1, 0);
    fib.addOrUpdateNextHop(n("/b/c"), f2, 0);
    List<Name> prefixes = new ArrayList<>();
    for (FibEntry e : fib.entries()) {
      prefixes.add(e.prefix());
    }
    prefixes.sort(null);
    assertEquals(List.of(n("/a"), n("/b/c")), prefixes);
  }
}
