package dev.ndnj.bench.table;

import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.engine.table.ContentStore;
import dev.ndnj.tlv.Data;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.util.Multiset;

/**
 * Prints how many bytes each Content Store implementation holds per entry beyond the packet itself, with 100,000
 * Data of {@link CsWorkload} inserted into a store whose capacity is exactly their wire bytes: all of them stay, and
 * the store is full, so Caffeine has sized its frequency sketch as it does in service.
 *
 * <p>"The packet" is what a decoded Data holds before the store sees it (the {@code Data}, its {@code Name}, offsets,
 * {@code SignatureInfo}, its buffer and octets). Two measurements: JOL's graph of the store, from which the packets'
 * graph taken before inserting is subtracted class by class (so the name hash arrays the store's indexes make the
 * names compute count as store overhead), and the heap delta (used heap after full GCs, before and after inserting,
 * with the packets kept alive throughout). Run from the repository root after building (see docs/benchmarks.md):
 *
 * <pre>java -Djdk.attach.allowAttachSelf=true -cp bench/target/benchmarks.jar dev.ndnj.bench.table.CsFootprint</pre>
 */
public final class CsFootprint {
  private static final int N = 100_000;

  private CsFootprint() {}

  /** Prints the footprints; an optional argument is the number of Data (default 100,000). */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : N;
    for (String impl : new String[] {"lru", "caffeine"}) {
      measure(impl, n);
    }
  }

  private static void measure(String impl, int n) {
    Data[] packets = new Data[n];
    long wire = 0;
    for (int i = 0; i < n; i++) {
      packets[i] = CsWorkload.data(i);
      wire += packets[i].wireLength();
    }
    GraphLayout before = GraphLayout.parseInstance((Object[]) packets); // the Data as roots, not the array
    ContentStore empty = CsWorkload.newStore(impl, new ManualClock(), wire);
    GraphLayout emptyLayout = GraphLayout.parseInstance(empty);

    long heapBefore = usedHeapAfterGc();
    ContentStore cs = CsWorkload.newStore(impl, new ManualClock(), wire);
    for (Data d : packets) {
      cs.insert(d);
    }
    if (cs.size() != n) {
      throw new IllegalStateException(impl + " holds " + cs.size() + " of " + n);
    }
    long heapAfter = usedHeapAfterGc();
    GraphLayout after = GraphLayout.parseInstance(cs);

    long packetBytes = before.totalSize();
    long storeBytes = after.totalSize() - packetBytes - emptyLayout.totalSize();
    System.out.println("== " + impl + ": " + n + " Data, " + wire + " B of wire (" + wire / n + " B each)");
    System.out.println("packets (JOL, before inserting): " + packetBytes + " B, " + packetBytes / n + " B per Data");
    System.out.println("store beyond the packets (JOL):   " + storeBytes + " B, "
        + String.format(Locale.ROOT, "%.1f", (double) storeBytes / n) + " B per entry (empty store " + emptyLayout.totalSize()
        + " B excluded)");
    System.out.println("heap delta (GC'd, packets live):  " + (heapAfter - heapBefore) + " B, "
        + String.format(Locale.ROOT, "%.1f", (double) (heapAfter - heapBefore) / n) + " B per entry");
    System.out.println("by class, store graph minus packet graph minus empty store (bytes per entry, objects):");
    printDiff(after, before, emptyLayout, n);
    System.out.println();
  }

  private static void printDiff(GraphLayout after, GraphLayout before, GraphLayout empty, int n) {
    Multiset<Class<?>> sizes = after.getClassSizes();
    Multiset<Class<?>> counts = after.getClassCounts();
    List<Class<?>> classes = new ArrayList<>(sizes.keys());
    classes.sort((a, b) -> Long.compare(diff(sizes, before.getClassSizes(), empty.getClassSizes(), b),
        diff(sizes, before.getClassSizes(), empty.getClassSizes(), a)));
    for (Class<?> c : classes) {
      long bytes = diff(sizes, before.getClassSizes(), empty.getClassSizes(), c);
      long objects = diff(counts, before.getClassCounts(), empty.getClassCounts(), c);
      if (bytes != 0 || objects != 0) {
        System.out.println(String.format(Locale.ROOT, "  %8.1f B %8d  %s", (double) bytes / n, objects, c.getName()));
      }
    }
  }

  private static long diff(Multiset<Class<?>> after, Multiset<Class<?>> before, Multiset<Class<?>> empty,
      Class<?> c) {
    return after.count(c) - before.count(c) - empty.count(c);
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
