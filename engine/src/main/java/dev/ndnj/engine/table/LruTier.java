package dev.ndnj.engine.table;

import dev.ndnj.tlv.Data;

/**
 * Content Store entries by exact name, in recency order, with their total weight: the body of
 * {@link LruContentStore} and the front tier of the JVM's Caffeine store, where Data seen for the first time wait
 * (see {@code CaffeineContentStore}). No capacity of its own and no ordered index: the store that owns it decides
 * what to evict ({@link #leastRecent()}) and indexes the entries in canonical order itself. TeaVM-compilable.
 *
 * <p>A hash table for exact-name lookups (open addressing by the name's hash with linear probing, probed with a key
 * or with a name's octets still in a received packet) and an intrusive doubly-linked list from least to most
 * recently used, sharing one {@link Entry} per Data. Every operation is O(1) (amortized for the table's growth).
 * Below 65,536 slots the table keeps more than 8 per entry, as {@link NameTable} does and for the same reason: the
 * Caffeine store's front, probed for every packet, is such a table, and half full its probe and shift loops ran a
 * varying number of times whose end the CPU mispredicts (a sparse front made the forwarding thread 7-11% faster at
 * 64 MiB, docs/benchmarks.md).
 * Not thread-safe: owned by the forwarding thread.
 */
public final class LruTier {
  /** The exact-name table: entries by their name's hash; a power of two. */
  private Entry[] slots = new Entry[16];
  private int[] slotHashes = new int[16];
  private int count;
  /** Least recently used: the next to evict. */
  private Entry lru;
  /** Most recently used. */
  private Entry mru;
  private long sizeBytes;

  /** An entry that can be linked into one tier's recency list (and be used like any other entry elsewhere). */
  public static final class Entry extends ContentStoreEntry {
    private Entry prev;
    private Entry next;
    private boolean inTier;

    /** An entry for {@code data} inserted at {@code insertedAt} (see {@link ContentStoreEntry}). */
    public Entry(Data data, long insertedAt) {
      super(data, insertedAt);
    }

    /** Whether the entry is in a tier now (added and not removed since). */
    public boolean inTier() {
      return inTier;
    }
  }

  /** The entry stored under exactly the name of {@code key}, or null. */
  public Entry get(ContentStoreKey key) {
    int h = key.hashCode();
    int mask = slots.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      Entry e = slots[i];
      if (e == null || slotHashes[i] == h && e.equals(key)) {
        return e;
      }
    }
  }

  /**
   * The entry whose name has exactly the TLV-VALUE {@code octets[from, from + length)} with hash {@code hash}
   * ({@link dev.ndnj.tlv.Name#hashValue}), or null: a probe by a name still in its packet. The octets are only read.
   */
  public Entry get(byte[] octets, int from, int length, int hash) {
    int mask = slots.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Entry e = slots[i];
      if (e == null || slotHashes[i] == hash && e.hasValue(octets, from, length)) {
        return e;
      }
    }
  }

  /**
   * Adds {@code e} (in no tier) as the most recently used entry. An entry of the same name already here is removed
   * first and returned; otherwise null.
   *
   * @throws IllegalArgumentException if {@code e} is in a tier already
   */
  public Entry add(Entry e) {
    if (e.inTier) {
      throw new IllegalArgumentException("entry is in a tier already: " + e);
    }
    if (NameTable.mustGrow(count + 1, slots.length)) {
      rehash(slots.length * 2);
    }
    int h = e.hashCode();
    int mask = slots.length - 1;
    int i = h & mask;
    Entry old = null;
    for (; slots[i] != null; i = (i + 1) & mask) {
      if (slotHashes[i] == h && slots[i].equals(e)) {
        old = slots[i];
        unlink(old);
        old.inTier = false;
        sizeBytes -= old.weight();
        break;
      }
    }
    if (old == null) {
      slotHashes[i] = h;
      count++;
    }
    slots[i] = e;
    linkMostRecent(e);
    e.inTier = true;
    sizeBytes += e.weight();
    return old;
  }

  /** Removes {@code e} (this very entry) if it is here; does nothing otherwise. */
  public void remove(Entry e) {
    if (!e.inTier || !delete(e)) {
      return;
    }
    unlink(e);
    e.inTier = false;
    sizeBytes -= e.weight();
  }

  /** Makes {@code e}, which is here, the most recently used entry. */
  public void touch(Entry e) {
    if (e != mru) {
      unlink(e);
      linkMostRecent(e);
    }
  }

  /** The least recently used entry, or null when empty. */
  public Entry leastRecent() {
    return lru;
  }

  /** Number of entries. */
  public int size() {
    return count;
  }

  /** Sum of the entries' weights (bytes of Data wire). */
  public long sizeBytes() {
    return sizeBytes;
  }

  /** Removes {@code e} (this very entry) from the table, shifting back the entries probed past it; false if absent. */
  private boolean delete(Entry e) {
    int mask = slots.length - 1;
    int hole = e.hashCode() & mask;
    while (slots[hole] != e) {
      if (slots[hole] == null) {
        return false;
      }
      hole = (hole + 1) & mask;
    }
    for (int i = (hole + 1) & mask; slots[i] != null; i = (i + 1) & mask) {
      int home = slotHashes[i] & mask;
      // move the entry at i into the hole if its home slot is not in (hole, i] cyclically
      boolean between = hole <= i ? home > hole && home <= i : home > hole || home <= i;
      if (!between) {
        slots[hole] = slots[i];
        slotHashes[hole] = slotHashes[i];
        hole = i;
      }
    }
    slots[hole] = null;
    count--;
    return true;
  }

  private void rehash(int capacity) {
    Entry[] old = slots;
    int[] oldHashes = slotHashes;
    slots = new Entry[capacity];
    slotHashes = new int[capacity];
    int mask = capacity - 1;
    for (int j = 0; j < old.length; j++) {
      if (old[j] != null) {
        int i = oldHashes[j] & mask;
        while (slots[i] != null) {
          i = (i + 1) & mask;
        }
        slots[i] = old[j];
        slotHashes[i] = oldHashes[j];
      }
    }
  }

  private void linkMostRecent(Entry e) {
    e.prev = mru;
    e.next = null;
    if (mru == null) {
      lru = e;
    } else {
      mru.next = e;
    }
    mru = e;
  }

  private void unlink(Entry e) {
    if (e.prev == null) {
      lru = e.next;
    } else {
      e.prev.next = e.next;
    }
    if (e.next == null) {
      mru = e.prev;
    } else {
      e.next.prev = e.prev;
    }
    e.prev = null;
    e.next = null;
  }
}
