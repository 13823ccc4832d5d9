package dev.ndnj.bench.engine;

import java.util.Random;

/** Zipf-distributed index sequences: how popular content is asked for. */
final class Zipf {
  private Zipf() {}

  /**
   * {@code length} indexes in {@code [0, n)} drawn from a Zipf distribution of exponent {@code s} over ranks, the
   * ranks mapped to indexes through a random permutation (so popular items are spread over the index range).
   * Deterministic for a seed.
   */
  static int[] sequence(int n, double s, int length, long seed) {
    Random rnd = new Random(seed);
    double[] cdf = new double[n];
    double sum = 0;
    for (int r = 0; r < n; r++) {
      sum += 1.0 / Math.pow(r + 1, s);
      cdf[r] = sum;
    }
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int[] out = new int[length];
    for (int k = 0; k < length; k++) {
      double u = rnd.nextDouble() * sum;
      int lo = 0;
      int hi = n - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cdf[mid] < u) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      out[k] = perm[lo];
    }
    return out;
  }
}
