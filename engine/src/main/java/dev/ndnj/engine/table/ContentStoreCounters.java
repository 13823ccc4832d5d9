package dev.ndnj.engine.table;

/** Counters of a {@link ContentStore}, read by management and tests. Updated on the forwarding thread only. */
public final class ContentStoreCounters {
  long hits;
  long misses;
  long inserts;
  long evictions;

  /** Lookups that returned a Data. */
  public long hits() {
    return hits;
  }

  /** Lookups that returned nothing. */
  public long misses() {
    return misses;
  }

  /** Data admitted. */
  public long inserts() {
    return inserts;
  }

  /** Entries evicted for capacity (not erased or replaced). */
  public long evictions() {
    return evictions;
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
