package dev.ndnj.engine.table;

import dev.ndnj.engine.platform.Clock;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import java.util.HashMap;
import java.util.List;

/**
 * A {@link ContentStore} that evicts the least recently used Data when the stored wire bytes exceed the capacity.
 * The browser's store (TeaVM-compilable: plain collections, no locks, no reflection) and the JVM's fallback.
 *
 * <p>Three structures share one node per Data, which is also the {@link ContentStoreKey} of its name: a hash map for
 * exact-name lookups (the common case), the {@link ContentStoreIndex} in canonical order for CanBePrefix lookups and
 * erase by prefix, and an intrusive doubly-linked list in recency order (a hit or an insert makes a node the most
 * recent). Exact lookups cost one hash probe; inserts and evictions add O(1) to the ordered index, which orders its
 * entries (O(log n) comparisons of name octets each, amortized) only when a CanBePrefix lookup that misses the exact
 * name or an erase needs the order. Not thread-safe: owned by the forwarding thread.
 * Returned Data are the stored views.
 */
public final class LruContentStore extends AbstractContentStore<LruContentStore.Node> {
  private final HashMap<ContentStoreKey, Node> byName = new HashMap<>();
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
    return byName.get(key);
  }

  @Override
  protected Node firstUnder(ContentStoreKey prefix, boolean mustBeFresh, long now) {
    return ordered.firstMatch(prefix, mustBeFresh, now);
  }

  @Override
  protected boolean isEmpty() {
    return byName.isEmpty();
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
    Node old = byName.put(e, e);
    if (old != null) {
      // A replacing put keeps the old key, the old entry with the replaced Data: put again with the new one.
      byName.remove(e);
      byName.put(e, e);
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
    return byName.size();
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
    byName.remove(e);
    ordered.remove(e);
    unlink(e);
    sizeBytes -= e.weight();
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
