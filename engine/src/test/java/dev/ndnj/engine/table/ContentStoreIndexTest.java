package dev.ndnj.engine.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.SignatureInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link ContentStoreIndex} answers ordered queries exactly as a sorted set of the same entries would, whatever mix
 * of pending (not yet ordered) and ordered entries it holds, and whichever way it orders them (one by one or by
 * merging).
 */
class ContentStoreIndexTest {
  private static ContentStoreEntry entry(String name, long freshness) {
    Data d = Data.builder(Name.parse(name)).freshnessPeriod(freshness).content(new byte[] {1})
        .build(SignatureInfo.builder(0).build(), new byte[32]);
    return new ContentStoreEntry(d, 0);
  }

  private static ContentStoreKey key(String name) {
    return new ContentStoreKey(Name.parse(name));
  }

  @Test
  void addsStayPendingUntilAnOrderedQuery() {
    ContentStoreIndex<ContentStoreEntry> index = new ContentStoreIndex<>();
    ContentStoreEntry b = entry("/a/b", 1000);
    ContentStoreEntry a = entry("/a", 1000);
    ContentStoreEntry c = entry("/a/c", 1000);
    index.add(b);
    index.add(a);
    index.add(c);
    assertEquals(3, index.pendingSize());
    assertEquals(3, index.size());
    assertTrue(index.remove(a));
    assertFalse(index.remove(a), "removed twice");
    assertEquals(2, index.pendingSize());
    assertSame(b, index.firstMatch(key("/a"), false, 0));
    assertEquals(0, index.pendingSize(), "the query ordered them");
    assertEquals(List.of(b, c), index.under(key("/a"), 10));
    assertTrue(index.remove(b));
    assertSame(c, index.firstMatch(key("/a"), false, 0));
    assertEquals(1, index.size());
  }

  @Test
  void firstMatchSkipsStaleEntriesWhenMustBeFresh() {
    ContentStoreIndex<ContentStoreEntry> index = new ContentStoreIndex<>();
    ContentStoreEntry stale = entry("/x/1", 0);
    ContentStoreEntry fresh = entry("/x/2", 10_000);
    index.add(fresh);
    index.add(stale);
    assertSame(stale, index.firstMatch(key("/x"), false, 5));
    assertSame(fresh, index.firstMatch(key("/x"), true, 5));
    assertNull(index.firstMatch(key("/x"), true, 20_000));
    assertNull(index.firstMatch(key("/y"), false, 5));
  }

  @Test
  void anEntryCannotBeAddedTwiceAndTwoOfOneNameAreRefusedWhenOrdered() {
    ContentStoreIndex<ContentStoreEntry> index = new ContentStoreIndex<>();
    ContentStoreEntry a = entry("/a", 1000);
    index.add(a);
    assertThrows(IllegalStateException.class, () -> index.add(a));
    index.add(entry("/a", 1000));
    assertThrows(IllegalStateException.class, () -> index.firstMatch(key("/a"), false, 0));
  }

  /** Random adds, removes and queries against a TreeSet, with small and large pending batches (both order paths). */
  @Test
  void agreesWithASortedSetUnderRandomTraffic() {
    Random rnd = new Random(11);
    ContentStoreIndex<ContentStoreEntry> index = new ContentStoreIndex<>();
    TreeSet<ContentStoreKey> model = new TreeSet<>(ContentStoreKey::compare);
    List<ContentStoreEntry> live = new ArrayList<>();
    for (int round = 0; round < 40_000; round++) {
      int op = rnd.nextInt(100);
      // phases: some with queries every few operations (few pending, inserted one by one), some with long runs of
      // inserts (many pending, merged)
      int queryEvery = (round / 5000) % 2 == 0 ? 7 : 3000;
      if (op < 55 || live.isEmpty()) {
        String name = "/p" + rnd.nextInt(8) + "/q" + rnd.nextInt(30) + (rnd.nextBoolean() ? "/r" + rnd.nextInt(50) : "");
        ContentStoreEntry e = entry(name, rnd.nextInt(3) * 1000);
        if (model.add(e)) {
          index.add(e);
          live.add(e);
        }
      } else {
        ContentStoreEntry e = live.remove(rnd.nextInt(live.size()));
        assertTrue(model.remove(e));
        assertTrue(index.remove(e));
      }
      if (round % queryEvery == 0) {
        String p = "/p" + rnd.nextInt(8) + (rnd.nextBoolean() ? "/q" + rnd.nextInt(30) : "");
        ContentStoreKey prefix = key(p);
        boolean mustBeFresh = rnd.nextBoolean();
        long now = rnd.nextInt(2500);
        ContentStoreEntry expected = null;
        for (ContentStoreKey k : model.tailSet(prefix, true)) {
          ContentStoreEntry e = (ContentStoreEntry) k;
          if (!prefix.isPrefixOf(e)) {
            break;
          }
          if (e.satisfies(mustBeFresh, now)) {
            expected = e;
            break;
          }
        }
        assertSame(expected, index.firstMatch(prefix, mustBeFresh, now), p);
        List<ContentStoreEntry> under = new ArrayList<>();
        for (ContentStoreKey k : model.tailSet(prefix, true)) {
          ContentStoreEntry e = (ContentStoreEntry) k;
          if (!prefix.isPrefixOf(e) || under.size() == 5) {
            break;
          }
          under.add(e);
        }
        assertEquals(under, index.under(prefix, 5), p);
      }
      assertEquals(model.size(), index.size());
    }
  }
}
