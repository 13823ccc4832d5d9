package dev.ndnj.engine.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ndnj.engine.platform.Clock;
import dev.ndnj.tlv.Data;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link ContentStore} contract for {@link LruContentStore}, plus its eviction order. */
class LruContentStoreTest extends ContentStoreContractTest {
  @Override
  protected ContentStore newStore(Clock clock, long capacityBytes) {
    return new LruContentStore(clock, capacityBytes);
  }

  @Test
  void leastRecentlyUsedGoesFirst() {
    List<Data> ds = sameSize(4);
    ContentStore cs = newStore(clock, 3L * ds.get(0).wireLength());
    cs.insert(ds.get(0));
    cs.insert(ds.get(1));
    cs.insert(ds.get(2));
    assertNotNull(find(cs, exact("/cap/k1000"))); // k1000 becomes the most recent; k1001 the least
    cs.insert(ds.get(3));

    assertNull(find(cs, exact("/cap/k1001")));
    assertNotNull(find(cs, exact("/cap/k1000")));
    assertNotNull(find(cs, exact("/cap/k1002")));
    assertNotNull(find(cs, exact("/cap/k1003")));
    assertEquals(1, cs.counters().evictions());
  }

  @Test
  void canBePrefixHitCountsAsUse() {
    List<Data> ds = sameSize(3);
    ContentStore cs = newStore(clock, 2L * ds.get(0).wireLength());
    cs.insert(ds.get(0));
    cs.insert(ds.get(1));
    assertEquals("/cap/k1000", find(cs, interest("/cap", true, false)).name().toString());
    cs.insert(ds.get(2));

    assertNotNull(find(cs, exact("/cap/k1000")));
    assertNull(find(cs, exact("/cap/k1001")));
  }

  @Test
  void shrinkingKeepsTheMostRecent() {
    List<Data> ds = sameSize(5);
    ContentStore cs = newStore(clock, LARGE);
    for (Data d : ds) {
      cs.insert(d);
    }
    find(cs, exact("/cap/k1001"));
    cs.setCapacityBytes(2L * ds.get(0).wireLength());

    assertNotNull(find(cs, exact("/cap/k1001")));
    assertNotNull(find(cs, exact("/cap/k1004")));
    assertEquals(2, cs.size());
  }

  @Test
  void replacedEntryBecomesTheMostRecent() {
    List<Data> ds = sameSize(3);
    ContentStore cs = newStore(clock, 2L * ds.get(0).wireLength());
    cs.insert(ds.get(0));
    cs.insert(ds.get(1));
    cs.insert(data("/cap/k1000")); // replaces, now most recent
    cs.insert(ds.get(2));

    assertNotNull(find(cs, exact("/cap/k1000")));
    assertNull(find(cs, exact("/cap/k1001")));
  }
}
