package dev.ndnj.engine.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

/** {@link LruTier}: its exact-name table (default and sparse) and recency order, against a reference model. */
class LruTierTest {
  private static final List<Data> DATA = new ArrayList<>();

  static {
    for (int i = 0; i < 600; i++) {
      DATA.add(Data.builder(Name.parse("/t/" + i)).content(new byte[i % 7]).signWithDigestSha256());
    }
  }

  /**
   * Random adds (new names and names already there), removals, touches and evictions of the least recent entry, with
   * up to 600 entries at once: every name's entry, the recency order, the count and the weight agree with a
   * {@code LinkedHashMap} kept in recency order after every step.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 8})
  void agreesWithAnAccessOrderedMap(int sparseShift) {
    LruTier tier = new LruTier(sparseShift);
    Map<Name, LruTier.Entry> model = new LinkedHashMap<>(); // least recent first: a touch re-inserts
    Random rnd = new Random(sparseShift);
    long weight = 0;
    for (int step = 0; step < 40_000; step++) {
      Data d = DATA.get(rnd.nextInt(step < 20_000 ? DATA.size() : 60));
      LruTier.Entry there = model.get(d.name());
      int op = rnd.nextInt(10);
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
    }
    for (Data d : DATA) {
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
  void aSparseTierFindsEveryEntryByItsOctets() {
    LruTier tier = new LruTier(3);
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

  @Test
  void sparseShiftOutsideZeroToEightIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new LruTier(-1));
    assertThrows(IllegalArgumentException.class, () -> new LruTier(9));
  }
}
