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
import org.junit.jupiter.api.Test;

/** The {@link ContentStore} contract for {@link CaffeineContentStore}, plus what W-TinyLFU is for. */
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
}
