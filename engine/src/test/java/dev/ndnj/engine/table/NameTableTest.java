package dev.ndnj.engine.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.tlv.Name;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NameTableTest {
  private static Name n(String uri) {
    return Name.parse(uri);
  }

  /**
   * {@code count} distinct names whose hashes agree in their low {@code bits} bits with {@code low}: in every table of
   * up to 2^bits slots they share one home slot, so they form a single probe cluster (starting at slot {@code low}
   * masked to the table size).
   */
  private static List<Name> colliding(int count, int bits, int low) {
    int mask = (1 << bits) - 1;
    List<Name> out = new ArrayList<>();
    for (int i = 0; out.size() < count; i++) {
      Name name = n("/collide/" + i);
      if ((name.hashCode() & mask) == low) {
        out.add(name);
      }
    }
    return out;
  }

  private static void assertSameContent(Map<Name, Integer> model, NameTable<Integer> table) {
    assertEquals(model.size(), table.size());
    for (Map.Entry<Name, Integer> e : model.entrySet()) {
      assertEquals(e.getValue(), table.get(e.getKey()), "value of " + e.getKey());
    }
    assertEquals(model.keySet(), new HashSet<>(table.keys()));
    List<Integer> values = table.values();
    Collections.sort(values);
    List<Integer> expected = new ArrayList<>(model.values());
    Collections.sort(expected);
    assertEquals(expected, values);
  }

  @Test
  void putGetAndReplace() {
    NameTable<String> t = new NameTable<>();
    assertNull(t.put(n("/a/b"), "ab"));
    assertNull(t.put(n("/a"), "a"));
    assertEquals("ab", t.put(n("/a/b"), "AB"));
    assertEquals(2, t.size());
    assertEquals("AB", t.get(n("/a/b")));
    assertEquals("a", t.get(n("/a")));
    assertNull(t.get(n("/a/c")));
    assertNull(t.get(n("/")));
  }

  @Test
  void nullValueIsRefused() {
    NameTable<String> t = new NameTable<>();
    assertThrows(IllegalArgumentException.class, () -> t.put(n("/a"), null));
  }

  @Test
  void removeReturnsTheValueOnce() {
    NameTable<String> t = new NameTable<>();
    t.put(n("/a"), "a");
    assertEquals("a", t.remove(n("/a")));
    assertNull(t.remove(n("/a")));
    assertNull(t.get(n("/a")));
    assertEquals(0, t.size());
  }

  @Test
  void rootIsAKeyLikeAnyOther() {
    NameTable<String> t = new NameTable<>();
    t.put(Name.ROOT, "root");
    assertEquals("root", t.get(n("/")));
    assertEquals("root", t.get(n("/x/y"), 0));
    assertEquals(0, t.maxKeyLength());
    assertEquals("root", t.longestPrefixMatch(n("/x/y")));
  }

  @Test
  void prefixProbesFindKeysWithoutMakingThePrefix() {
    NameTable<String> t = new NameTable<>();
    t.put(n("/a"), "a");
    t.put(n("/a/b/c"), "abc");
    Name probe = n("/a/b/c/d");
    assertEquals("a", t.get(probe, 1));
    assertNull(t.get(probe, 2));
    assertEquals("abc", t.get(probe, 3));
    assertNull(t.get(probe, 4));
    assertNull(t.get(probe, 0));
    // same bytes in another name, different prefix: no false match
    assertNull(t.get(n("/b/a/b/c"), 3));
  }

  @Test
  void longestPrefixMatchPicksTheLongestKey() {
    NameTable<String> t = new NameTable<>();
    t.put(Name.ROOT, "/");
    t.put(n("/a"), "/a");
    t.put(n("/a/b/c"), "/a/b/c");
    t.put(n("/x/y/z/w"), "/x/y/z/w");
    assertEquals("/a/b/c", t.longestPrefixMatch(n("/a/b/c/d/e")));
    assertEquals("/a/b/c", t.longestPrefixMatch(n("/a/b/c")));
    assertEquals("/a", t.longestPrefixMatch(n("/a/b")));
    assertEquals("/", t.longestPrefixMatch(n("/b")));
    assertEquals("/", t.longestPrefixMatch(Name.ROOT));
    t.remove(Name.ROOT);
    assertNull(t.longestPrefixMatch(n("/b")));
  }

  @Test
  void longestPrefixMatchOnAnEmptyTableIsNull() {
    NameTable<String> t = new NameTable<>();
    assertEquals(-1, t.maxKeyLength());
    assertNull(t.longestPrefixMatch(n("/a/b")));
  }

  @Test
  void maxKeyLengthFollowsRemovals() {
    NameTable<String> t = new NameTable<>();
    t.put(n("/a"), "1");
    t.put(n("/a/b/c"), "3");
    t.put(n("/x/y/z"), "3'");
    t.put(n("/1/2/3/4/5/6/7/8/9/10/11"), "11"); // longer than the initial per-length counters
    assertEquals(11, t.maxKeyLength());
    t.remove(n("/1/2/3/4/5/6/7/8/9/10/11"));
    assertEquals(3, t.maxKeyLength());
    t.remove(n("/a/b/c"));
    assertEquals(3, t.maxKeyLength());
    t.remove(n("/x/y/z"));
    assertEquals(1, t.maxKeyLength());
    assertEquals("1", t.longestPrefixMatch(n("/a/b/c/d")));
    t.remove(n("/a"));
    assertEquals(-1, t.maxKeyLength());
    // removing a key that is not there does not disturb the counters
    t.put(n("/q/r"), "2");
    t.remove(n("/q/r/s"));
    assertEquals(2, t.maxKeyLength());
  }

  @Test
  void backwardShiftDeletionKeepsEveryCollidingKeyReachable() {
    // 150 keys sharing one home slot in every table up to 4096 slots (they make one of 2048): one long cluster
    List<Name> names = colliding(150, 12, 0);
    NameTable<Integer> t = new NameTable<>();
    Map<Name, Integer> model = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      t.put(names.get(i), i);
      model.put(names.get(i), i);
    }
    assertSameContent(model, t);
    // remove from the middle, the start and the end of the cluster, checking all the others each time
    Random rnd = new Random(42);
    List<Name> order = new ArrayList<>(names);
    Collections.shuffle(order, rnd);
    for (Name victim : order) {
      assertEquals(model.remove(victim), t.remove(victim));
      assertNull(t.get(victim));
      assertSameContent(model, t);
    }
    assertEquals(0, t.size());
  }

  @Test
  void backwardShiftDeletionAcrossTheEndOfTheArray() {
    // home slot = last slot of every table up to 1024 slots: the cluster wraps around to slot 0
    List<Name> wrapping = colliding(40, 10, 1023);
    List<Name> atZero = colliding(10, 10, 0);
    NameTable<Integer> t = new NameTable<>();
    Map<Name, Integer> model = new HashMap<>();
    int v = 0;
    for (Name name : wrapping) {
      t.put(name, v);
      model.put(name, v++);
    }
    for (Name name : atZero) {
      t.put(name, v);
      model.put(name, v++);
    }
    assertSameContent(model, t);
    for (int i = 0; i < wrapping.size(); i += 2) {
      assertEquals(model.remove(wrapping.get(i)), t.remove(wrapping.get(i)));
      assertSameContent(model, t);
    }
    for (Name name : atZero) {
      assertEquals(model.remove(name), t.remove(name));
      assertSameContent(model, t);
    }
  }

  @Test
  void rehashKeepsEverything() {
    NameTable<Integer> t = new NameTable<>();
    Map<Name, Integer> model = new HashMap<>();
    // past 8,192 keys the table stops keeping 8 slots per key (NameTable.SPARSE_BELOW_SLOTS) and fills to 3/4
    for (int i = 0; i < 20_000; i++) {
      Name name = n("/r/" + (i % 97) + "/" + i);
      t.put(name, i);
      model.put(name, i);
      if (i % 1000 == 999) {
        assertSameContent(model, t);
      }
    }
    assertSameContent(model, t);
    assertEquals(Integer.valueOf(4321), t.get(n("/r/" + (4321 % 97) + "/4321/more"), 3));
  }

  @Test
  void randomOperationsAgreeWithAHashMap() {
    Random rnd = new Random(7);
    NameTable<Integer> t = new NameTable<>();
    Map<Name, Integer> model = new HashMap<>();
    List<Name> pool = new ArrayList<>(colliding(64, 8, 5));
    for (int i = 0; i < 64; i++) {
      pool.add(n("/p/" + i + (i % 3 == 0 ? "/deeper/" + i : "")));
    }
    for (int step = 0; step < 20000; step++) {
      Name name = pool.get(rnd.nextInt(pool.size()));
      int op = rnd.nextInt(4);
      if (op == 0) {
        assertEquals(model.put(name, step), t.put(name, step));
      } else if (op == 1) {
        assertEquals(model.remove(name), t.remove(name));
      } else if (op == 2) {
        assertEquals(model.get(name), t.get(name));
      } else {
        // the one-probe look-up and removal, with an equal name that is another object half of the time
        Name probe = rnd.nextBoolean() ? name : n(name.toString());
        int at = t.indexOf(probe);
        assertEquals(model.containsKey(name), at >= 0);
        if (at >= 0) {
          assertEquals(model.get(name), t.valueAt(at));
          if (rnd.nextBoolean()) {
            t.removeAt(at);
            model.remove(name);
          }
        }
      }
      assertEquals(model.size(), t.size());
    }
    assertSameContent(model, t);
    int max = -1;
    for (Name k : model.keySet()) {
      max = Math.max(max, k.size());
    }
    assertEquals(max, t.maxKeyLength());
  }

  @Test
  void snapshotsDoNotChangeWithTheTable() {
    NameTable<String> t = new NameTable<>();
    t.put(n("/a"), "a");
    List<Name> keys = t.keys();
    List<String> values = t.values();
    t.put(n("/b"), "b");
    t.remove(n("/a"));
    assertEquals(List.of(n("/a")), keys);
    assertEquals(List.of("a"), values);
    assertTrue(t.keys().contains(n("/b")));
  }

  @Test
  void probeByOctetsFindsWhatProbeByNameFinds() {
    Random r = new Random(3);
    NameTable<Integer> t = new NameTable<>();
    List<Name> names = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      names.add(n("/p/" + (i % 7) + "/" + i));
    }
    for (int i = 0; i < names.size(); i += 2) {
      t.put(names.get(i), i);
    }
    t.remove(names.get(10));
    for (Name name : names) {
      int pad = r.nextInt(4);
      byte[] a = new byte[pad + name.valueLength()];
      name.copyValueTo(a, pad);
      assertEquals(t.get(name), t.get(a, pad, name.valueLength(), Name.hashValue(a, pad, name.valueLength())),
          name.toString());
    }
    byte[] prefix = new byte[n("/p/1").valueLength()];
    n("/p/1").copyValueTo(prefix, 0);
    assertNull(t.get(prefix, 0, prefix.length, Name.hashValue(prefix, 0, prefix.length)), "a prefix of keys");
  }
}
