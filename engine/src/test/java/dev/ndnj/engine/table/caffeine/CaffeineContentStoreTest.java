package dev.ndnj.engine.table.caffeine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.platform.Clock;
import dev.ndnj.engine.table.ContentStore;
import dev.ndnj.engine.table.ContentStoreContractTest;
import dev.ndnj.engine.table.LruContentStore;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The {@link ContentStore} contract for {@link CaffeineContentStore}, plus what W-TinyLFU is for and what its front
 * tier does (in a store of {@link CaffeineContentStore#MIN_CAPACITY_WITH_FRONT} bytes, whose front holds 8 of the
 * 1 KB Data these tests use and whose cache about 500).
 */
class CaffeineContentStoreTest extends ContentStoreContractTest {
  @Override
  protected ContentStore newStore(Clock clock, long capacityBytes) {
    return new CaffeineContentStore(clock, capacityBytes);
  }

  /**
   * The same sequence against both stores: 100 Data fill the store, one of them is asked for 30 times, then 1000
   * one-off Data stream through (each looked up once, missed and inserted, as the forwarder does). The LRU loses the
   * popular Data to the scan; W-TinyLFU refuses to admit one-off Data in its place.
   */
  @Test
  void frequentlyHitEntrySurvivesAScanThatFlushesTheLru() {
    ContentStore caffeine = newStore(clock, 100L * data("/w/k1000").wireLength());
    ContentStore lru = new LruContentStore(clock, caffeine.capacityBytes());
    for (ContentStore cs : new ContentStore[] {caffeine, lru}) {
      for (int i = 0; i < 100; i++) {
        cs.insert(data("/w/k" + (1000 + i)));
      }
      for (int i = 0; i < 30; i++) {
        assertNotNull(find(cs, exact("/w/k1042")));
      }
      for (int i = 0; i < 1000; i++) {
        String uri = "/scan/s" + (10000 + i);
        assertNull(find(cs, exact(uri)));
        cs.insert(data(uri));
      }
    }

    assertNull(find(lru, exact("/w/k1042")), "the LRU evicted it");
    assertNotNull(find(caffeine, exact("/w/k1042")), "W-TinyLFU kept it");
    assertTrue(caffeine.sizeBytes() <= caffeine.capacityBytes());
    assertEquals(caffeine.counters().inserts() - caffeine.size(), caffeine.counters().evictions());
  }

  @Test
  void refusedNewDataLeavesNoTraceInTheOrderedIndex() {
    Data probe = data("/w/k1000");
    ContentStore cs = newStore(clock, 20L * probe.wireLength());
    for (int i = 0; i < 20; i++) {
      cs.insert(data("/w/k" + (1000 + i)));
    }
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < 20; i++) {
        find(cs, exact("/w/k" + (1000 + i)));
      }
    }
    for (int i = 0; i < 200; i++) {
      cs.insert(data("/x/k" + (1000 + i)));
    }

    int underX = cs.erase(Name.parse("/x"), Integer.MAX_VALUE);
    int underW = cs.erase(Name.parse("/w"), Integer.MAX_VALUE);
    assertEquals(0, cs.size(), "every live entry was in the ordered index");
    assertEquals(0, cs.sizeBytes());
    assertEquals(220, underX + underW + cs.counters().evictions());
  }

  // ---- the front tier

  private static final long TIERED = CaffeineContentStore.MIN_CAPACITY_WITH_FRONT;

  /** A Data of about 1 KB named {@code uri}, fresh for {@code freshnessMillis}. */
  private static Data kb(String uri, long freshnessMillis) {
    return data(uri, freshnessMillis, 1000);
  }

  private static Data kb(String uri) {
    return kb(uri, 10_000);
  }

  /** Inserts {@code n} one-off Data named {@code /<prefix>/kNNNN}, each looked up first as the forwarder does. */
  private static void stream(ContentStore cs, String prefix, int n) {
    for (int i = 0; i < n; i++) {
      String uri = "/" + prefix + "/k" + (1000 + i);
      assertNull(find(cs, exact(uri)));
      cs.insert(kb(uri));
    }
  }

  private static int found(ContentStore cs, String prefix, int n) {
    int found = 0;
    for (int i = 0; i < n; i++) {
      if (cs.find(exact("/" + prefix + "/k" + (1000 + i))) != null) {
        found++;
      }
    }
    return found;
  }

  @Test
  void aStoreWithRoomKeepsEverythingThroughTheFront() {
    ContentStore cs = newStore(clock, TIERED);
    stream(cs, "a", 300); // about 320 KB: more than the front, less than the store

    assertEquals(300, cs.size());
    assertEquals(300, found(cs, "a", 300));
    assertEquals(0, cs.counters().evictions());
  }

  @Test
  void oneOffDataPassThroughTheFrontWithoutTouchingWhatTheCacheHolds() {
    ContentStore cs = newStore(clock, TIERED);
    stream(cs, "fill", 600); // fills the cache, then the front
    assertTrue(cs.sizeBytes() <= cs.capacityBytes());
    int heldBefore = cs.size();

    stream(cs, "scan", 1000);

    assertTrue(cs.sizeBytes() <= cs.capacityBytes());
    int fillKept = found(cs, "fill", 600);
    // at most the front's 8 and the Data a doorkeeper false positive or the admission let in may go
    assertTrue(fillKept >= heldBefore - 8 - 60, "kept " + fillKept + " of " + heldBefore);
    assertTrue(found(cs, "scan", 1000) <= 8 + 60, "the scan stays in the front");
    assertEquals(cs.counters().inserts() - cs.size(), cs.counters().evictions());
  }

  /** In a large store the front is 128 KiB, not 1/64 of the capacity: a scan keeps only its last 120 or so. */
  @Test
  void theFrontOfALargeStoreHolds128KiB() {
    ContentStore cs = newStore(clock, 32L << 20); // 1/64 would be 512 KiB
    stream(cs, "fill", 34_000); // more than the store holds
    stream(cs, "scan", 2_000);

    int scanKept = found(cs, "scan", 2_000);
    int frontHolds = (int) (CaffeineContentStore.MAX_FRONT_BYTES / kb("/scan/k1000").wireLength());
    assertTrue(scanKept >= frontHolds - 5 && scanKept <= frontHolds + 30, "kept " + scanKept + " of the scan");
    assertTrue(cs.sizeBytes() <= cs.capacityBytes());
  }

  @Test
  void aHitInTheFrontMovesTheDataToTheCache() {
    ContentStore cs = newStore(clock, TIERED);
    stream(cs, "fill", 600);
    cs.insert(kb("/hot/x"));
    cs.insert(kb("/cold/y"));
    assertNotNull(find(cs, exact("/hot/x")));

    stream(cs, "scan", 100); // pushes everything out of the front

    assertNull(find(cs, exact("/cold/y")), "evicted from the front");
    assertNotNull(find(cs, exact("/hot/x")), "moved to the cache by its hit");
  }

  @Test
  void aNameInsertedAgainBypassesTheFront() {
    ContentStore cs = newStore(clock, TIERED);
    stream(cs, "fill", 600);
    cs.insert(kb("/again/z"));
    stream(cs, "scan", 20);
    assertNull(find(cs, exact("/again/z")), "evicted from the front");

    cs.insert(kb("/again/z")); // the doorkeeper saw the name: straight to the cache
    stream(cs, "scan2", 8); // as much as the front holds

    assertNotNull(find(cs, exact("/again/z")));
  }

  @Test
  void aDataMovedToTheCacheKeepsItsInsertionTime() {
    ContentStore cs = newStore(clock, TIERED);
    cs.insert(kb("/f/x", 1000));
    clock.advance(600);
    assertNotNull(find(cs, interest("/f/x", false, true)), "fresh, and moved to the cache by the hit");
    stream(cs, "scan", 20);
    clock.advance(600);

    assertNull(find(cs, interest("/f/x", false, true)), "stale 1,000 ms after its insertion, not its move");
    assertNotNull(find(cs, exact("/f/x")));
  }

  @Test
  void canBePrefixAndEraseSeeBothTiersInCanonicalOrder() {
    ContentStore cs = newStore(clock, TIERED);
    cs.insert(kb("/p/b"));
    assertNotNull(find(cs, exact("/p/b"))); // now in the cache
    cs.insert(kb("/p/a")); // in the front
    cs.insert(kb("/p/c")); // in the front

    assertEquals(Name.parse("/p/a"), find(cs, interest("/p", true, false)).name());
    assertEquals(1, cs.erase(Name.parse("/p/a"), 1));
    assertEquals(Name.parse("/p/b"), find(cs, interest("/p", true, false)).name());
    assertEquals(2, cs.erase(Name.parse("/p"), 10));
    assertEquals(0, cs.size());
    assertEquals(0, cs.sizeBytes());
  }

  @Test
  void replacingADataInEitherTierLeavesOneEntry() {
    ContentStore cs = newStore(clock, TIERED);
    cs.insert(kb("/r/front"));
    cs.insert(kb("/r/cache"));
    assertNotNull(find(cs, exact("/r/cache")));
    Data newFront = data("/r/front", 10_000, 900);
    Data newCache = data("/r/cache", 10_000, 800);

    cs.insert(newFront);
    cs.insert(newCache);

    assertEquals(2, cs.size());
    assertEquals(newFront.wireLength() + newCache.wireLength(), cs.sizeBytes());
    assertEquals(newFront, find(cs, exact("/r/front")));
    assertEquals(newCache, find(cs, exact("/r/cache")));
    assertEquals(2, cs.erase(Name.parse("/r"), 10));
  }

  /**
   * Random inserts (sizes up to 8,800 octets, names reused), lookups of all kinds, erases and time passing: the two
   * tiers and the ordered index stay one store (every entry counted is findable, erase finds them all, the capacity
   * holds, the counters add up).
   */
  @Test
  void tiersStayConsistentUnderRandomTraffic() {
    Random r = new Random(11);
    ContentStore cs = newStore(clock, TIERED);
    for (int step = 0; step < 30_000; step++) {
      int dice = r.nextInt(100);
      String uri = "/t/" + r.nextInt(20) + "/" + r.nextInt(60);
      if (dice < 45) {
        int size = r.nextInt(10) == 0 ? r.nextInt(8800) : r.nextInt(1500);
        cs.insert(data(uri, r.nextInt(3) * 50, size));
      } else if (dice < 93) {
        find(cs, interest(uri, r.nextBoolean(), r.nextBoolean()));
      } else if (dice < 94) {
        cs.erase(Name.parse("/t/" + r.nextInt(20)), r.nextInt(30));
      } else {
        clock.advance(r.nextInt(40));
      }
      if (step % 1000 == 999) {
        assertTrue(cs.sizeBytes() <= cs.capacityBytes(), "step " + step);
        // lookups move front entries to the cache, which may evict others: count what they evict
        int before = cs.size();
        long evictedBefore = cs.counters().evictions();
        int findable = 0;
        for (int a = 0; a < 20; a++) {
          for (int b = 0; b < 60; b++) {
            if (cs.find(exact("/t/" + a + "/" + b)) != null) {
              findable++;
            }
          }
        }
        int after = cs.size();
        assertEquals(before - (cs.counters().evictions() - evictedBefore), after, "step " + step);
        assertTrue(findable >= after && findable <= before, "step " + step + ": " + findable + " findable of "
            + before + " then " + after);
      }
    }
    int size = cs.size();
    assertTrue(size > 100, "size " + size);
    assertTrue(cs.counters().evictions() > 1000, "evictions " + cs.counters().evictions());
    assertEquals(size, cs.erase(Name.parse("/t"), Integer.MAX_VALUE));
    assertEquals(0, cs.size());
    assertEquals(0, cs.sizeBytes());
  }
}
