package dev.ndnj.engine.table;

import dev.ndnj.tlv.Name;
import java.util.ArrayList;
import java.util.List;

/**
 * A hash table keyed by {@link Name} that can be probed with a prefix of a longer name without making the prefix:
 * {@code get(name, k)} uses {@link Name#prefixHash(int)} (all prefix hashes of a name come from one pass) and
 * {@link Name#prefixEquals(int, Name)}. This is how the FIB, the strategy choice table and the PIT do
 * longest-prefix and all-prefix lookups with each prefix hashed once. Open addressing with linear probing and
 * backward-shift deletion; not thread-safe; TeaVM-compilable.
 *
 * @param <V> the value type
 */
public final class NameTable<V> {
  /**
   * A table of fewer than {@link #SPARSE_BELOW_SLOTS} slots keeps more than {@code 1 << SPARSE_SHIFT} (8) of them per
   * key; a larger one grows when 3/4 full. In a table that sparse nearly every probe ends on its first slot, where in
   * one half full the number of slots a probe (a miss, most of all) walks varies from call to call and the CPU
   * mispredicts the end of the loop: a FIB of 1,000 routes answers a longest-prefix match in about 70 ns instead of
   * 90-105 (docs/benchmarks.md). The tables of a forwarder that stay small (the FIB of an edge node, the strategy
   * choice table, the PIT of a lightly loaded face) are probed for every packet; at most 768 KiB per table more.
   */
  static final int SPARSE_SHIFT = 3;
  /** See {@link #SPARSE_SHIFT}: 65,536 slots (8,192 keys). */
  static final int SPARSE_BELOW_SLOTS = 1 << 16;

  /**
   * Whether an open-addressing table of {@code slots} slots must grow before it holds {@code keys} keys: above 3/4
   * full, or, below {@link #SPARSE_BELOW_SLOTS}, with no more than 8 slots per key. The rule of this table and of
   * {@link LruTier}'s.
   */
  static boolean mustGrow(int keys, int slots) {
    return keys * 4 > slots * 3 || slots < SPARSE_BELOW_SLOTS && keys << SPARSE_SHIFT >= slots;
  }

  private Name[] keys;
  private Object[] values;
  private int[] hashes;
  private int size;
  private int[] countByLength = new int[8];
  private int maxLength = -1;

  /** An empty table. */
  public NameTable() {
    allocate(16);
  }

  private void allocate(int capacity) {
    keys = new Name[capacity];
    values = new Object[capacity];
    hashes = new int[capacity];
  }

  /** Number of keys. */
  public int size() {
    return size;
  }

  /** The largest number of components of any key, or -1 when empty: a longest-prefix match starts there. */
  public int maxKeyLength() {
    return maxLength;
  }

  /** Whether some key has exactly {@code k} components (lets an all-prefix probe skip lengths no key has). */
  public boolean hasKeysOfLength(int k) {
    return k >= 0 && k < countByLength.length && countByLength[k] != 0;
  }

  /** The value for exactly {@code name}, or null. */
  public V get(Name name) {
    return get(name, name.size());
  }

