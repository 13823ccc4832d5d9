package dev.ndnj.engine.table;

import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * The ordered index of a {@link ContentStore}: entries by Data name in the canonical order of the NDN packet format,
 * so that a CanBePrefix Interest finds the first matching Data under its name by walking forward from it (all names
 * under a prefix are contiguous in that order, right after the prefix itself). Building block shared by the
 * implementations; TeaVM-compilable (a {@link TreeMap}). Not thread-safe, like the stores.
 *
 * <p>Keys are copies of the names' TLV-VALUE octets (the component TLVs), compared as unsigned octet strings. That
 * order is the canonical one: a component TLV compares by TLV-TYPE, then TLV-LENGTH, then value exactly as its
 * shortest-form encoding compares octet by octet, and a name that is a prefix of another is an octet prefix of it.
 * One flat array per entry is cheaper to compare than a name view (no per-component objects, one object to
 * fetch from memory instead of four) at the price of about 56 bytes per entry. Entries returned are the ones put in
 * (owned by the store that put them).
 *
 * @param <E> the store's entry type
 */
public final class ContentStoreIndex<E extends ContentStoreEntry> {
  private static final Comparator<byte[]> CANONICAL = ContentStoreIndex::compare;

  private final TreeMap<byte[], E> byName = new TreeMap<>(CANONICAL);

  /**
   * Adds {@code e}, which must not be in any index yet.
   *
   * @throws IllegalStateException if an entry with the same name is present (the caller removes it first)
   */
  public void add(E e) {
    if (e.indexKey != null) {
      throw new IllegalStateException("entry already indexed: " + e.name());
    }
    byte[] key = keyOf(e.name());
    E old = byName.put(key, e);
    if (old != null) {
      byName.put(old.indexKey, old);
      throw new IllegalStateException("Content Store index already holds " + e.name());
    }
    e.indexKey = key;
  }

  /** Removes {@code e}; returns whether it was in this index. */
  public boolean remove(E e) {
    byte[] key = e.indexKey;
    if (key == null) {
      return false;
    }
    E removed = byName.remove(key);
    e.indexKey = null;
    return removed == e;
  }

  /**
   * The first entry in canonical order whose name starts with {@code prefix} (the prefix itself included) and which
   * may answer an Interest with the given MustBeFresh at monotonic time {@code now}; null if none. Stale entries
   * skipped on the way cost one step each.
   */
  public E firstMatch(Name prefix, boolean mustBeFresh, long now) {
    byte[] p = keyOf(prefix);
    for (E e : byName.tailMap(p, true).values()) {
      if (!startsWith(e.indexKey, p)) {
        return null;
      }
      if (e.satisfies(mustBeFresh, now)) {
        return e;
      }
    }
    return null;
  }

  /**
   * Up to {@code limit} entries under {@code prefix}, first in canonical order; a new list owned by the caller. The
   * entries stay in the index: the caller removes them from all its structures.
   */
  public List<E> under(Name prefix, int limit) {
    byte[] p = keyOf(prefix);
    List<E> out = new ArrayList<>();
    Iterator<E> it = byName.tailMap(p, true).values().iterator();
    while (out.size() < limit && it.hasNext()) {
      E e = it.next();
      if (!startsWith(e.indexKey, p)) {
        break;
      }
      out.add(e);
    }
    return out;
  }

  /** Number of entries. */
  public int size() {
    return byName.size();
  }

  /** The TLV-VALUE octets of {@code name} (its component TLVs), in a new array. */
  static byte[] keyOf(Name name) {
    int len = name.valueLength();
    byte[] key = new byte[len];
    ByteBuffer wire = name.wire();
    wire.position(wire.limit() - len);
    wire.get(key);
    return key;
  }

  /** Unsigned lexicographic order, a proper prefix first: the canonical order of the names whose values these are. */
  static int compare(byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      if (a[i] != b[i]) {
        return (a[i] & 0xff) - (b[i] & 0xff);
      }
    }
    return a.length - b.length;
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    if (key.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (key[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
