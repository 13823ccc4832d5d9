package dev.ndnj.engine.table;

import dev.ndnj.engine.platform.Clock;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvTypes;
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
public final class LruContentStore implements ContentStore {
  private final Clock clock;
  private final HashMap<ContentStoreKey, Node> byName = new HashMap<>();
  private final ContentStoreIndex<Node> ordered = new ContentStoreIndex<>();
  private final ContentStoreCounters counters = new ContentStoreCounters();
  /** Least recently used: the next eviction. */
  private Node lru;
  /** Most recently used. */
  private Node mru;
  private long capacityBytes;
  private long sizeBytes;
  private boolean admit = true;
  private boolean serve = true;

  /**
   * An empty store holding at most {@code capacityBytes} of Data wire, timing freshness with {@code clock}.
   *
   * @throws IllegalArgumentException if the capacity is negative
   */
  public LruContentStore(Clock clock, long capacityBytes) {
    if (clock == null) {
      throw new IllegalArgumentException("clock is null");
    }
    this.clock = clock;
    this.capacityBytes = checkCapacity(capacityBytes);
  }

  static long checkCapacity(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("Content Store capacity must be >= 0 bytes, not " + bytes);
    }
    return bytes;
  }

  @Override
  public Data find(Interest interest) {
    Node e = serve ? lookup(interest) : null;
    if (e == null) {
      counters.miss();
      return null;
    }
    moveToMostRecent(e);
    counters.hit();
    return e.data();
  }

  private Node lookup(Interest interest) {
    if (byName.isEmpty()) {
      return null; // an empty store (or one of capacity 0): no key to build
    }
    Name n = interest.name();
    boolean mustBeFresh = interest.mustBeFresh();
    long now = clock.monotonicMillis();
    int last = n.size() - 1;
    if (last >= 0 && n.componentType(last) == TlvTypes.IMPLICIT_SHA256_DIGEST_COMPONENT) {
      // The only Data whose full name is n: the one named n minus its digest, if the digest agrees.
      Node e = byName.get(new ContentStoreKey(n.getPrefix(last)));
      if (e != null && e.satisfies(mustBeFresh, now) && e.digestMatches(n)) {
        return e;
      }
      return interest.canBePrefix() ? ordered.firstMatch(new ContentStoreKey(n), mustBeFresh, now) : null;
    }
    ContentStoreKey key = new ContentStoreKey(n);
    Node e = byName.get(key);
    if (e != null && e.satisfies(mustBeFresh, now)) {
      return e; // also the canonically first match of a CanBePrefix Interest
    }
    return interest.canBePrefix() ? ordered.firstMatch(key, mustBeFresh, now) : null;
  }

  @Override
  public void insert(Data data) {
    if (!admit || data.wireLength() > capacityBytes) {
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

  @Override
  public boolean admitEnabled() {
    return admit;
  }

  @Override
  public void setAdmitEnabled(boolean enabled) {
    admit = enabled;
  }

  @Override
  public boolean serveEnabled() {
    return serve;
  }

  @Override
  public void setServeEnabled(boolean enabled) {
    serve = enabled;
  }

  @Override
  public ContentStoreCounters counters() {
    return counters;
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
