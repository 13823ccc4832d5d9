package dev.ndnj.engine.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.platform.Clock;
import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ContentStore} must have. A subclass per implementation supplies {@link #newStore}; the
 * same tests then run against it. Implementation-specific eviction order is tested in the subclasses.
 */
public abstract class ContentStoreContractTest {
  /** Plenty of room: no test that uses it fills it. */
  protected static final long LARGE = 1 << 20;

  protected ManualClock clock;

  /** A new, empty store of the implementation under test. */
  protected abstract ContentStore newStore(Clock clock, long capacityBytes);

  @BeforeEach
  void newClock() {
    clock = new ManualClock();
  }

  // ---- helpers

  /** A Data named {@code uri} with {@code contentLength} octets of content and the given FreshnessPeriod. */
  protected static Data data(String uri, long freshnessMillis, int contentLength) {
    byte[] content = new byte[contentLength];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (uri.hashCode() + i);
    }
    Data.Builder b = Data.builder(Name.parse(uri)).content(content);
    if (freshnessMillis > 0) {
      b.freshnessPeriod(freshnessMillis);
    }
    return b.signWithDigestSha256();
  }

  /** A Data named {@code uri}, fresh for 10 s, 100 octets of content. */
  protected static Data data(String uri) {
    return data(uri, 10_000, 100);
  }

  protected static Interest interest(String uri, boolean canBePrefix, boolean mustBeFresh) {
    return interest(Name.parse(uri), canBePrefix, mustBeFresh);
  }

  protected static Interest interest(Name name, boolean canBePrefix, boolean mustBeFresh) {
    return Interest.builder(name).canBePrefix(canBePrefix).mustBeFresh(mustBeFresh).nonce(1).build();
  }

  protected static Interest exact(String uri) {
    return interest(uri, false, false);
  }

  /** {@code cs.find(interest)}, checking that whatever it returns does satisfy the Interest. */
  protected static Data find(ContentStore cs, Interest interest) {
    Data d = cs.find(interest);
    if (d != null) {
      // Interest.matches knows FreshnessPeriod but not the insertion time: check freshness separately.
      Interest relaxed = interest.mustBeFresh() ? interest(interest.name(), interest.canBePrefix(), false) : interest;
      assertTrue(relaxed.matches(d), () -> interest + " answered by " + d.name());
    }
    return d;
  }

  /** {@code n} Data of identical wire length, named {@code /cap/kNNN}, inserted in order. */
  protected static List<Data> sameSize(int n) {
    List<Data> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(data("/cap/k" + (1000 + i)));
    }
    for (Data d : out) {
      assertEquals(out.get(0).wireLength(), d.wireLength());
    }
    return out;
  }

  // ---- matching

  @Test
  void exactNameFindsTheStoredData() {
    ContentStore cs = newStore(clock, LARGE);
    Data d = data("/ndn/edu/ucla/video/v=3/seg=0");
    cs.insert(d);

    assertSame(d, find(cs, exact("/ndn/edu/ucla/video/v=3/seg=0")));
    assertNull(find(cs, exact("/ndn/edu/ucla/video/v=3/seg=1")));
    assertNull(find(cs, exact("/ndn/edu/ucla/video/v=3")));
  }

  /** A prefetch hint, of a stored name or not, changes nothing that the store answers or counts. */
  @Test
  void prefetchChangesNothing() {
    ContentStore cs = newStore(clock, LARGE);
    Data d = data("/p/stored");
    cs.insert(d);
    long hits = cs.counters().hits();
    long misses = cs.counters().misses();
    long inserts = cs.counters().inserts();

    cs.prefetch(d.name());
    cs.prefetch(Name.parse("/p/absent"));
    cs.prefetch(Name.ROOT);

    assertEquals(1, cs.size());
    assertEquals(d.wireLength(), cs.sizeBytes());
    assertEquals(hits, cs.counters().hits());
    assertEquals(misses, cs.counters().misses());
    assertEquals(inserts, cs.counters().inserts());
    assertSame(d, find(cs, exact("/p/stored")));
    assertNull(find(cs, exact("/p/absent")));
  }

  @Test
  void canBePrefixReturnsTheCanonicallyFirstMatch() {
    ContentStore cs = newStore(clock, LARGE);
    // Canonical order compares TLV-TYPE, then length, then octets: seg= (type 50) after generic (type 8), and the
    // one-octet %FF before the two-octet "aa" although "aa" is smaller octet by octet.
    cs.insert(data("/a/b/seg=0"));
    cs.insert(data("/a/b/aa"));
    Data first = data("/a/b/%FF");
    cs.insert(first);
    cs.insert(data("/a/c"));
    cs.insert(data("/a/a/z"));

    assertSame(first, find(cs, interest("/a/b", true, false)));

    Data exactName = data("/a/b");
    cs.insert(exactName);
    assertSame(exactName, find(cs, interest("/a/b", true, false)), "the name itself sorts before its children");
    assertEquals("/a/a/z", find(cs, interest("/a", true, false)).name().toString());
    assertNull(find(cs, interest("/a/d", true, false)));
    assertNull(find(cs, interest("/a/b/seg=0/x", true, false)));
  }

  @Test
  void canonicalOrderHoldsForLongComponentsAndLargeTypes() {
    ContentStore cs = newStore(clock, LARGE);
    byte[] ff = new byte[252];
    java.util.Arrays.fill(ff, (byte) 0xff);
    Name base = Name.parse("/o");
    Data long300 = data(base.append(Component.generic(new byte[300])).toString(), 1000, 10);
    Data long252 = data(base.append(Component.generic(ff)).toString(), 1000, 10);
    Data type300 = data(base.append(Component.of(300, new byte[] {0})).toString(), 1000, 10);
    Data type252 = data(base.append(Component.of(252, new byte[] {(byte) 0xff, 1})).toString(), 1000, 10);
    cs.insert(type300);
    cs.insert(type252);
    cs.insert(long300);
    cs.insert(long252);

    // TLV-TYPE first (8 < 252 < 300), then TLV-LENGTH (252 < 300) across the one- and three-octet encodings.
    assertSame(long252, find(cs, interest("/o", true, false)));
    cs.erase(long252.name(), 1);
    assertSame(long300, find(cs, interest("/o", true, false)));
    cs.erase(long300.name(), 1);
    assertSame(type252, find(cs, interest("/o", true, false)));
    cs.erase(type252.name(), 1);
    assertSame(type300, find(cs, interest("/o", true, false)));
  }

  @Test
  void canBePrefixSkipsNamesThatOnlyShareOctets() {
    ContentStore cs = newStore(clock, LARGE);
    cs.insert(data("/a/bc"));
    cs.insert(data("/ab"));

    assertNull(find(cs, interest("/a/b", true, false)));
    assertNull(find(cs, interest("/a/bcd", true, false)));
  }

  @Test
  void withoutCanBePrefixLongerNamesDoNotMatch() {
    ContentStore cs = newStore(clock, LARGE);
    cs.insert(data("/a/b/c"));

    assertNull(find(cs, exact("/a/b")));
    assertNull(find(cs, interest("/a/b", false, true)));
    assertEquals(2, cs.counters().misses());
    assertEquals(0, cs.counters().hits());
  }

  // ---- freshness

  @Test
  void mustBeFreshStopsMatchingWhenFreshnessPeriodEnds() {
    ContentStore cs = newStore(clock, LARGE);
    Data d = data("/f/x", 1000, 10);
    cs.insert(d);

    assertSame(d, find(cs, interest("/f/x", false, true)));
    clock.advance(999);
    assertSame(d, find(cs, interest("/f/x", false, true)));
    clock.advance(1);
    assertNull(find(cs, interest("/f/x", false, true)), "stale at insert time + FreshnessPeriod");
    assertNull(find(cs, interest("/f", true, true)));
    assertSame(d, find(cs, exact("/f/x")), "stale Data still answer Interests without MustBeFresh");
    assertSame(d, find(cs, interest("/f", true, false)));
  }

  @Test
  void zeroFreshnessPeriodIsNeverFresh() {
    ContentStore cs = newStore(clock, LARGE);
    Data d = data("/f/zero", 0, 10);
    cs.insert(d);

    assertNull(find(cs, interest("/f/zero", false, true)));
    assertSame(d, find(cs, exact("/f/zero")));
  }

  @Test
  void canBePrefixWithMustBeFreshReturnsTheFirstFreshMatch() {
    ContentStore cs = newStore(clock, LARGE);
    Data stale = data("/p/1", 0, 10);
    Data fresh = data("/p/2", 5000, 10);
    Data later = data("/p/3", 5000, 10);
    cs.insert(later);
    cs.insert(fresh);
    cs.insert(stale);

    assertSame(stale, find(cs, interest("/p", true, false)));
    assertSame(fresh, find(cs, interest("/p", true, true)));
    clock.advance(5000);
    assertNull(find(cs, interest("/p", true, true)));
  }

  @Test
  void reinsertingRestartsFreshness() {
    ContentStore cs = newStore(clock, LARGE);
    cs.insert(data("/f/r", 1000, 10));
    clock.advance(800);
    cs.insert(data("/f/r", 1000, 10));
    clock.advance(800);

    assertEquals("/f/r", find(cs, interest("/f/r", false, true)).name().toString());
  }

  // ---- implicit digest

  @Test
  void implicitDigestMatchesExactlyTheDataWithThatFullName() {
    ContentStore cs = newStore(clock, LARGE);
    Data d = data("/d/file/seg=0", 1000, 50);
    cs.insert(d);
    Data other = data("/d/file/seg=0", 1000, 51); // same name, other content, so other digest

    assertSame(d, find(cs, interest(d.fullName(), false, false)));
    assertSame(d, find(cs, interest(d.fullName(), true, true)));
    assertNull(find(cs, interest(other.fullName(), false, false)), "digest mismatch");
    assertNull(find(cs, interest(other.fullName(), true, false)), "digest mismatch, CanBePrefix");
    assertNull(find(cs, interest(data("/d/file/seg=1").fullName(), false, false)), "no Data of that name");
    Name wrongLength = d.name().append(Component.of(1, new byte[32]));
    assertNull(find(cs, interest(wrongLength, false, false)));

    clock.advance(1000);
    assertNull(find(cs, interest(d.fullName(), false, true)), "stale with MustBeFresh");
    assertSame(d, find(cs, interest(d.fullName(), false, false)));
  }

  @Test
  void implicitDigestFollowsReplacement() {
    ContentStore cs = newStore(clock, LARGE);
    Data old = data("/d/v", 1000, 50);
    Data now = data("/d/v", 1000, 60);
    cs.insert(old);
    cs.insert(now);

    assertNull(find(cs, interest(old.fullName(), false, false)));
    assertSame(now, find(cs, interest(now.fullName(), false, false)));
  }

  // ---- replacement

  @Test
  void insertingTheSameFullNameReplacesTheEntry() {
    ContentStore cs = newStore(clock, LARGE);
    Data d = data("/r/x");
    cs.insert(d);
    cs.insert(data("/r/x"));

    assertEquals(1, cs.size());
    assertEquals(d.wireLength(), cs.sizeBytes());
    assertEquals(2, cs.counters().inserts());
    assertEquals(0, cs.counters().evictions());
  }

  @Test
  void insertingAnotherDataOfTheSameNameReplacesIt() {
    ContentStore cs = newStore(clock, LARGE);
    cs.insert(data("/r/y", 1000, 10));
    Data newer = data("/r/y", 1000, 300);
    cs.insert(newer);

    assertEquals(1, cs.size());
    assertEquals(newer.wireLength(), cs.sizeBytes());
    assertSame(newer, find(cs, exact("/r/y")));
    assertSame(newer, find(cs, interest("/r", true, false)));
    assertEquals(0, cs.counters().evictions());
  }

  // ---- capacity

  @Test
  void capacityInBytesEvicts() {
    List<Data> ds = sameSize(50);
    int w = ds.get(0).wireLength();
    ContentStore cs = newStore(clock, 10L * w + w / 2);
    for (Data d : ds) {
      cs.insert(d);
      assertTrue(cs.sizeBytes() <= cs.capacityBytes(), "within capacity after every insert");
    }

    assertEquals(10, cs.size(), "ten whole Data fit");
    assertEquals(10L * w, cs.sizeBytes());
    assertEquals(50, cs.counters().inserts());
    assertEquals(40, cs.counters().evictions());
    int found = 0;
    for (Data d : ds) {
      if (find(cs, exact(d.name().toString())) != null) {
        found++;
      }
    }
    assertEquals(10, found, "every entry counted is findable, evicted ones are not");
    assertNotNull(find(cs, interest("/cap", true, false)), "the ordered index still has entries");
  }

  @Test
  void evictedEntriesLeaveTheOrderedIndex() {
    List<Data> ds = sameSize(30);
    ContentStore cs = newStore(clock, 5L * ds.get(0).wireLength());
    for (Data d : ds) {
      cs.insert(d);
    }

    assertEquals(cs.size(), cs.erase(Name.parse("/cap"), Integer.MAX_VALUE),
        "erase by prefix walks the ordered index: it holds exactly the live entries");
    assertEquals(0, cs.size());
    assertEquals(0, cs.sizeBytes());
    assertNull(find(cs, interest("/cap", true, false)));
  }

  @Test
  void setCapacityBytesShrinksAtOnce() {
    List<Data> ds = sameSize(10);
    int w = ds.get(0).wireLength();
    ContentStore cs = newStore(clock, LARGE);
    for (Data d : ds) {
      cs.insert(d);
    }
    assertEquals(10, cs.size());

    cs.setCapacityBytes(3L * w);
    assertEquals(3L * w, cs.capacityBytes());
    assertEquals(3, cs.size());
    assertEquals(3L * w, cs.sizeBytes());
    assertEquals(7, cs.counters().evictions());

    cs.setCapacityBytes(0);
    assertEquals(0, cs.size());
    assertEquals(0, cs.sizeBytes());
    assertEquals(10, cs.counters().evictions());
    cs.insert(ds.get(0));
    assertEquals(0, cs.size(), "nothing fits in zero bytes");
  }

  @Test
  void dataLargerThanTheCapacityIsNotStored() {
    ContentStore cs = newStore(clock, 1000);
    Data small = data("/big/small", 1000, 100);
    cs.insert(small);
    Data big = data("/big/huge", 1000, 2000);
    cs.insert(big);

    assertEquals(1, cs.size());
    assertEquals(small.wireLength(), cs.sizeBytes());
    assertNull(find(cs, exact("/big/huge")));
    assertSame(small, find(cs, exact("/big/small")), "a Data that cannot fit evicts nothing");
    assertEquals(1, cs.counters().inserts());
    assertEquals(0, cs.counters().evictions());
  }

  @Test
  void negativeCapacityIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> newStore(clock, -1));
    ContentStore cs = newStore(clock, 10);
    assertThrows(IllegalArgumentException.class, () -> cs.setCapacityBytes(-5));
    assertEquals(10, cs.capacityBytes());
  }

  // ---- switches

  @Test
  void admitOffIgnoresInserts() {
    ContentStore cs = newStore(clock, LARGE);
    assertTrue(cs.admitEnabled());
    cs.setAdmitEnabled(false);
    cs.insert(data("/s/a"));

    assertEquals(0, cs.size());
    assertEquals(0, cs.counters().inserts());
    assertNull(find(cs, exact("/s/a")));
    cs.setAdmitEnabled(true);
    cs.insert(data("/s/a"));
    assertEquals(1, cs.size());
  }

  @Test
  void serveOffAnswersNothingAndCountsMisses() {
    ContentStore cs = newStore(clock, LARGE);
    Data d = data("/s/b");
    cs.insert(d);
    assertTrue(cs.serveEnabled());
    cs.setServeEnabled(false);

    assertNull(find(cs, exact("/s/b")));
    assertNull(find(cs, interest("/s", true, false)));
    assertEquals(1, cs.size(), "still stored");
    assertEquals(2, cs.counters().misses());
    assertEquals(0, cs.counters().hits());
    cs.setServeEnabled(true);
    assertSame(d, find(cs, exact("/s/b")));
  }

  // ---- erase

  @Test
  void eraseRemovesUpToLimitUnderPrefixInCanonicalOrder() {
    ContentStore cs = newStore(clock, LARGE);
    for (int i = 1; i <= 5; i++) {
      cs.insert(data("/e/a/" + i));
    }
    Data b = data("/e/b/1");
    cs.insert(b);
    Data ab = data("/e/ab"); // shares octets with /e/a but is not under it
    cs.insert(ab);
    long bytesBefore = cs.sizeBytes();

    assertEquals(2, cs.erase(Name.parse("/e/a"), 2));
    assertNull(find(cs, exact("/e/a/1")));
    assertNull(find(cs, exact("/e/a/2")));
    assertEquals("/e/a/3", find(cs, interest("/e/a", true, false)).name().toString());
    assertEquals(5, cs.size());
    assertEquals(bytesBefore - 2L * b.wireLength(), cs.sizeBytes());

    assertEquals(0, cs.erase(Name.parse("/e/a"), 0));
    assertEquals(3, cs.erase(Name.parse("/e/a"), 100));
    assertEquals(0, cs.erase(Name.parse("/e/a"), 100));
    assertSame(b, find(cs, exact("/e/b/1")));
    assertSame(ab, find(cs, exact("/e/ab")));
    assertEquals(2, cs.size());
    assertEquals(0, cs.counters().evictions(), "erasing is not evicting");
    assertThrows(IllegalArgumentException.class, () -> cs.erase(Name.ROOT, -1));
    assertEquals(2, cs.erase(Name.ROOT, 10));
    assertEquals(0, cs.sizeBytes());
  }

  // ---- counters

  @Test
  void countersAreExact() {
    List<Data> ds = sameSize(6);
    ContentStore cs = newStore(clock, 4L * ds.get(0).wireLength());
    for (Data d : ds.subList(0, 4)) {
      cs.insert(d); // 4 inserts, full
    }
    find(cs, exact("/cap/k1000")); // hit
    find(cs, exact("/cap/k1001")); // hit
    find(cs, interest("/cap", true, false)); // hit
    find(cs, exact("/cap/none")); // miss
    find(cs, interest("/nothing", true, true)); // miss
    cs.insert(ds.get(4)); // insert, evicts one
    cs.insert(ds.get(5)); // insert, evicts one
    cs.setAdmitEnabled(false);
    cs.insert(data("/cap/ignored")); // not counted

    ContentStoreCounters c = cs.counters();
    assertEquals(3, c.hits());
    assertEquals(2, c.misses());
    assertEquals(6, c.inserts());
    assertEquals(2, c.evictions());
    assertEquals(4, cs.size());
  }

  @Test
  void countersIsTheLiveObject() {
    ContentStore cs = newStore(clock, LARGE);
    ContentStoreCounters c = cs.counters();
    cs.insert(data("/c/1"));
    find(cs, exact("/c/1"));
    find(cs, exact("/c/2"));

    assertSame(c, cs.counters());
    assertEquals(1, c.inserts());
    assertEquals(1, c.hits());
    assertEquals(1, c.misses());
    assertNotEquals(0, cs.sizeBytes());
  }

  /** {@code findExact} of {@code name} given as octets at an offset in a larger array. */
  private static Data findExact(ContentStore cs, Name name, boolean mustBeFresh) {
    byte[] a = new byte[3 + name.valueLength()];
    name.copyValueTo(a, 3);
    return cs.findExact(a, 3, name.valueLength(), Name.hashValue(a, 3, name.valueLength()), mustBeFresh);
  }

  /**
   * The lookup by octets answers exactly when an exact Interest would be answered, with the same Data, and counts a
   * hit then and nothing otherwise; through inserts, replacements, evictions, erases and time passing.
   */
  @Test
  void findExactAnswersAsFindWouldAndCountsOnlyItsHits() {
    java.util.Random r = new java.util.Random(5);
    ContentStore cs = newStore(clock, 60_000);
    for (int step = 0; step < 10_000; step++) {
      int dice = r.nextInt(100);
      Name name = Name.parse("/n/" + r.nextInt(13) + "/" + r.nextInt(20));
      if (dice < 40) {
        cs.insert(data(name.toString(), r.nextInt(3) * 40, r.nextInt(400)));
      } else if (dice < 92) {
        boolean mustBeFresh = r.nextBoolean();
        long hits = cs.counters().hits();
        long misses = cs.counters().misses();
        Data o = findExact(cs, name, mustBeFresh);
        assertEquals(hits + (o == null ? 0 : 1), cs.counters().hits(), "step " + step);
        assertEquals(misses, cs.counters().misses(), "step " + step);
        Data g = cs.find(interest(name, false, mustBeFresh));
        if (o == null) {
          assertNull(g, "step " + step + ": find answers " + name + " where findExact did not");
        } else {
          assertSame(o, g, "step " + step);
        }
      } else if (dice < 94) {
        cs.erase(Name.parse("/n/" + r.nextInt(13)), r.nextInt(20));
      } else if (dice < 95) {
        cs.setServeEnabled(!cs.serveEnabled());
      } else {
        clock.advance(r.nextInt(50));
      }
    }
    assertTrue(cs.counters().hits() > 500, "hits: " + cs.counters().hits());
  }
}
