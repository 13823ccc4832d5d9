package dev.ndnj.engine.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link LruTier}: its exact-name table (sparse while small, 3/4 full when large) and recency order. */
class LruTierTest {
  /** 12,000 Data: more than the 8,192 entries below which the table keeps 8 slots per entry. */
  private static final List<Data> DATA = new ArrayList<>();

  static {
    for (int i = 0; i < 12_000; i++) {
      DATA.add(Data.builder(Name.parse("/t/" + i)).content(new byte[i % 7]).signWithDigestSha256());
    }
  }

  /**
   * Random adds (new names and names already there), removals, touches and evictions of the least recent entry over
   * {@code names} names (600: the table stays sparse; 12,000: it passes 65,536 slots and fills to 3/4): every name's
   * entry, the recency order, the count and the weight agree with a {@code LinkedHashMap} kept in recency order.
   */
  @ParameterizedTest
  @ValueSource(ints = {600, 12_000})
  void agreesWithARecencyOrderedMap(int names) {
    LruTier tier = new LruTier();
    Map<Name, LruTier.Entry> model = new LinkedHashMap<>(); // least recent first: a touch re-inserts
    Random rnd = new Random(names);
    long weight = 0;
    int steps = 8 * names;
    for (int step = 0; step < steps; step++) {
      // first mostly adds over all the names (the table grows), then every operation over a few (it empties)
      Data d = DATA.get(rnd.nextInt(step < steps / 2 ? names : 60));
      LruTier.Entry there = model.get(d.name());
      int op = step >= steps / 2 ? rnd.nextInt(10) : rnd.nextInt(10) < 9 ? 0 : 7; // first half: adds, touches
      if (op < 5) {
        LruTier.Entry e = new LruTier.Entry(d, 0);
        LruTier.Entry old = tier.add(e);
        assertSame(there, old, "the entry the add replaced");
        if (old != null) {
          weight -= old.weight();
        }
        model.remove(d.name());
        model.put(d.name(), e);
        weight += e.weight();
      } else if (op < 7) {
        if (there != null) {
          tier.remove(there);
          model.remove(d.name());
          weight -= there.weight();
        }
      } else if (op < 8) {
        if (there != null) {
          tier.touch(there);
          model.remove(d.name());
          model.put(d.name(), there);
        }
      } else {
        LruTier.Entry lru = tier.leastRecent();
        Iterator<LruTier.Entry> it = model.values().iterator();
        assertSame(it.hasNext() ? it.next() : null, lru, "least recent");
        if (lru != null) {
          tier.remove(lru);
          it.remove();
          weight -= lru.weight();
        }
      }
      assertEquals(model.size(), tier.size());
      assertEquals(weight, tier.sizeBytes());
      if (step == steps / 2 && names > NameTable.SPARSE_BELOW_SLOTS >> NameTable.SPARSE_SHIFT) {
        assertTrue(tier.size() > NameTable.SPARSE_BELOW_SLOTS >> NameTable.SPARSE_SHIFT, "the table grew past 65,536");
      }
    }
    for (Data d : DATA.subList(0, names)) {
      assertSame(model.get(d.name()), tier.get(new ContentStoreKey(d.name())), d.name().toString());
    }
    List<LruTier.Entry> order = new ArrayList<>();
    for (LruTier.Entry e = tier.leastRecent(); e != null; e = tier.leastRecent()) {
      order.add(e);
      tier.remove(e);
    }
    assertEquals(new ArrayList<>(model.values()), order);
  }

  @Test
  void everyEntryIsFoundByItsOctets() {
    LruTier tier = new LruTier();
    for (Data d : DATA) {
      tier.add(new LruTier.Entry(d, 0));
    }
    for (Data d : DATA) {
      Name n = d.name();
      byte[] a = new byte[n.valueLength() + 2];
      n.copyValueTo(a, 2);
      assertEquals(n, tier.get(a, 2, n.valueLength(), Name.hashValue(a, 2, n.valueLength())).name());
    }
    assertNull(tier.get(new ContentStoreKey(Name.parse("/t/absent"))));
  }
}
