package dev.ndnj.engine.table;

import dev.ndnj.engine.platform.Clock;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvTypes;

/**
 * What every {@link ContentStore} implementation shares: the admit and serve flags, the counters, the clock that
 * times freshness, and the matching rules of a lookup (an exact name; a full name with an implicit digest; the
 * canonically first Data under a CanBePrefix Interest's name; MustBeFresh), written once over the two probes an
 * implementation supplies: {@link #exact} (a hash lookup by name) and {@link #firstUnder} (the ordered index).
 * Forwarding thread only.
 *
 * @param <E> the implementation's entry type
 */
public abstract class AbstractContentStore<E extends ContentStoreEntry> implements ContentStore {
  /** The clock that times freshness and insertion. */
  protected final Clock clock;
  /** Hits, misses, inserts and evictions. */
  protected final ContentStoreCounters counters = new ContentStoreCounters();
  private boolean admit = true;
  private boolean serve = true;

  /**
   * A store timing freshness with {@code clock}.
   *
   * @throws IllegalArgumentException if the clock is null
   */
  protected AbstractContentStore(Clock clock) {
    if (clock == null) {
      throw new IllegalArgumentException("clock is null");
    }
    this.clock = clock;
  }

  /**
   * {@code bytes} if it is a valid capacity.
   *
   * @throws IllegalArgumentException if it is negative
   */
  protected static long checkCapacity(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("Content Store capacity must be >= 0 bytes, not " + bytes);
    }
    return bytes;
  }

  /** The entry stored under exactly the name of {@code key}, or null (counted as an access where that matters). */
  protected abstract E exact(ContentStoreKey key);

  /** The canonically first entry under {@code prefix} that satisfies MustBeFresh at {@code now}, or null. */
  protected abstract E firstUnder(ContentStoreKey prefix, boolean mustBeFresh, long now);

  /** Whether nothing is stored (a lookup then builds no key). */
  protected abstract boolean isEmpty();

  /** What a hit does to the entry beyond counting it (the LRU makes it the most recent). */
  protected void touched(E entry) {}

  @Override
  public final Data find(Interest interest) {
    E e = serve ? lookup(interest) : null;
    if (e == null) {
      counters.miss();
      return null;
    }
    touched(e);
    counters.hit();
    return e.data();
  }

  private E lookup(Interest interest) {
    if (isEmpty()) {
      return null; // an empty store (or one of capacity 0): no key to build
    }
    Name n = interest.name();
    boolean mustBeFresh = interest.mustBeFresh();
    long now = clock.monotonicMillis();
    int last = n.size() - 1;
    if (last >= 0 && n.componentType(last) == TlvTypes.IMPLICIT_SHA256_DIGEST_COMPONENT) {
      // The only Data whose full name is n: the one named n minus its digest, if the digest agrees.
      E e = exact(new ContentStoreKey(n.getPrefix(last)));
      if (e != null && e.satisfies(mustBeFresh, now) && e.digestMatches(n)) {
        return e;
      }
      return interest.canBePrefix() ? firstUnder(new ContentStoreKey(n), mustBeFresh, now) : null;
    }
    ContentStoreKey key = new ContentStoreKey(n);
    E e = exact(key);
    if (e != null && e.satisfies(mustBeFresh, now)) {
      return e; // also the canonically first match of a CanBePrefix Interest
    }
    return interest.canBePrefix() ? firstUnder(key, mustBeFresh, now) : null;
  }

  @Override
  public final boolean admitEnabled() {
    return admit;
  }

  @Override
  public final void setAdmitEnabled(boolean enabled) {
    admit = enabled;
  }

  @Override
  public final boolean serveEnabled() {
    return serve;
  }

  @Override
  public final void setServeEnabled(boolean enabled) {
    serve = enabled;
  }

  @Override
  public ContentStoreCounters counters() {
    return counters;
  }
}
