package dev.ndnj.engine.table.caffeine;

/**
 * Which name hashes may be in a set that changes (a counting Bloom filter, blocked): each hash has three 4-bit
 * counters in one 64-bit word, the word chosen by the hash's low bits and the counters by the high bits of the hash
 * times a constant, so a query or an update reads one word (one memory access, wherever the set's own entries are).
 * {@link #mayContain} never answers false for a hash added more times than removed; it answers true for a hash not
 * in the set about once in 57 queries when the set holds as many hashes as the filter has words, once in 165 at half
 * that (simulated with random hashes). A counter that reaches 15 stays there, so it can only say "maybe" from then
 * on; a removal never takes a counter below zero.
 *
 * <p>Used by {@link CaffeineContentStore} to skip probing Caffeine's hash table for names it does not hold.
 * Not thread-safe.
 */
final class CountingFilter {
  private static final int SATURATED = 15;
  /** Odd constant whose product with the hash gives the counters' positions, independent of the word's bits. */
  private static final int SPREAD = 0x9e3779b9;

  private final long[] words;
  private final int mask;

  /** An empty filter of at least {@code words} 64-bit words (rounded up to a power of two, at most 2^24). */
  CountingFilter(long words) {
    int n = (int) Math.min(1 << 24, Math.max(1, Long.highestOneBit(Math.max(1, words) - 1) << 1));
    this.words = new long[n];
    this.mask = n - 1;
  }

  /** Number of 64-bit words. */
  int words() {
    return words.length;
  }

  /** Counts one more {@code hash}. */
  void add(int hash) {
    update(hash, 1);
  }

  /** Counts one {@code hash} fewer; the caller added it before. */
  void remove(int hash) {
    update(hash, -1);
  }

  /** False if {@code hash} is not counted; true if it may be. */
  boolean mayContain(int hash) {
    long w = words[hash & mask];
    int h = hash * SPREAD;
    return (w >>> shift(h, 28) & SATURATED) != 0 && (w >>> shift(h, 24) & SATURATED) != 0
        && (w >>> shift(h, 20) & SATURATED) != 0;
  }

  /** Reads the word of {@code hash} (and returns it: whatever it is, the read has brought it into the CPU's cache). */
  long touch(int hash) {
    return words[hash & mask];
  }

  /** Bit position in the word of the counter that {@code h >>> at} selects. */
  private static int shift(int h, int at) {
    return (h >>> at & 15) << 2;
  }

  private void update(int hash, int delta) {
    int i = hash & mask;
    int h = hash * SPREAD;
    long w = words[i];
    for (int at = 28; at >= 20; at -= 4) {
      int s = shift(h, at);
      long c = w >>> s & SATURATED;
      if (c != SATURATED && c + delta >= 0) {
        w += (long) delta << s;
      }
    }
    words[i] = w;
  }
}
