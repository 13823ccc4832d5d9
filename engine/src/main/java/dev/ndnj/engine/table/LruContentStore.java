package dev.ndnj.engine.table;

import dev.ndnj.engine.platform.Clock;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import java.util.List;

/**
 * A {@link ContentStore} that evicts the least recently used Data when the stored wire bytes exceed the capacity.
 * The browser's store (TeaVM-compilable: plain collections, no locks, no reflection) and the JVM's fallback.
 *
 * <p>Two structures share one entry per Data, which is also the {@link ContentStoreKey} of its name: an
 * {@link LruTier} (a hash table for exact-name lookups, the common case, probed with a key or, by {@link #findExact},
 * with the name's octets still in a received packet; and a list in recency order: a hit or an insert makes an entry
 * the most recent) and the {@link ContentStoreIndex} in canonical order for CanBePrefix lookups and erase by prefix.
 * Exact lookups cost one hash probe; inserts and evictions add O(1) to the ordered index, which orders its entries
 * (O(log n) comparisons of name octets each, amortized) only when a CanBePrefix lookup that misses the exact name or
 * an erase needs the order. Not thread-safe: owned by the forwarding thread. Returned Data are the stored views.
 */
public final class LruContentStore extends AbstractContentStore<LruTier.Entry> {
  private final LruTier tier = new LruTier();
  private final ContentStoreIndex<LruTier.Entry> ordered = new ContentStoreIndex<>();
  private long capacityBytes;

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
  protected LruTier.Entry exact(ContentStoreKey key) {
    return tier.get(key);
  }

  @Override
  public Data findExact(byte[] octets, int from, int length, int hash, boolean mustBeFresh) {
    if (tier.size() == 0 || !serveEnabled()) {
      return null;
    }
    LruTier.Entry e = tier.get(octets, from, length, hash);
    if (e == null || mustBeFresh && clock.monotonicMillis() >= e.freshUntil()) {
      return null;
    }
    tier.touch(e);
    counters.hit();
    return e.data();
  }

  @Override
  protected LruTier.Entry firstUnder(ContentStoreKey prefix, boolean mustBeFresh, long now) {
    return ordered.firstMatch(prefix, mustBeFresh, now);
  }

  @Override
  protected boolean isEmpty() {
    return tier.size() == 0;
  }

  @Override
  protected void touched(LruTier.Entry e) {
    tier.touch(e);
  }

  @Override
  public void insert(Data data) {
    if (!admitEnabled() || data.wireLength() > capacityBytes) {
      return;
    }
    LruTier.Entry e = new LruTier.Entry(data, clock.monotonicMillis());
    LruTier.Entry old = tier.add(e);
    if (old != null) {
      ordered.remove(old);
    }
    ordered.add(e);
    counters.insert();
    evictAbove(capacityBytes);
  }

  @Override
  public int erase(Name prefix, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("erase limit must be >= 0, not " + limit);
    }
    List<LruTier.Entry> victims = ordered.under(new ContentStoreKey(prefix), limit);
    for (LruTier.Entry e : victims) {
      remove(e);
    }
    return victims.size();
  }

  @Override
  public int size() {
    return tier.size();
  }

  @Override
  public long sizeBytes() {
    return tier.sizeBytes();
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
    while (tier.sizeBytes() > limit) {
      remove(tier.leastRecent());
      counters.eviction();
    }
  }

  private void remove(LruTier.Entry e) {
    tier.remove(e);
    ordered.remove(e);
  }
}
