package dev.ndnj.engine.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * The ordered index of a {@link ContentStore}: entries in the canonical order of their Data names, so that a
 * CanBePrefix Interest finds the first matching Data under its name by walking forward from it (all names under a
 * prefix are contiguous in that order, right after the prefix itself). Building block shared by the
 * implementations; TeaVM-compilable. Not thread-safe, like the stores. Entries returned are the ones put in (owned
 * by the store that put them).
 *
 * <p>Ordering is lazy. Most Data a forwarder caches is inserted, maybe found by exact name (through the store's hash
 * index), and evicted without any CanBePrefix Interest ever walking past it; paying O(log n) name comparisons (cache
 * misses, in a large store) to order each insert would be wasted on them. So {@link #add} only appends the entry to
 * an unordered pending array and {@link #remove} takes a pending entry out of it in O(1) (the last pending entry
 * moves into its slot; each entry knows its slot). The first ordered query ({@link #firstMatch}, {@link #under})
 * after inserts sorts the pending entries and merges them into the {@link TreeMap} of ordered entries: one by one
 * when they are few next to the ordered ones, else by rebuilding the map from the merge of the two sorted sequences
 * (each key put in ascending order). Cost: amortized at most what eager ordering costs, nothing for entries that
 * leave before an ordered query; the query that comes after a long run of exact-name traffic pays the sort of that
 * run once.
 *
 * @param <E> the store's entry type
 */
public final class ContentStoreIndex<E extends ContentStoreEntry> {
  /** Below this ratio of pending to ordered entries, pending ones are inserted one by one rather than merged. */
  private static final int MERGE_RATIO = 16;

  private TreeMap<ContentStoreKey, E> ordered = new TreeMap<>(ContentStoreKey::compare);
  private ContentStoreEntry[] pending = new ContentStoreEntry[64];
  private int pendingCount;

  /**
   * Adds {@code e}, which must not be in any index. The caller has removed any entry of the same name first; if it
   * has not, the next ordered query throws {@link IllegalStateException}.
   *
   * @throws IllegalStateException if {@code e} is already in an index
   */
  public void add(E e) {
    if (e.indexSlot != ContentStoreEntry.NOT_INDEXED) {
      throw new IllegalStateException("Content Store index already holds " + e);
    }
    if (pendingCount == pending.length) {
      pending = Arrays.copyOf(pending, pendingCount * 2);
    }
    e.indexSlot = pendingCount;
    pending[pendingCount++] = e;
  }

  /** Removes {@code e} (this very entry, not another of the same name); returns whether it was there. */
  public boolean remove(E e) {
    int slot = e.indexSlot;
    if (slot == ContentStoreEntry.NOT_INDEXED) {
      return false;
    }
    e.indexSlot = ContentStoreEntry.NOT_INDEXED;
    if (slot == ContentStoreEntry.ORDERED) {
      ordered.remove(e);
      return true;
    }
    ContentStoreEntry last = pending[--pendingCount];
    pending[slot] = last;
    last.indexSlot = slot;
    pending[pendingCount] = null;
    if (pendingCount < pending.length / 4 && pending.length > 64) {
      pending = Arrays.copyOf(pending, pending.length / 2);
    }
    return true;
  }

  /**
   * The first entry in canonical order whose name starts with {@code prefix} (the prefix itself included) and which
   * may answer an Interest with the given MustBeFresh at monotonic time {@code now}; null if none. Stale entries
   * skipped on the way cost one step each.
   */
  public E firstMatch(ContentStoreKey prefix, boolean mustBeFresh, long now) {
    order();
    for (E e : ordered.tailMap(prefix, true).values()) {
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
    order();
    List<E> out = new ArrayList<>();
    Iterator<E> it = ordered.tailMap(prefix, true).values().iterator();
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
    return ordered.size() + pendingCount;
  }

  /** Number of entries not ordered yet (for tests and footprint figures). */
  int pendingSize() {
    return pendingCount;
  }

  /** Moves every pending entry into the ordered map. */
  @SuppressWarnings("unchecked")
  private void order() {
    int n = pendingCount;
    if (n == 0) {
      return;
    }
    ContentStoreEntry[] batch = Arrays.copyOf(pending, n);
    Arrays.fill(pending, 0, n, null);
    pendingCount = 0;
    if (pending.length > 64) {
      pending = new ContentStoreEntry[64];
    }
    Arrays.sort(batch, ContentStoreKey::compare);
    for (int i = 1; i < n; i++) {
      if (ContentStoreKey.compare(batch[i - 1], batch[i]) == 0) {
        throw new IllegalStateException("Content Store index holds two entries named " + batch[i]);
      }
    }
    if ((long) n * MERGE_RATIO < ordered.size()) {
      for (ContentStoreEntry c : batch) {
        E e = (E) c;
        e.indexSlot = ContentStoreEntry.ORDERED;
        if (ordered.put(e, e) != null) {
          throw new IllegalStateException("Content Store index holds two entries named " + e);
        }
      }
      return;
    }
    TreeMap<ContentStoreKey, E> merged = new TreeMap<>(ContentStoreKey::compare);
    Iterator<E> old = ordered.values().iterator();
    E o = old.hasNext() ? old.next() : null;
    int i = 0;
    // keys put in ascending order: each put walks the tree's right spine, which stays in the CPU caches
    while (o != null || i < n) {
      E next;
      if (o == null || i < n && ContentStoreKey.compare(batch[i], o) < 0) {
        next = (E) batch[i++];
        next.indexSlot = ContentStoreEntry.ORDERED;
      } else {
        if (i < n && ContentStoreKey.compare(batch[i], o) == 0) {
          throw new IllegalStateException("Content Store index holds two entries named " + o);
        }
        next = o;
        o = old.hasNext() ? old.next() : null;
      }
      merged.put(next, next);
    }
    ordered = merged;
  }
}
