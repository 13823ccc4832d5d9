package dev.ndnj.engine.table;

import dev.ndnj.engine.platform.Clock;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import java.util.List;

/**
 * A {@link ContentStore} that evicts the least recently used Data when the stored wire bytes exceed the capacity.
 * The browser's store (TeaVM-compilable: plain collections, no locks, no reflection) and the JVM's fallback.
 *
 * <p>Three structures share one node per Data, which is also the {@link ContentStoreKey} of its name: a hash table for
 * exact-name lookups (the common case; open addressing by the name's hash, probed with a key or, by
 * {@link #findExact}, with the name's octets still in a received packet), the {@link ContentStoreIndex} in canonical
 * order for CanBePrefix lookups and erase by prefix, and an intrusive doubly-linked list in recency order (a hit or an
 * insert makes a node the most recent). Exact lookups cost one hash probe; inserts and evictions add O(1) to the
 * ordered index, which orders its entries (O(log n) comparisons of name octets each, amortized) only when a
 * CanBePrefix lookup that misses the exact name or an erase needs the order. Not thread-safe: owned by the forwarding thread.
 * Returned Data are the stored views.
 */
public final class LruContentStore extends AbstractContentStore<LruContentStore.Node> {
  /** The exact-name table: nodes by their name's hash, open addressing with linear probing; a power of two. */
  private Node[] slots = new Node[16];
  private int[] slotHashes = new int[16];
  private int count;
  private final ContentStoreIndex<Node> ordered = new ContentStoreIndex<>();
  /** Least recently used: the next eviction. */
  private Node lru;
  /** Most recently used. */
  private Node mru;
  private long capacityBytes;
  private long sizeBytes;

  /**
   * An empty store holding at most {@code capacityBytes} of Data wire, timing freshness with {@code clock}.
   *
   * @throws IllegalArgumentException if the capacity is negative
   */
  public LruContentStore(Clock clock, long capacityBytes) {
    super(clock);
    this.capacityBytes = checkCapacity(capacityBytes);
  }

  @Override
  protected Node exact(ContentStoreKey key) {
    int h = key.hashCode();
    int mask = slots.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      Node e = slots[i];
      if (e == null || slotHashes[i] == h && e.equals(key)) {
        return e;
      }
    }
  }

  @Override
  public Data findExact(byte[] octets, int from, int length, int hash, boolean mustBeFresh) {
    if (count == 0 || !serveEnabled()) {
      return null;
    }
    int mask = slots.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Node e = slots[i];
      if (e == null) {
        return null;
      }
      if (slotHashes[i] == hash && e.hasValue(octets, from, length)) {
        if (mustBeFresh && clock.monotonicMillis() >= e.freshUntil()) {
          return null;
        }
        moveToMostRecent(e);
        counters.hit();
        return e.data();
      }
    }
  }

  @Override
  protected Node firstUnder(ContentStoreKey prefix, boolean mustBeFresh, long now) {
    return ordered.firstMatch(prefix, mustBeFresh, now);
  }

  @Override
  protected boolean isEmpty() {
    return count == 0;
  }

  @Override
  protected void touched(Node e) {
    moveToMostRecent(e);
  }

  @Override
  public void insert(Data data) {
    if (!admitEnabled() || data.wireLength() > capacityBytes) {
      return;
    }
    Node e = new Node(data, clock.monotonicMillis());
    Node old = put(e);
    if (old != null) {
      ordered.remove(old);
      unlink(old);
      sizeBytes -= old.weight();
    }
    ordered.add(e);
    linkMostRecent(e);
    sizeBytes += e.weight();
    counters.insert();
    evictAbove(capacityBytes);
  }

  @Override
  public int erase(Name prefix, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("erase limit must be >= 0, not " + limit);
    }
    List<Node> victims = ordered.under(new ContentStoreKey(prefix), limit);
    for (Node e : victims) {
      remove(e);
    }
    return victims.size();
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public long sizeBytes() {
    return sizeBytes;
  }

  @Override
  public long capacityBytes() {
    return capacityBytes;
  }

  @Override
  public void setCapacityBytes(long bytes) {
    capacityBytes = checkCapacity(bytes);
    evictAbove(capacityBytes);
  }

  private void evictAbove(long limit) {
    while (sizeBytes > limit) {
      remove(lru);
      counters.eviction();
    }
  }

  private void remove(Node e) {
    delete(e);
    ordered.remove(e);
    unlink(e);
    sizeBytes -= e.weight();
  }

  /** Puts {@code e} in the exact-name table; returns the node it replaces (same name), or null. */
  private Node put(Node e) {
    if ((count + 1) * 4 > slots.length * 3) {
      rehash(slots.length * 2);
    }
    int h = e.hashCode();
    int mask = slots.length - 1;
    int i = h & mask;
    for (; slots[i] != null; i = (i + 1) & mask) {
      if (slotHashes[i] == h && slots[i].equals(e)) {
        Node old = slots[i];
        slots[i] = e;
        return old;
      }
    }
    slots[i] = e;
    slotHashes[i] = h;
    count++;
    return null;
  }

  /** Removes {@code e} (this very node) from the exact-name table, shifting back the nodes probed past it. */
  private void delete(Node e) {
    int mask = slots.length - 1;
    int hole = e.hashCode() & mask;
    while (slots[hole] != e) {
      if (slots[hole] == null) {
        return;
      }
      hole = (hole + 1) & mask;
    }
    for (int i = (hole + 1) & mask; slots[i] != null; i = (i + 1) & mask) {
      int home = slotHashes[i] & mask;
      // move the node at i into the hole if its home slot is not in (hole, i] cyclically
      boolean between = hole <= i ? home > hole && home <= i : home > hole || home <= i;
      if (!between) {
        slots[hole] = slots[i];
        slotHashes[hole] = slotHashes[i];
        hole = i;
      }
    }
    slots[hole] = null;
    count--;
  }

  private void rehash(int capacity) {
    Node[] old = slots;
    int[] oldHashes = slotHashes;
    slots = new Node[capacity];
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

  private void linkMostRecent(Node e) {
    e.prev = mru;
    e.next = null;
    if (mru == null) {
      lru = e;
    } else {
      mru.next = e;
    }
    mru = e;
  }

  private void unlink(Node e) {
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

  private void moveToMostRecent(Node e) {
    if (e != mru) {
      unlink(e);
      linkMostRecent(e);
    }
  }

  /** An entry linked into the recency list. */
  static final class Node extends ContentStoreEntry {
    Node prev;
    Node next;

    Node(Data data, long insertedAt) {
      super(data, insertedAt);
    }
  }
}