  /** The value for the first {@code k} components of {@code name}, or null. */
  @SuppressWarnings("unchecked")
  public V get(Name name, int k) {
    int h = name.prefixHash(k);
    int mask = keys.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      Name key = keys[i];
      if (key == null) {
        return null;
      }
      // the identity test spares a byte comparison when the caller probes with the very key it stored (the PIT
      // erasing an entry by the name it was inserted with)
      if (hashes[i] == h && (key == name && k == name.size() || name.prefixEquals(k, key))) {
        return (V) values[i];
      }
    }
  }

  /**
   * The value for the name whose TLV-VALUE (component TLVs) is the {@code len} octets of {@code a} from {@code from}
   * and whose hash is {@code hash} ({@link Name#hashValue} of those octets), or null: a probe with a name still in its
   * packet, no {@code Name} made.
   */
  @SuppressWarnings("unchecked")
  public V get(byte[] a, int from, int len, int hash) {
    int mask = keys.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Name key = keys[i];
      if (key == null) {
        return null;
      }
      if (hashes[i] == hash && key.valueEquals(a, from, len)) {
        return (V) values[i];
      }
    }
  }

  /**
   * The value of the longest key that is a prefix of {@code name} (probing from the longest possible length down),
   * or null if none.
   */
  public V longestPrefixMatch(Name name) {
    for (int k = Math.min(name.size(), maxLength); k >= 0; k--) {
      if (k < countByLength.length && countByLength[k] == 0) {
        continue;
      }
      V v = get(name, k);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** Sets the value for {@code key}; returns the previous value or null. {@code value} must not be null. */
  @SuppressWarnings("unchecked")
  public V put(Name key, V value) {
    if (value == null) {
      throw new IllegalArgumentException("null value");
    }
    if (mustGrow(size + 1, keys.length)) {
      rehash(keys.length * 2);
    }
    int h = key.hashCode();
    int mask = keys.length - 1;
    int i = h & mask;
    while (keys[i] != null) {
      if (hashes[i] == h && keys[i].equals(key)) {
        V old = (V) values[i];
        values[i] = value;
        return old;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    hashes[i] = h;
    size++;
    countLength(key.size(), 1);
    return null;
  }

  /**
   * The slot of exactly {@code key} (found by identity or by octets), or -1: with {@link #valueAt} and
   * {@link #removeAt}, a look-up that may end in a removal probes once.
   */
  public int indexOf(Name key) {
    int h = key.hashCode();
    int mask = keys.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      Name k = keys[i];
      if (k == null) {
        return -1;
      }
      if (hashes[i] == h && (k == key || k.equals(key))) {
        return i;
      }
    }
  }

  /** The value in {@code slot} (from {@link #indexOf}, the table unchanged since). */
  @SuppressWarnings("unchecked")
  public V valueAt(int slot) {
    return (V) values[slot];
  }

  /** Removes the key in {@code slot} (from {@link #indexOf}, the table unchanged since). */
  public void removeAt(int slot) {
    Name key = keys[slot];
    if (key == null) {
      throw new IllegalArgumentException("no key in slot " + slot);
    }
    deleteAt(slot);
    size--;
    countLength(key.size(), -1);
  }

  /** Removes {@code key}; returns its value or null. */
  @SuppressWarnings("unchecked")
  public V remove(Name key) {
    int h = key.hashCode();
    int mask = keys.length - 1;
    int i = h & mask;
    while (keys[i] != null) {
      if (hashes[i] == h && keys[i].equals(key)) {
        V old = (V) values[i];
        deleteAt(i);
        size--;
        countLength(key.size(), -1);
        return old;
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  private void deleteAt(int hole) {
    int mask = keys.length - 1;
    int i = hole;
    while (true) {
      i = (i + 1) & mask;
      if (keys[i] == null) {
        break;
      }
      int home = hashes[i] & mask;
      // move the entry at i into the hole if its home slot is not in (hole, i] cyclically
      boolean between = hole <= i ? home > hole && home <= i : home > hole || home <= i;
      if (!between) {
        keys[hole] = keys[i];
        values[hole] = values[i];
        hashes[hole] = hashes[i];
        hole = i;
      }
    }
    keys[hole] = null;
    values[hole] = null;
  }

  private void countLength(int len, int delta) {
    if (len >= countByLength.length) {
      int[] n = new int[Math.max(len + 1, countByLength.length * 2)];
      System.arraycopy(countByLength, 0, n, 0, countByLength.length);
      countByLength = n;
    }
    countByLength[len] += delta;
    if (delta > 0 && len > maxLength) {
      maxLength = len;
    } else if (delta < 0 && len == maxLength) {
      while (maxLength >= 0 && countByLength[maxLength] == 0) {
        maxLength--;
      }
    }
  }

  private void rehash(int capacity) {
    Name[] ok = keys;
    Object[] ov = values;
    int[] oh = hashes;
    allocate(capacity);
    int mask = capacity - 1;
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] != null) {
        int i = oh[j] & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = ok[j];
        values[i] = ov[j];
        hashes[i] = oh[j];
      }
    }
  }

  /** A snapshot of the values (for listing and cleanup; order unspecified). */
  @SuppressWarnings("unchecked")
  public List<V> values() {
    List<V> out = new ArrayList<>(size);
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        out.add((V) values[i]);
      }
    }
    return out;
  }

  /** A snapshot of the keys. */
  public List<Name> keys() {
    List<Name> out = new ArrayList<>(size);
    for (Name k : keys) {
      if (k != null) {
        out.add(k);
      }
    }
    return out;
  }
}
