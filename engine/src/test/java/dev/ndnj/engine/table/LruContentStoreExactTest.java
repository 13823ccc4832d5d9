package dev.ndnj.engine.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LruContentStore#findExact}, the lookup by a name's octets that the forwarder's Content Store short path makes,
 * and the store's own exact-name hash table under it.
 */
class LruContentStoreExactTest {
  private final ManualClock clock = new ManualClock();

  private static Data data(Name name, long freshness, int contentLength) {
    return Data.builder(name).freshnessPeriod(freshness).content(new byte[contentLength]).signWithDigestSha256();
  }

  /** {@code findExact} of {@code name} given as octets at an offset in a larger array. */
  private static Data findExact(ContentStore cs, Name name, boolean mustBeFresh) {
    byte[] a = new byte[3 + name.valueLength()];
    name.copyValueTo(a, 3);
    return cs.findExact(a, 3, name.valueLength(), Name.hashValue(a, 3, name.valueLength()), mustBeFresh);
  }

  private static Interest exact(Name name, boolean mustBeFresh) {
    return Interest.builder(name).mustBeFresh(mustBeFresh).nonce(1).build();
  }

  @Test
  void hitIsCountedAndMakesTheEntryTheMostRecent() {
    Data a = data(Name.parse("/a"), 0, 100);
    Data b = data(Name.parse("/b"), 0, 100);
    LruContentStore cs = new LruContentStore(clock, 2L * a.wireLength());
    cs.insert(a);
    cs.insert(b);
    assertSame(a, findExact(cs, a.name(), false));
    assertEquals(1, cs.counters().hits());
    cs.insert(data(Name.parse("/c"), 0, 100)); // evicts the least recent: /b, since /a was used
    assertNull(cs.find(exact(Name.parse("/b"), false)));
    assertNotNull(cs.find(exact(Name.parse("/a"), false)));
  }

  @Test
  void nothingFoundChangesAndCountsNothing() {
    Data a = data(Name.parse("/a"), 50, 100);
    Data b = data(Name.parse("/b"), 0, 100);
    LruContentStore cs = new LruContentStore(clock, 2L * a.wireLength());
    assertNull(findExact(cs, a.name(), false), "empty");
    cs.insert(a);
    cs.insert(b);
    assertNull(findExact(cs, Name.parse("/x"), false), "absent");
    assertNull(findExact(cs, Name.parse("/a/b"), false), "longer name");
    assertNull(findExact(cs, Name.ROOT, false), "a prefix");
    assertNull(findExact(cs, b.name(), true), "never fresh");
    clock.advance(50);
    assertNull(findExact(cs, a.name(), true), "stale");
    cs.setServeEnabled(false);
    assertNull(findExact(cs, a.name(), false), "not serving");
    assertEquals(0, cs.counters().hits());
    assertEquals(0, cs.counters().misses());
    cs.insert(data(Name.parse("/c"), 0, 100)); // /a is still the least recent
    assertEquals(2, cs.size());
    cs.setServeEnabled(true);
    assertNull(cs.find(exact(a.name(), false)));
  }

  @Test
  void freshDataAnswersMustBeFreshUntilItsPeriodEnds() {
    LruContentStore cs = new LruContentStore(clock, 1 << 20);
    Data a = data(Name.parse("/a"), 50, 10);
    cs.insert(a);
    clock.advance(49);
    assertSame(a, findExact(cs, a.name(), true));
    clock.advance(1);
    assertNull(findExact(cs, a.name(), true));
    assertSame(a, findExact(cs, a.name(), false));
  }

  @Test
  void findExactAgreesWithFindThroughInsertsReplacementsEvictionsAndErases() {
    Random r = new Random(11);
    Name[] names = new Name[300];
    for (int i = 0; i < names.length; i++) {
      names[i] = Name.parse("/n/" + (i % 17) + "/" + i);
    }
    // the same operations on two stores; lookups through find on one, through findExact (then find) on the other
    LruContentStore general = new LruContentStore(clock, 40_000);
    LruContentStore octets = new LruContentStore(clock, 40_000);
    for (int step = 0; step < 20_000; step++) {
      int dice = r.nextInt(100);
      Name name = names[r.nextInt(names.length)];
      if (dice < 40) {
        Data d = data(name, r.nextInt(3) * 40, r.nextInt(400));
        general.insert(d);
        octets.insert(d);
      } else if (dice < 90) {
        boolean mustBeFresh = r.nextBoolean();
        Data g = general.find(exact(name, mustBeFresh));
        Data o = findExact(octets, name, mustBeFresh);
        if (o == null) {
          o = octets.find(exact(name, mustBeFresh));
        }
        assertSame(g, o, "step " + step + " " + name);
      } else if (dice < 93) {
        Name prefix = Name.parse("/n/" + r.nextInt(17));
        int limit = r.nextInt(20);
        assertEquals(general.erase(prefix, limit), octets.erase(prefix, limit));
      } else if (dice < 95) {
        long capacity = 10_000 + r.nextInt(40_000);
        general.setCapacityBytes(capacity);
        octets.setCapacityBytes(capacity);
      } else {
        clock.advance(r.nextInt(50));
      }
      assertEquals(general.size(), octets.size());
      assertEquals(general.sizeBytes(), octets.sizeBytes());
      assertEquals(general.counters().hits(), octets.counters().hits());
      assertEquals(general.counters().misses(), octets.counters().misses());
      assertEquals(general.counters().evictions(), octets.counters().evictions());
    }
    for (Name n : names) {
      assertSame(general.find(exact(n, false)), octets.find(exact(n, false)), n.toString());
    }
  }
}
