package dev.ndnj.engine.table;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;

/**
 * The Content Store: Data kept to answer later Interests. Used only on the forwarding thread (not thread-safe).
 * Implementations: {@link LruContentStore} (browser, and anywhere TeaVM compiles the engine) and
 * {@code table.caffeine.CaffeineContentStore} (the JVM); both pass the same contract tests.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #find} returns a Data that satisfies the Interest as {@link Interest#matches} defines it: the exact
 *       name; with CanBePrefix, the first matching Data in canonical name order under the Interest name; with an
 *       ImplicitSha256DigestComponent last, exactly the Data whose full name is the Interest name (the digest is
 *       computed only for that candidate).
 *   <li>MustBeFresh: a Data is fresh until its insertion time plus its FreshnessPeriod, on the injected clock; a
 *       FreshnessPeriod of 0 (or none) means never fresh. Stale Data still answer Interests without MustBeFresh;
 *       a CanBePrefix lookup with MustBeFresh skips stale Data and returns the first fresh one.
 *   <li>At most one Data per name: inserting a Data replaces the one with the same name (and so the one with the
 *       same full name), restarting its freshness. Replacement is not an eviction.
 *   <li>Capacity is in bytes of packet wire (the sum of {@link Data#wireLength()}); a Data larger than the whole
 *       capacity is not stored. What is evicted first is the implementation's policy.
 *   <li>Stored Data are the packets' own views (no copy): the caller must hand over buffers it will not reuse, and
 *       a returned Data is shared (read-only, like every packet).
 * </ul>
 */
public interface ContentStore {
  /**
   * The Data to answer {@code interest} with, or null. Counted as a hit or a miss; when serving is off it returns
   * null and counts a miss (as NFD does). A hit makes the entry recently used.
   */
  Data find(Interest interest);

  /**
   * The Data named exactly by the name whose TLV-VALUE (component TLVs) is the {@code length} octets of
   * {@code octets} from {@code from}, with {@code hash} its {@link Name#hashValue}, if it may answer an Interest
   * without CanBePrefix and with {@code mustBeFresh}: then it is what {@link #find} would return for that Interest,
   * and it is counted and made recently used as {@link #find} does. Otherwise (no such Data, stale, serving off, or
   * a store without this lookup) null, with nothing counted or changed: the caller then goes on to {@link #find},
   * which counts the miss. The forwarder's Content Store short path reads the Interest in place and asks this.
   *
   * <p>The default answers null (no short path); a store that can look up by octets overrides it.
   */
  default Data findExact(byte[] octets, int from, int length, int hash, boolean mustBeFresh) {
    return null;
  }

  /**
   * A hint that an Interest or a Data named {@code name} is about to be looked up or inserted: the store may read now
   * what that will read, so that the misses in the CPU's caches a large store's tables cause overlap with the
   * forwarder's work in between (the Dead Nonce List, the PIT) instead of adding to it. Changes and counts nothing.
   * The default does nothing.
   */
  default void prefetch(Name name) {}

  /**
   * Offers {@code data} for caching; ignored when admitting is off or when the Data is larger than the capacity.
   * Whether unsolicited Data are offered at all is the forwarder's policy, decided before calling. Replaces the
   * entry with the same name; may evict others to stay within the capacity (the Caffeine store may also refuse the
   * new Data at once if its admission policy judges it colder than what it would evict: counted as an insert and
   * an eviction). Counts an insert when the Data was offered to the store's policy.
   */
  void insert(Data data);

  /**
   * Removes up to {@code limit} entries whose name starts with {@code prefix}, first in canonical order; returns how
   * many were removed. Not counted as evictions.
   *
   * @throws IllegalArgumentException if {@code limit} is negative
   */
  int erase(Name prefix, int limit);

  /** Number of entries. */
  int size();

  /** Sum of the wire lengths of the stored Data, in bytes. */
  long sizeBytes();

  /** Capacity in bytes of Data wire; entries are evicted above it. */
  long capacityBytes();

  /**
   * Changes the capacity, evicting at once if needed (counted as evictions).
   *
   * @throws IllegalArgumentException if {@code bytes} is negative
   */
  void setCapacityBytes(long bytes);

  /** Whether new Data are admitted. */
  boolean admitEnabled();

  /** Enables or disables admitting new Data. */
  void setAdmitEnabled(boolean enabled);

  /** Whether lookups may answer Interests. */
  boolean serveEnabled();

  /** Enables or disables answering Interests. */
  void setServeEnabled(boolean enabled);

  /** Counters: hits, misses, inserts, evictions; the store's own live object, exact when read. */
  ContentStoreCounters counters();
}
