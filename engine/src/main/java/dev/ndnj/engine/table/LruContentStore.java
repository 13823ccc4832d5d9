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
 * <p>Three structures share one node per Data: a hash map by Data name for exact lookups (the common case), the
 * {@link ContentStoreIndex} in canonical order for CanBePrefix lookups and erase by prefix, and an intrusive
 * doubly-linked list in recency order (a hit or an insert makes a node the most recent). Insert, exact lookup and
 * eviction cost O(1) hashing plus O(log n) name comparisons in the ordered index (lookups that hit the exact
 * name skip it). Not thread-safe: owned by the forwarding thread. Returned Data are the stored views.
 */
public final class LruContentStore implements ContentStore {
  private final Clock clock;
  private final HashMap<Name, Node> byName = new HashMap<>();
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
    Name n = interest.name();
    boolean mustBeFresh = interest.mustBeFresh();
    long now = clock.monotonicMillis();
    int last = n.size() - 1;
    if (last >= 0 && n.componentType(last) == TlvTypes.IMPLICIT_SHA256_DIGEST_COMPONENT) {
      // The only Data whose full name is n: the one named n minus its digest, if the digest agrees.
      Node e = byName.get(n.getPrefix(last));
      if (e != null && e.satisfies(mustBeFresh, now) && e.digestMatches(n)) {
        return e;
      }
      return interest.canBePrefix() ? ordered.firstMatch(n, mustBeFresh, now) : null;
    }
    Node e = byName.get(n);
    if (e != null && e.satisfies(mustBeFresh, now)) {
      return e; // also the canonically first match of a CanBePrefix Interest
    }
    return interest.canBePrefix() ? ordered.firstMatch(n, mustBeFresh, now) : null;
  }

  @Override
  public void insert(Data data) {
    if (!admit || data.wireLength() > capacityBytes) {
      return;
    }
    Node e = new Node(data, clock.monotonicMillis());
    Name name = e.name();
    // Remove before put: a replacing put keeps the old key, a view into the replaced Data's bytes.
    Node old = byName.remove(name);
    if (old != null) {
      ordered.remove(old);
      unlink(old);
      sizeBytes -= old.weight();
    }
    byName.put(name, e);
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
    List<Node> victims = ordered.under(prefix, limit);
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
    byName.remove(e.name());
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
