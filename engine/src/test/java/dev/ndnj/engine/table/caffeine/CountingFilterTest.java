package dev.ndnj.engine.table.caffeine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CountingFilterTest {
  @Test
  void sizeIsAPowerOfTwo() {
    assertEquals(1, new CountingFilter(0).words());
    assertEquals(1, new CountingFilter(1).words());
    assertEquals(64, new CountingFilter(33).words());
    assertEquals(64, new CountingFilter(64).words());
  }

  @Test
  void anAddedHashIsThereUntilRemovedAsOftenAsAdded() {
    CountingFilter f = new CountingFilter(64);
    assertFalse(f.mayContain(12345));
    f.add(12345);
    f.add(12345);
    assertTrue(f.mayContain(12345));
    f.remove(12345);
    assertTrue(f.mayContain(12345));
    f.remove(12345);
    assertFalse(f.mayContain(12345));
  }

  /** Random adds and removals against exact counts: never a false negative; empty again once all are removed. */
  @Test
  void noFalseNegativesUnderChurn() {
    CountingFilter f = new CountingFilter(256);
    Map<Integer, Integer> counts = new HashMap<>();
    SplittableRandom rnd = new SplittableRandom(7);
    for (int step = 0; step < 200_000; step++) {
      if (counts.isEmpty() || rnd.nextInt(100) < 52 && counts.size() < 600) {
        int h = rnd.nextInt(2000) * 0x61c88647;
        f.add(h);
        counts.merge(h, 1, Integer::sum);
      } else {
        List<Integer> present = new ArrayList<>(counts.keySet());
        int h = present.get(rnd.nextInt(present.size()));
        f.remove(h);
        counts.merge(h, -1, (a, b) -> a + b == 0 ? null : a + b);
      }
      if (step % 97 == 0) {
        for (int h : counts.keySet()) {
          assertTrue(f.mayContain(h), "false negative at step " + step);
        }
      }
    }
    int falsePositives = 0;
    for (int i = 0; i < 10_000; i++) {
      int h = rnd.nextInt();
      if (!counts.containsKey(h) && f.mayContain(h)) {
        falsePositives++;
      }
    }
    // 600 or so hashes in 256 words of 16 counters: "maybe" for some absent hashes, far from all of them
    assertTrue(falsePositives > 0 && falsePositives < 5_000, "false positives " + falsePositives);
  }

  /** Hashes that share one word and one counter push it to 15, where it stays ("maybe"), without a carry. */
  @Test
  void aSaturatedCounterStaysAndNeverCarriesIntoItsNeighbours() {
    CountingFilter f = new CountingFilter(1); // every hash shares the one word
    int inverse = inverseOf(0x9e3779b9);
    // hash * spread = i << 12: counter positions (bits 28-31, 24-27, 20-23 of that) all 0, the same counter thrice
    int[] same = new int[20];
    for (int i = 0; i < same.length; i++) {
      same[i] = (i << 12) * inverse;
    }
    int neighbour = 0x1230_0000 * inverse; // counters 1, 2 and 3
    f.add(neighbour);
    for (int h : same) {
      f.add(h);
    }
    f.remove(neighbour);
    assertFalse(f.mayContain(neighbour), "60 increments of counter 0 carried into counter 1");
    for (int h : same) {
      f.remove(h);
    }
    assertTrue(f.mayContain(same[0]), "a saturated counter keeps saying maybe");
    assertFalse(f.mayContain(neighbour));
  }

  /** Removing a hash that was never added (a caller's mistake) leaves the other hashes' counters alone. */
  @Test
  void aRemovalBelowZeroDoesNotBorrowFromANeighbour() {
    CountingFilter f = new CountingFilter(1);
    int inverse = inverseOf(0x9e3779b9);
    int neighbour = 0x1230_0000 * inverse; // counters 1, 2 and 3
    f.add(neighbour);
    f.remove(0); // counters 0, 0, 0, all zero
    assertTrue(f.mayContain(neighbour));
    assertFalse(f.mayContain(0));
  }

  private static int inverseOf(int odd) {
    int x = odd;
    for (int i = 0; i < 5; i++) {
      x *= 2 - odd * x;
    }
    return x;
  }
}
