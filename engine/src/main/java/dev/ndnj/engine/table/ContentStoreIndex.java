package dev.ndnj.engine.table;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * The ordered index of a {@link ContentStore}: entries in the canonical order of their Data names, so that a
 * CanBePrefix Interest finds the first matching Data under its name by walking forward from it (all names under a
 * prefix are contiguous in that order, right after the prefix itself). Building block shared by the
 * implementations; TeaVM-compilable (a {@link TreeMap} of {@link ContentStoreKey}s, each entry being its own key).
 * Not thread-safe, like the stores. Entries returned are the ones put in (owned by the store that put them).
 *
 * @param <E> the store's entry type
 */
public final class ContentStoreIndex<E extends ContentStoreEntry> {
  private final TreeMap<ContentStoreKey, E> byName = new TreeMap<>(ContentStoreKey::compare);

  /**
   * Adds {@code e}.
   *
   * @throws IllegalStateException if an entry with the same name is present (the caller removes it first)
   */
  public void add(E e) {
    E old = byName.put(e, e);
    if (old != null) {
      byName.put(old, old);
      throw new IllegalStateException("Content Store index already holds " + e);
    }
  }

  /** Removes {@code e} (this very entry, not another of the same name); returns whether it was there. */
  public boolean remove(E e) {
    E removed = byName.remove(e);
    if (removed != null && removed != e) {
      byName.put(removed, removed);
      return false;
    }
    return removed != null;
  }

  /**
   * The first entry in canonical order whose name starts with {@code prefix} (the prefix itself included) and which
   * may answer an Interest with the given MustBeFresh at monotonic time {@code now}; null if none. Stale entries
   * skipped on the way cost one step each.
   */
  public E firstMatch(ContentStoreKey prefix, boolean mustBeFresh, long now) {
    for (E e : byName.tailMap(prefix, true).values()) {
      if (!prefix.isPrefixOf(e)) {
        return null;
      }
      if (e.satisfies(mustBeFresh, now)) {
        return e;
      }
    }
    return null;
  }

  /**
   * Up to {@code limit} entries under {@code prefix}, first in canonical order; a new list owned by the caller. The
   * entries stay in the index: the caller removes them from all its structures.
   */
  public List<E> under(ContentStoreKey prefix, int limit) {
    List<E> out = new ArrayList<>();
    Iterator<E> it = byName.tailMap(prefix, true).values().iterator();
    while (out.size() < limit && it.hasNext()) {
      E e = it.next();
      if (!prefix.isPrefixOf(e)) {
        break;
      }
      out.add(e);
    }
    return out;
  }

  /** Number of entries. */
  public int size() {
    return byName.size();
  }
}
