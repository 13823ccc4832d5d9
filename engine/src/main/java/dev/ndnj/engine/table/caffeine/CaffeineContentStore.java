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
import dev.ndnj.engine.table.LruTier;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import java.util.List;

/**
 * The JVM's {@link ContentStore}: Data asked for more than once live in a Caffeine cache bounded by the bytes of Data
 * wire, whose W-TinyLFU policy admits an entry only if it is likely to be asked for more often than the one it would
 * push out, so a scan of one-off Data does not flush popular content as it does in an LRU; Data seen for the first
 * time wait in a small front tier ({@link LruTier}, 1/64 of the capacity up to 128 KiB, in stores of at least
 * {@link #MIN_CAPACITY_WITH_FRONT} bytes) that costs a fraction of a Caffeine insert.
 * Same contract as {@code LruContentStore}. This package is the only place in the engine that sees Caffeine; TeaVM
 * never compiles it.
 *
 * <p>Why two tiers: most Data a busy forwarder caches is never asked for again, and for each of them Caffeine's insert
 * (a {@code ConcurrentHashMap} insert and removal, its write buffer, window and probation deques, the admission's
 * sketch reads) costs about three times what the LRU's does, on the forwarding thread, while its admission then
 * refuses most of them anyway. The front tier plays the part of Caffeine's own admission window in front of it:
 * <ul>
 *   <li>A new Data goes to the front unless a <em>doorkeeper</em> (three bits per name hash, cleared after as many
 *       inserts as the store holds Data of 1 KiB) says its name was inserted recently, or it replaces a stored Data of
 *       the same name, or it is larger than the front: then it goes to Caffeine, whose frequency sketch then decides.
 *   <li>A hit on a front entry moves it to Caffeine (the same entry: its freshness keeps its insertion time), the hit
 *       counted as an access there.
 *   <li>When the front overflows, its least recently used entries move to Caffeine while Caffeine has room (so an
 *       unfilled store keeps everything, as a plain cache does) and are evicted otherwise.
 * </ul>
 * A name is in at most one tier. Hit ratio on a Zipf(0.9) stream is that of Caffeine alone (docs/benchmarks.md).
 *
 * <p>How it is put together:
 * <ul>
 *   <li>The cache maps each entry (which is the {@link ContentStoreKey} of its Data's name) to itself
 *       ({@code maximumWeight} = capacity minus the front's, weigher = wire length) and is, with the front's table,
 *       the exact-name index; one {@link ContentStoreIndex} in canonical order holds the entries of both tiers and
 *       serves CanBePrefix lookups and erase.
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
  /** The front tier's share of the capacity, {@code capacity >> FRONT_SHIFT} (1/64), up to {@link #MAX_FRONT_BYTES}. */
  static final int FRONT_SHIFT = 6;
  /**
   * The largest front tier (128 KiB, about 120 Data of 1 KiB): a Data waits there for a second request for as many
   * inserts as the front holds, and what is asked for later is caught by the doorkeeper when it comes back; a front
   * this small keeps its least recently used entries (each insert into a full front evicts one) in the CPU's caches,
   * where 1/64 of a large store would not be (the same hit ratio on a Zipf(0.9) stream, docs/benchmarks.md).
   */
  static final long MAX_FRONT_BYTES = 128 << 10;
  /**
   * The smallest capacity with a front tier: its share then holds a packet of the largest size NDN links carry
   * (8,800 octets). A smaller store is Caffeine alone, so that its capacity is not split into parts too small to
   * hold a Data.
   */
  public static final long MIN_CAPACITY_WITH_FRONT = 8800L << FRONT_SHIFT;
  /** 64-bit words of {@link #cachedNames} per nominal entry. */
  private static final int CACHED_FILTER_WORDS_PER_ENTRY = 1;
  /** Doorkeeper bits per nominal entry (the capacity over {@value #NOMINAL_ENTRY_BYTES} bytes). */
  private static final int DOORKEEPER_BITS_PER_ENTRY = 16;
  /** The Data size the doorkeeper is sized for. */
  private static final int NOMINAL_ENTRY_BYTES = 1024;

  private final Cache<ContentStoreKey, ContentStoreEntry> cache;
  private final Policy<ContentStoreKey, ContentStoreEntry> policy;
  private final Policy.Eviction<ContentStoreKey, ContentStoreEntry> eviction;
  private final LruTier front = new LruTier();
  private final ContentStoreIndex<ContentStoreEntry> ordered = new ContentStoreIndex<>();
  /** Bytes of Data wire held by both tiers. */
  private long sizeBytes;
  private long capacityBytes;
  private long frontCapacity;
  private long[] doorkeeper;
  /**
   * The name hashes of the cached entries (in Caffeine, not the front): a lookup of a name that is nowhere (the
   * common case) reads one word of it instead of probing the cache's hash table, whose nodes are far apart in a
   * large store. One word per nominal entry: about one probe in 60 of a name not cached still goes to the table.
   */
  private CountingFilter cachedNames;
  private int doorkeeperPeriod;
  private int sinceDoorkeeperReset;
  /** What {@link #prefetch} read, so that the reads are not left out; never used otherwise. */
  private long prefetched;

  /**
   * An empty store holding at most {@code capacityBytes} of Data wire, timing freshness with {@code clock}.
   *
   * @throws IllegalArgumentException if the capacity is negative
   */
  public CaffeineContentStore(Clock clock, long capacityBytes) {
    super(clock);
    checkCapacity(capacityBytes);
    this.cache = Caffeine.newBuilder()
        .maximumWeight(capacityBytes - frontCapacity(capacityBytes))
        .weigher((ContentStoreKey key, ContentStoreEntry e) -> e.weight())
        .executor(Runnable::run)
        .evictionListener(this::onEvicted)
        .build();
    this.policy = cache.policy();
    this.eviction = policy.eviction().orElseThrow();
    sizeFor(capacityBytes);
  }

  private static long frontCapacity(long capacity) {
    return capacity < MIN_CAPACITY_WITH_FRONT ? 0 : Math.min(MAX_FRONT_BYTES, capacity >> FRONT_SHIFT);
  }

  /** Sets the capacity and what follows from it: the front's share, the doorkeeper and the filter of cached names. */
  private void sizeFor(long capacity) {
    capacityBytes = capacity;
    frontCapacity = frontCapacity(capacity);
    long entries = Math.max(64, capacity / NOMINAL_ENTRY_BYTES);
    long bits = Math.min(1L << 26, Long.highestOneBit(entries * DOORKEEPER_BITS_PER_ENTRY - 1) << 1);
    doorkeeper = new long[(int) (bits >>> 6)];
    doorkeeperPeriod = (int) Math.min(Integer.MAX_VALUE, entries);
    sinceDoorkeeperReset = 0;
    cachedNames = new CountingFilter(entries * CACHED_FILTER_WORDS_PER_ENTRY);
    for (ContentStoreKey k : cache.asMap().keySet()) {
      cachedNames.add(k.hashCode());
    }
  }

  /** Whether a name of hash {@code hash} may be in the cache (false: it is not). */
  private boolean mayBeCached(int hash) {
    return cachedNames.mayContain(hash);
  }

  /** Puts {@code e}, in neither tier, into the cache (which may evict it at once: its admission refused). */
  private void cache(ContentStoreEntry e) {
    cachedNames.add(e.hashCode()); // first: the eviction listener may run inside put
    cache.put(e, e);
  }

  /** Removes {@code e} from the cache if it is still there. */
  private void uncache(ContentStoreEntry e) {
    if (cache.asMap().remove(e, e)) {
      cachedNames.remove(e.hashCode());
    }
  }

  /** Called by Caffeine, on this thread, for each entry it evicts (never for explicit removals). */
  private void onEvicted(ContentStoreKey key, ContentStoreEntry e, RemovalCause cause) {
    cachedNames.remove(key.hashCode());
    if (e != null && ordered.remove(e)) {
      sizeBytes -= e.weight();
    }
    if (cause == RemovalCause.SIZE) {
      counters.eviction();
    }
  }

  /**
   * Whether a name of hash {@code hash} was inserted since the doorkeeper was last cleared; marks it inserted. Three
   * bits of one 64-bit word per name (a blocked Bloom filter: one memory access), so false positives, which send a
   * one-off Data to Caffeine (where it may take the place of a cached one), are about one in 110 when the doorkeeper
   * is fullest and one in 350 over a period (simulated with random hashes, 16 bits per 1 KiB of capacity).
   */
  private boolean seenBefore(int hash) {
    if (++sinceDoorkeeperReset > doorkeeperPeriod) {
      java.util.Arrays.fill(doorkeeper, 0L);
      sinceDoorkeeperReset = 1;
    }
    int word = doorkeeperWord(hash);
    int h = hash * 0x9e3779b9; // bits independent of the word's
    long mask = 1L << (h >>> 26) | 1L << (h >>> 20) | 1L << (h >>> 14);
    long bits = doorkeeper[word];
    doorkeeper[word] = bits | mask;
    return (bits & mask) == mask;
  }

  /** The doorkeeper's word for a name of hash {@code hash} (bits apart from those that pick its three bits). */
  private int doorkeeperWord(int hash) {
    return (hash >>> 12) & (doorkeeper.length - 1);
  }

  private static boolean inFront(ContentStoreEntry e) {
    return e instanceof LruTier.Entry && ((LruTier.Entry) e).inTier();
  }

  /**
   * Reads the words of the filter of cached names and of the doorkeeper that a lookup and an insert of {@code name}
   * read (the forwarder calls this when an Interest or a Data arrives, before its Dead Nonce List and PIT work): in a
   * large store both are misses in the CPU's caches, which then overlap with that work.
   */
  @Override
  public void prefetch(Name name) {
    if (frontCapacity != 0) {
      int hash = name.hashCode();
      prefetched += cachedNames.touch(hash) + doorkeeper[doorkeeperWord(hash)];
    }
  }

  /** An exact-name probe: the front first; a probe of the cache records an access in W-TinyLFU's sketch. */
  @Override
  protected ContentStoreEntry exact(ContentStoreKey key) {
    LruTier.Entry f = front.get(key);
    return f != null ? f : mayBeCached(key.hashCode()) ? cache.getIfPresent(key) : null;
  }

  /** A hit on a front entry moves it to the cache. */
  @Override
  protected void touched(ContentStoreEntry e) {
    if (inFront(e)) {
      promote((LruTier.Entry) e);
    }
  }

  /** Moves a front entry that was asked for into the cache, the request counted as an access there. */
  private void promote(LruTier.Entry e) {
    front.remove(e);
    cache(e);
    cache.getIfPresent(e);
  }

  /**
   * The front's table, then a quiet probe of the cache, so that a miss or a stale Data (which the caller then looks
   * up again through {@link #find}) records nothing; a hit records its access in the frequency sketch as
   * {@link #find} does.
   */
  @Override
  public Data findExact(byte[] octets, int from, int length, int hash, boolean mustBeFresh) {
    if (sizeBytes == 0 || !serveEnabled()) {
      return null;
    }
    LruTier.Entry f = front.get(octets, from, length, hash);
    if (f != null) {
      if (!f.satisfies(mustBeFresh, clock.monotonicMillis())) {
        return null;
      }
      promote(f);
      counters.hit();
      return f.data();
    }
    if (!mayBeCached(hash)) {
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
    ContentStoreEntry e = ordered.firstMatch(prefix, mustBeFresh, now);
    if (e != null && !inFront(e)) {
      cache.getIfPresent(e); // a hit found through the ordered index counts for admission too
    }
    return e;
  }

  @Override
  public void insert(Data data) {
    int weight = data.wireLength();
    if (!admitEnabled() || weight > capacityBytes) {
      return;
    }
    long now = clock.monotonicMillis();
    LruTier.Entry e = new LruTier.Entry(data, now);
    // The old entry of the same name goes explicitly, from whichever tier holds it (a replacing put would keep the
    // old key, the old entry with the replaced Data).
    ContentStoreEntry old = front.get(e);
    if (old != null) {
      front.remove((LruTier.Entry) old);
    } else if (mayBeCached(e.hashCode())) {
      old = policy.getIfPresentQuietly(e);
      if (old != null) {
        uncache(old);
      }
    }
    if (old != null) {
      ordered.remove(old);
      sizeBytes -= old.weight();
    }
    // Index before put: Caffeine may evict the new entry itself (admission refused) during put, and the eviction
    // listener must find it there.
    ordered.add(e);
    sizeBytes += weight;
    counters.insert();
    if (old != null || weight > frontCapacity || seenBefore(e.hashCode())) {
      cache(e);
    } else {
      front.add(e);
      evictFront();
    }
  }

  /** Moves the front's least recently used entries to the cache while it has room, or evicts them. */
  private void evictFront() {
    while (front.sizeBytes() > frontCapacity) {
      LruTier.Entry v = front.leastRecent();
      front.remove(v);
      if (sizeBytes - front.sizeBytes() <= capacityBytes - frontCapacity) { // what is not in the front, v included
        cache(v);
      } else {
        ordered.remove(v);
        sizeBytes -= v.weight();
        counters.eviction();
      }
    }
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
      boolean wasInFront = inFront(e);
      if (ordered.remove(e)) { // an eviction triggered by a removal below may have taken it already
        sizeBytes -= e.weight();
        erased++;
      }
      if (wasInFront) {
        front.remove((LruTier.Entry) e);
      } else {
        uncache(e);
      }
    }
    return erased;
  }

  /** Number of entries in both tiers (after any pending maintenance). */
  @Override
  public int size() {
    cache.cleanUp();
    return ordered.size();
  }

  /** Bytes of Data wire held by both tiers (after any pending maintenance). */
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
    checkCapacity(bytes);
    sizeFor(bytes);
    eviction.setMaximum(bytes - frontCapacity);
    cache.cleanUp();
    evictFront();
  }

  /** The counters, after any pending maintenance (so evictions are all counted). */
  @Override
  public ContentStoreCounters counters() {
    cache.cleanUp();
    return counters;
  }
}
