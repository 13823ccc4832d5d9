package dev.ndnj.engine.table;

import dev.ndnj.tlv.Name;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * The ordered index of a {@link ContentStore}: entries by Data name in the canonical order of the NDN packet format,
 * so that a CanBePrefix Interest finds the first matching Data under its name by walking forward from it (all names
 * under a prefix are contiguous in that order, right after the prefix itself). Building block shared by the
 * implementations; TeaVM-compilable (a {@link TreeMap}). Not thread-safe, like the stores.
 *
 * <p>The index keys every entry by its own Data's name, so it keeps no other packet's bytes alive. Entries returned
 * are the ones put in (owned by the store that put them).
 *
 * @param <E> the store's entry type
 */
public final class ContentStoreIndex<E extends ContentStoreEntry> {
  private final TreeMap<Name, E> byName = new TreeMap<>();

  /** Adds {@code e}, replacing (and returning) the entry with the same name, or null. */
  public E put(E e) {
    Name name = e.name();
    // Remove first: TreeMap.put keeps the old key object, which would keep the replaced Data's bytes alive.
    E old = byName.remove(name);
    byName.put(name, e);
    return old;
  }

  /** Removes {@code e} if it is the entry indexed under its name; returns whether it was. */
  public boolean remove(E e) {
    Name name = e.name();
    if (byName.get(name) != e) {
      return false;
    }
    byName.remove(name);
    return true;
  }

  /** The entry whose Data is named exactly {@code name}, or null. O(log n) name comparisons. */
  public E get(Name name) {
    return byName.get(name);
  }

  /**
   * The first entry in canonical order whose name starts with {@code prefix} (the prefix itself included) and which
   * may answer an Interest with the given MustBeFresh at monotonic time {@code now}; null if none. Stale entries
   * skipped on the way cost one step each.
   */
  public E firstMatch(Name prefix, boolean mustBeFresh, long now) {
    for (E e : byName.tailMap(prefix, true).values()) {
      if (!prefix.isPrefixOf(e.name())) {
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
  public List<E> under(Name prefix, int limit) {
    List<E> out = new ArrayList<>();
    Iterator<E> it = byName.tailMap(prefix, true).values().iterator();
    while (out.size() < limit && it.hasNext()) {
      E e = it.next();
      if (!prefix.isPrefixOf(e.name())) {
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
