package dev.ndnj.bench.engine;

import dev.ndnj.engine.fw.ForwarderConfig;
import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.engine.table.ContentStore;
import dev.ndnj.engine.table.LruContentStore;
import dev.ndnj.engine.table.caffeine.CaffeineContentStore;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import java.util.concurrent.CountDownLatch;
import org.openjdk.jol.info.GraphLayout;

/**
 * Prints, with JOL, the bytes a forwarder holds per PIT entry beyond the Interest packet, and per Content Store entry
 * beyond the Data packet, for {@code n} entries (default 100,000).
 *
 * <p>Method: the object graph reachable from the table's owner is taken before and after inserting the {@code n}
 * entries, and the packets' own graph (taken before inserting, as decoded) is taken away; what remains, divided by
 * {@code n}, is the cost per entry, with the table's arrays amortized at their fill level then. So the name's
 * prefix-hash array ({@code int[]}, 40 B for 7 components), which the table makes the name compute, counts as table
 * cost; in the forwarder the first lookup of any packet computes it anyway.
 *
 * <ul>
 *   <li>PIT: the production JVM engine of {@link ExchangeRig} (an {@code EventLoop} whose timer heap holds each
 *       entry's expiry timer); {@code n} Interests of {@link ExchangeWorkload} go in on the consumer face and out to
 *       the producer, which does not answer, so each entry is pending with one in-record, one out-record and its
 *       expiry timer. The loop is held still while the graphs are taken. The graph walked starts at the forwarder
 *       and the loop (faces, FIB, strategy choice, Dead Nonce List and CS are in both snapshots and cancel out).
 *   <li>CS: an {@code LruContentStore} and a {@code CaffeineContentStore} of 1 GiB (everything stays) get {@code n}
 *       Data of {@link ExchangeWorkload} (1 KB content on average).
 * </ul>
 * Run from the repository root after building (see docs/benchmarks.md):
 *
 * <pre>
 * java -Djdk.attach.allowAttachSelf=true -Xmx4g -cp bench/target/benchmarks.jar \
 *     dev.ndnj.bench.engine.EngineFootprint
 * </pre>
 */
public final class EngineFootprint {
  private EngineFootprint() {}

  /** Prints the footprints; an optional argument is the number of entries (default 100,000). */
  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("jol.magicFieldOffset") == null) {
      // lambdas (the expiry timers' tasks) are hidden classes, whose field offsets JOL can only get this way
      System.setProperty("jol.magicFieldOffset", "true");
    }
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    boolean details = args.length < 2 || !args[1].equals("brief");
    report("PIT entry (pending: 1 in-record, 1 out-record, expiry timer), beyond the Interest", pitEntry(n), n,
        details);
    for (String impl : new String[] {"lru", "caffeine"}) {
      report("CS entry, " + impl + ", beyond the Data", csEntry(impl, n), n, details);
    }
  }

  /** What {@code n} pending PIT entries add, beyond their Interests, in the production JVM engine. */
  public static GraphLayout pitEntry(int n) throws InterruptedException {
    return measured("dev.ndnj.tlv.Interest", () -> pitEntryOnce(n));
  }

  /** What {@code n} Content Store entries add, beyond their Data, in a store of implementation {@code impl}. */
  public static GraphLayout csEntry(String impl, int n) throws InterruptedException {
    return measured("dev.ndnj.tlv.Data", () -> csEntryOnce(impl, n));
  }

  private interface Measurement {
    GraphLayout take() throws InterruptedException;
  }

  /**
   * Takes {@code m} again (up to five times) while its result still holds instances of {@code packetClass}. JOL
   * subtracts layouts by object address, so a garbage collection between the parses of one measurement moves the
   * packets and leaves them in the difference; a collection first makes one during the parses unlikely.
   */
  private static GraphLayout measured(String packetClass, Measurement m) throws InterruptedException {
    GraphLayout g = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      System.gc();
      g = m.take();
      if (count(g, packetClass) == 0) {
        return g;
      }
    }
    return g;
  }

  /** Instances of the class named {@code className} in {@code g}. */
  static long count(GraphLayout g, String className) {
    for (Class<?> c : g.getClasses()) {
      if (c.getName().equals(className)) {
        return g.getClassCounts().count(c);
      }
    }
    return 0;
  }

  private static GraphLayout pitEntryOnce(int n) throws InterruptedException {
    ExchangeWorkload workload = new ExchangeWorkload(42);
    Interest[] interests = new Interest[n];
    for (int i = 0; i < n; i++) {
      interests[i] = workload.interest(i);
    }
    // the default per-face quota (65,536 in-records) would refuse part of a larger n
    ForwarderConfig config = new ForwarderConfig().pitPerFaceQuota(Math.max(n, 1 << 16));
    try (ExchangeRig rig = ExchangeRig.start("lru", 16 << 20, 42, config)) {
      GraphLayout packets = GraphLayout.parseInstance((Object[]) interests);
      GraphLayout before = whileLoopHeld(rig, () -> GraphLayout.parseInstance(rig.forwarder(), rig.loop()));
      rig.call(() -> {
        for (Interest interest : interests) {
          rig.injectForFootprint(interest);
        }
        return null;
      });
      ExchangeRig.Counts c = rig.counts();
      if (c.pitSize() != n || c.producerInterests() != n) {
        throw new IllegalStateException("expected " + n + " pending entries forwarded to the producer: " + c);
      }
      GraphLayout after = whileLoopHeld(rig, () -> GraphLayout.parseInstance(rig.forwarder(), rig.loop()));
      return after.subtract(before).subtract(packets);
    }
  }

  private static GraphLayout csEntryOnce(String impl, int n) {
    ExchangeWorkload workload = new ExchangeWorkload(42);
    Data[] data = new Data[n];
    for (int i = 0; i < n; i++) {
      data[i] = workload.data(i);
    }
    ManualClock clock = new ManualClock();
    long capacity = 1L << 30;
    ContentStore cs = impl.equals("lru") ? new LruContentStore(clock, capacity)
        : new CaffeineContentStore(clock, capacity);
    GraphLayout packets = GraphLayout.parseInstance((Object[]) data);
    GraphLayout before = GraphLayout.parseInstance(cs);
    for (Data d : data) {
      cs.insert(d);
    }
    if (cs.size() != n) {
      throw new IllegalStateException("expected " + n + " entries in the " + impl + " store, found " + cs.size());
    }
    GraphLayout after = GraphLayout.parseInstance(cs);
    return after.subtract(before).subtract(packets);
  }

  private interface Measure {
    GraphLayout run();
  }

  /** Runs {@code m} on this thread while the loop thread is parked inside a task (no timer can run meanwhile). */
  private static GraphLayout whileLoopHeld(ExchangeRig rig, Measure m) throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    rig.loop().execute(() -> {
      held.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    held.await();
    try {
      return m.run();
    } finally {
      release.countDown();
    }
  }

  private static void report(String what, GraphLayout delta, int n, boolean details) {
    System.out.println("== " + what + ": " + String.format("%.1f", (double) delta.totalSize() / n) + " B per entry ("
        + delta.totalSize() + " B, " + delta.totalCount() + " objects for " + n + " entries)");
    if (details) {
      System.out.println(delta.toFootprint());
    }
  }
}
