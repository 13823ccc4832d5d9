package dev.ndnj.engine.table;

import dev.ndnj.engine.platform.Clock;
import dev.ndnj.tlv.Name;

/**
 * Remembers (name, Nonce) pairs of Interests that left the PIT, for {@link #DEFAULT_LIFETIME_MILLIS} (6 s as in
 * NFD), so a looping Interest that comes back after its PIT entry is gone is still recognised. Memory-bounded: at
 * most {@code capacity} pairs, the oldest forgotten first (counted). Pairs are stored as 64-bit hashes (a false
 * positive is as unlikely as in NFD). O(1) per operation; forwarding thread only.
 */
public final class DeadNonceList {
  /** How long a pair is remembered. */
  public static final long DEFAULT_LIFETIME_MILLIS = 6000;

  private final Clock clock;
  private final long lifetime;
  private final long[] ring;
  private final long[] ringTime;
  private int head;
  private int count;
  private long[] set;
  private int setSize;
  private long evictedEarly;

  /** A list remembering pairs for {@code lifetimeMillis}, at most {@code capacity} of them. */
  public DeadNonceList(Clock clock, long lifetimeMillis, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.clock = clock;
    this.lifetime = lifetimeMillis;
    this.ring = new long[capacity];
    this.ringTime = new long[capacity];
    int cap = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
    this.set = new long[cap];
  }

  /** The lifetime of a pair in milliseconds. */
  public long lifetime() {
    return lifetime;
  }

  private static long key(int nameHash, int nonce) {
    long h = nameHash * 0x9E3779B97F4A7C15L + (nonce & 0xffffffffL) * 0xC2B2AE3D27D4EB4FL;
    h ^= h >>> 31;
    return h == 0 ? 1 : h;
  }

  /** Whether (name, nonce) was added within the lifetime. */
  public boolean has(Name name, int nonce) {
    return count != 0 && has(name.hashCode(), nonce);
  }

  /**
   * Whether (name, nonce) was added within the lifetime, the name given by its hash ({@link Name#hashCode()}, or
   * {@link Name#hashValue} of its octets): pairs are kept as hashes, so this is the same test without a name.
   */
  public boolean has(int nameHash, int nonce) {
    if (count == 0) {
      return false; // nothing to expire either: no clock read, no probe
    }
    expire();
    return contains(key(nameHash, nonce));
  }

  /** Remembers (name, nonce). */
  public void add(Name name, int nonce) {
    expire();
    long k = key(name.hashCode(), nonce);
    if (contains(k)) {
      return;
    }
    if (count == ring.length) {
      removeOldest();
      evictedEarly++;
    }
    int tail = (head + count) % ring.length;
    ring[tail] = k;
    ringTime[tail] = clock.monotonicMillis() + lifetime;
    count++;
    insertKey(k);
  }

  /** Number of pairs remembered. */
  public int size() {
    expire();
    return count;
  }

  /** Pairs forgotten before their lifetime because the list was full. */
  public long evictedEarly() {
    return evictedEarly;
  }

  private void expire() {
    long now = clock.monotonicMillis();
    while (count > 0 && ringTime[head] <= now) {
      removeOldest();
    }
  }

  private void removeOldest() {
    removeKey(ring[head]);
    head = (head + 1) % ring.length;
    count--;
  }

  private boolean contains(long k) {
    int mask = set.length - 1;
    for (int i = (int) (k ^ (k >>> 32)) & mask; ; i = (i + 1) & mask) {
      if (set[i] == 0) {
        return false;
      }
      if (set[i] == k) {
        return true;
      }
    }
  }

  private void insertKey(long k) {
    int mask = set.length - 1;
    int i = (int) (k ^ (k >>> 32)) & mask;
    while (set[i] != 0) {
      i = (i + 1) & mask;
    }
    set[i] = k;
    setSize++;
  }

  private void removeKey(long k) {
    int mask = set.length - 1;
    int i = (int) (k ^ (k >>> 32)) & mask;
    while (set[i] != k) {
      if (set[i] == 0) {
        return;
      }
      i = (i + 1) & mask;
    }
    int hole = i;
    while (true) {
      i = (i + 1) & mask;
      if (set[i] == 0) {
        break;
      }
      int home = (int) (set[i] ^ (set[i] >>> 32)) & mask;
      boolean between = hole <= i ? home > hole && home <= i : home > hole || home <= i;
      if (!between) {
        set[hole] = set[i];
        hole = i;
      }
    }
    set[hole] = 0;
    setSize--;
  }
}
