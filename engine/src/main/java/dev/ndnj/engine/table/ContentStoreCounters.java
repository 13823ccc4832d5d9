package dev.ndnj.engine.table;

/**
 * Counters of a {@link ContentStore}, read by management and tests. Updated on the forwarding thread only. Kept as
 * {@code double}s (exact up to 2^53) and read as {@code long}s, as the face and forwarder counters are: a {@code long}
 * is a BigInt in TeaVM's JavaScript, and an increment of one allocates there.
 */
public final class ContentStoreCounters {
  double hits;
  double misses;
  double inserts;
  double evictions;

  /** Lookups that returned a Data. */
  public long hits() {
    return (long) hits;
  }

  /** Lookups that returned nothing. */
  public long misses() {
    return (long) misses;
  }

  /** Data admitted. */
  public long inserts() {
    return (long) inserts;
  }

  /** Entries evicted for capacity (not erased or replaced). */
  public long evictions() {
    return (long) evictions;
  }

  /** Records a hit. */
  public void hit() {
    hits++;
  }

  /** Records a miss. */
  public void miss() {
    misses++;
  }

  /** Records an insert. */
  public void insert() {
    inserts++;
  }

  /** Records an eviction. */
  public void eviction() {
    evictions++;
  }
}
