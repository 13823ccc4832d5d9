package dev.ndnj.bench.table;

import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.engine.table.ContentStore;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Hit ratio of {@code LruContentStore} against {@code CaffeineContentStore} with the same byte capacity, on a stream
 * of Interests whose names follow a Zipf(0.9) popularity over a catalogue ten times larger than what fits.
 *
 * <p>The catalogue is {@link CsWorkload}'s (segments of {@code /ndn/<site>/<app>/v=N/seg=M}, 500-1499 octets of
 * content); popularity ranks are assigned to items by a fixed random permutation. Each request does what the
 * forwarder does: look the Interest up, and on a miss insert the Data (as if it came back from upstream). The
 * store's capacity is {@code size} times the mean wire length, so about {@code size} Data fit. After a warm-up of
 * twice the catalogue, the hit ratio is counted over five times the catalogue (at least a million requests); both
 * stores see the same request sequence. The last column is the hit ratio of a static cache of the {@code size} most
 * popular items, an upper bound for a policy that knows the distribution. Run from the repository root after
 * building (see docs/benchmarks.md); arguments are sizes in entries (default 1000 10000 100000):
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.ndnj.bench.table.CsHitRatio</pre>
 */
public final class CsHitRatio {
  private static final double SKEW = 0.9;
  private static final long SEED = 20_240_611L;

  private CsHitRatio() {}

  /** Prints one line per size and implementation. */
  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {1_000, 10_000, 100_000}
        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    double meanWire = CsWorkload.meanWireLength(4096);
    System.out.println("Zipf(" + SKEW + "), catalogue = 10 x size, capacity = size x " + Math.round(meanWire)
        + " B (mean wire length)");
    System.out.println(String.format(Locale.ROOT, "%9s %10s %9s %11s %10s %9s %11s %9s", "size", "catalogue", "store", "requests",
        "hit ratio", "entries", "evictions", "ns/req"));
    for (int size : sizes) {
      int catalogue = 10 * size;
      double[] cdf = zipfCdf(catalogue, SKEW);
      int[] itemOfRank = permutation(catalogue, new SplittableRandom(SEED ^ size));
      long capacity = Math.round(size * meanWire);
      long warm = 2L * catalogue;
      long measured = Math.max(5L * catalogue, 1_000_000);
      double ideal = cdf[size - 1];
      for (String impl : new String[] {"lru", "caffeine"}) {
        ContentStore cs = CsWorkload.newStore(impl, new ManualClock(), capacity);
        Name[] objects = new Name[(catalogue + CsWorkload.SEGMENTS - 1) / CsWorkload.SEGMENTS];
        SplittableRandom rnd = new SplittableRandom(SEED);
        run(cs, objects, cdf, itemOfRank, rnd, warm);
        long hitsBefore = cs.counters().hits();
        long start = System.nanoTime();
        run(cs, objects, cdf, itemOfRank, rnd, measured);
        long elapsed = System.nanoTime() - start;
        double ratio = (double) (cs.counters().hits() - hitsBefore) / measured;
        System.out.println(String.format(Locale.ROOT, "%9d %10d %9s %11d %10.4f %9d %11d %9.0f", size, catalogue, impl, measured,
            ratio, cs.size(), cs.counters().evictions(), (double) elapsed / measured));
      }
      System.out.println(String.format(Locale.ROOT, "%9d %10d %9s %11s %10.4f", size, catalogue, "top-size", "", ideal));
    }
  }

  private static void run(ContentStore cs, Name[] objects, double[] cdf, int[] itemOfRank, SplittableRandom rnd,
      long requests) {
    for (long r = 0; r < requests; r++) {
      int item = itemOfRank[rank(cdf, rnd.nextDouble())];
      int object = item / CsWorkload.SEGMENTS;
      Name objectName = objects[object];
      if (objectName == null) {
        objectName = CsWorkload.objectName(object);
        objects[object] = objectName;
      }
      Name name = objectName.append(Component.segment(item % CsWorkload.SEGMENTS));
      Interest interest = CsWorkload.interest(name, false, false);
      if (cs.find(interest) == null) {
        Data data = CsWorkload.data(name, CsWorkload.contentLength(item));
        cs.insert(data);
      }
    }
  }

  /** cdf[i] = probability that a request is for one of the ranks 0..i. */
  private static double[] zipfCdf(int n, double s) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1 / Math.pow(i + 1, s);
      cdf[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      cdf[i] /= sum;
    }
    return cdf;
  }

  private static int rank(double[] cdf, double u) {
    int i = Arrays.binarySearch(cdf, u);
    return Math.min(i >= 0 ? i : -i - 1, cdf.length - 1);
  }

  private static int[] permutation(int n, SplittableRandom rnd) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }
}
