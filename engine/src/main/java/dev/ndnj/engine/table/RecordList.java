package dev.ndnj.engine.table;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The in-records or out-records of a {@link PitEntry}: a list that holds its first two elements in fields and only
 * the rest in an array. Nearly every entry has one downstream and one upstream, so this is one object per list
 * where an {@code ArrayList} is two (the list and its array): two allocations and 32 bytes less per PIT entry.
 * Supports what the PIT does with records: append, remove by index, clear, and indexed reads. Not thread-safe.
 *
 * @param <R> the record type
 */
final class RecordList<R> extends AbstractList<R> implements RandomAccess {
  private R first;
  private R second;
  /** Elements from index 2 on, or null. */
  private Object[] rest;
  private int size;

  @Override
  public int size() {
    return size;
  }

  @Override
  @SuppressWarnings("unchecked")
  public R get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + ", size " + size);
    }
    return index == 0 ? first : index == 1 ? second : (R) rest[index - 2];
  }

  @Override
  public boolean add(R r) {
    if (size == 0) {
      first = r;
    } else if (size == 1) {
      second = r;
    } else {
      int i = size - 2;
      if (rest == null) {
        rest = new Object[2];
      } else if (i == rest.length) {
        rest = Arrays.copyOf(rest, rest.length * 2);
      }
      rest[i] = r;
    }
    size++;
    modCount++;
    return true;
  }

  @Override
  public R remove(int index) {
    R old = get(index);
    // shift left by one from index on
    for (int i = index; i < size - 1; i++) {
      set0(i, get(i + 1));
    }
    set0(size - 1, null);
    size--;
    modCount++;
    return old;
  }

  private void set0(int index, R r) {
    if (index == 0) {
      first = r;
    } else if (index == 1) {
      second = r;
    } else {
      rest[index - 2] = r;
    }
  }

  @Override
  public void clear() {
    for (int i = 2; i < size; i++) {
      rest[i - 2] = null;
    }
    first = null;
    second = null;
    size = 0;
    modCount++;
  }
}
