package dev.ndnj.engine.table.caffeine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.ndnj.engine.platform.Clock;
import dev.ndnj.engine.table.AbstractContentStore;
import dev.ndnj.engine.table.ContentStoreCounters;
import dev.ndnj.engine.table.ContentStoreEntry;
import dev.ndnj.engine.table.ContentStoreIndex;
import dev.ndnj.engine.table.ContentStoreKey;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import java.util.List;

/**
 * The JVM's {@link ContentStore}: a Caffeine cache bounded by the bytes of Data wire, whose W-TinyLFU policy admits a
 * new Data only if it is likely to be asked for more often than the entry it would push out, so a scan of one-off
 * Data does not flush popular content as it does in an LRU. Same contract as {@code LruContentStore}. This package is
 * the only place in the engine that sees Caffeine; TeaVM never compiles it.
 *
 * <p>How it is put together:
 * <ul>
 *   <li>The cache maps each entry (which is the {@link ContentStoreKey} of its Data's name) to itself
 *       ({@code maximumWeight} = capacity, weigher = wire length) and is the exact-name index; a
 *       {@link ContentStoreIndex} in canonical order serves CanBePrefix lookups and erase.
 *   <li>{@code executor(Runnable::run)}: Caffeine's maintenance (policy bookkeeping and eviction) runs on the calling
 *       thread, the forwarding thread, right after each insert. No other thread ever touches the store.
 *   <li>An {@code evictionListener}, which Caffeine runs synchronously inside the eviction, removes the evicted entry
 *       from the ordered index and counts the eviction; so after {@link #insert} returns, both indexes and
 *       {@link #sizeBytes} agree and stay within the capacity.
 *   <li>No ticker: freshness is not expiry (a stale Data still answers Interests without MustBeFresh), so the cache
 *       has no expiry and never reads time; entries carry their own fresh-until time from the injected clock.
 * </ul>
 *
 * <p>Not thread-safe: owned by the forwarding thread. Returned Data are the stored views.
 */
public final class CaffeineContentStore extends AbstractContentStore<ContentStoreEntry> {
  private final Cache<ContentStoreKey, ContentStoreEntry> cache;
  private final Policy<ContentStoreKey, ContentStoreEntry> policy;
  private final Policy.Eviction<ContentStoreKey, ContentStoreEntry> eviction;
  private final ContentStoreIndex<ContentStoreEntry> ordered = new ContentStoreIndex<>();
  private long sizeBytes;
  /** The capacity, as {@code eviction.getMaximum()} would say (read on every insert, so kept here). */
  private long capacityBytes;

  /**
   * An empty store holding at most {@code capacityBytes} of Data wire, timing freshness with {@code clock}.
   *
   * @throws IllegalArgumentException if the capacity is negative
   */
  public CaffeineContentStore(Clock clock, long capacityBytes) {
    super(clock);
    this.cache = Caffeine.newBuilder()
        .maximumWeight(checkCapacity(capacityBytes))
        .weigher((ContentStoreKey key, ContentStoreEntry e) -> e.weight())
        .executor(Runnable::run)
        .evictionListener(this::onEvicted)
        .build();
    this.policy = cache.policy();
    this.eviction = policy.eviction().orElseThrow();
    this.capacityBytes = capacityBytes;
  }

  /** Called by Caffeine, on this thread, for each entry it evicts (never for explicit removals). */
  private void onEvicted(ContentStoreKey key, ContentStoreEntry e, RemovalCause cause) {
    if (e != null && ordered.remove(e)) {
      sizeBytes -= e.weight();
    }
    if (cause == RemovalCause.SIZE) {
      counters.eviction();
    }
  }

  /** An exact-name probe of the cache records an access in W-TinyLFU's frequency sketch. */
  @Override
  protected ContentStoreEntry exact(ContentStoreKey key) {
    return cache.getIfPresent(key);
  }

  /**
   * A quiet probe first, so that a miss or a stale Data (which the caller then looks up again through {@link #find})
   * records nothing; a hit records its access in the frequency sketch as {@link #find} does.
   */
  @Override
  public Data findExact(byte[] octets, int from, int length, int hash, boolean mustBeFresh) {
    if (sizeBytes == 0 || !serveEnabled()) {
      return null;
    }
    ContentStoreKey key = new ContentStoreKey(octets, from, length, hash);
    ContentStoreEntry e = policy.getIfPresentQuietly(key);
    if (e == null || !e.satisfies(mustBeFresh, clock.monotonicMillis())) {
      return null;
    }
    cache.getIfPresent(key);
    counters.hit();
    return e.data();
  }

  @Override
  protected boolean isEmpty() {
    return sizeBytes == 0;
  }

  @Override
  protected ContentStoreEntry firstUnder(ContentStoreKey prefix, boolean mustBeFresh, long now) {
    return scan(prefix, mustBeFresh, now);
  }

  private ContentStoreEntry scan(ContentStoreKey prefix, boolean mustBeFresh, long now) {
    ContentStoreEntry e = ordered.firstMatch(prefix, mustBeFresh, now);
    if (e != null) {
      cache.getIfPresent(e); // a hit found through the ordered index counts for admission too
    }
    return e;
  }

  @Override
  public void insert(Data data) {
    if (!admitEnabled() || data.wireLength() > capacityBytes) {
      return;
    }
    ContentStoreEntry e = new ContentStoreEntry(data, clock.monotonicMillis());
    // The old entry goes explicitly: a replacing put would keep the old key, the old entry with the replaced Data.
    ContentStoreEntry old = policy.getIfPresentQuietly(e);
    if (old != null) {
      cache.asMap().remove(old, old);
      ordered.remove(old);
      sizeBytes -= old.weight();
    }
    // Index before put: Caffeine may evict the new entry itself (admission refused) during put, and the eviction
    // listener must find it there.
    ordered.add(e);
    sizeBytes += e.weight();
    counters.insert();
    cache.put(e, e);
  }

  @Override
  public int erase(Name prefix, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("erase limit must be >= 0, not " + limit);
    }
    cache.cleanUp(); // pending evictions first, so none happens in the middle of the loop below
    List<ContentStoreEntry> victims = ordered.under(new ContentStoreKey(prefix), limit);
    int erased = 0;
    for (ContentStoreEntry e : victims) {
      if (ordered.remove(e)) { // an eviction triggered by a removal below may have taken it already
        sizeBytes -= e.weight();
        erased++;
      }
      cache.asMap().remove(e, e);
    }
    return erased;
  }

  /** Number of entries (after any pending maintenance). */
  @Override
  public int size() {
    cache.cleanUp();
    return ordered.size();
  }

  /** Bytes of Data wire held (after any pending maintenance). */
  @Override
  public long sizeBytes() {
    cache.cleanUp();
    return sizeBytes;
  }

  @Override
  public long capacityBytes() {
    return capacityBytes;
  }

  @Override
  public void setCapacityBytes(long bytes) {
    eviction.setMaximum(checkCapacity(bytes));
    capacityBytes = bytes;
    cache.cleanUp();
  }

  /** The counters, after any pending maintenance (so evictions are all counted). */
  @Override
  public ContentStoreCounters counters() {
    cache.cleanUp();
    return counters;
  }
}
