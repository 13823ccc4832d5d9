package dev.ndnj.bench.engine;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Exchanges per second of the forwarding thread's own CPU time, beside the wall-clock rate: the figure that says
 * what one forwarding thread can do, less disturbed than JMH's wall-clock score when other processes share this
 * 2-vCPU machine (time the thread waits for a CPU does not count; a slower CPU still does). Runs the exchanges of
 * {@link ExchangeBenchmark} ({@code exchangeReceived}: frames copied by this thread, decoded and forwarded by the
 * forwarding thread; or {@code exchange}: frames made on the forwarding thread) in rounds of about a million and
 * prints the median and best round. From the repository root, after building the bench module:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.ndnj.bench.engine.ExchangeCpuRate caffeine 0 received 8
 * </pre>
 *
 * Arguments: Content Store ({@code lru} or {@code caffeine}), its capacity in bytes, {@code received},
 * {@code batched} (the frames handed over 16 per task, as {@code exchangeReceivedBatched}), {@code built} or
 * {@code decode} (the received frames decoded and nothing else: the baseline of {@code received}),
 * number of rounds.
 */
public final class ExchangeCpuRate {
  private static final int BATCHES_PER_ROUND = 4000;

  private ExchangeCpuRate() {}

  /** Runs the measurement; see the class comment for the arguments. */
  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println("usage: ExchangeCpuRate lru|caffeine <csBytes> received|built [rounds]");
      System.exit(2);
    }
    String cs = args[0];
    long csBytes = Long.parseLong(args[1]);
    String mode = args[2];
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    double[][] r = measure(cs, csBytes, mode, rounds, BATCHES_PER_ROUND);
    System.out.printf("%s %s %d: forwarding-thread CPU rate median %,.0f best %,.0f /s | wall median %,.0f best"
        + " %,.0f /s (%d rounds of %,d exchanges)%n", mode, cs, csBytes,
        median(r[0]), r[0][rounds - 1], median(r[1]), r[1][rounds - 1], rounds,
        BATCHES_PER_ROUND * ExchangeBenchmark.BATCH);
  }

  /**
   * Runs {@code rounds} rounds of {@code batches} batches of exchanges and returns the rates of every round, sorted:
   * [0] by the forwarding thread's CPU time, [1] by wall-clock time. The first round includes the JIT's warm-up; the
   * median does not depend on it.
   */
  static double[][] measure(String cs, long csBytes, String mode, int rounds, int batches) {
    boolean received = !mode.equals("built");
    ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    double[] cpu = new double[rounds];
    double[] wall = new double[rounds];
    try (ExchangeRig rig = ExchangeRig.start(cs, csBytes, 42)) {
      ExchangeRig.Batch batch = switch (mode) {
        case "received" -> rig.batch(rig::exchangeFromFrames, ExchangeBenchmark.BATCH);
        case "batched" -> rig.batch(rig::exchangesFromFrameBatches, ExchangeBenchmark.TASKS_PER_BATCHED_BATCH);
        case "decode" -> rig.batch(rig::decodeFramesOnly, ExchangeBenchmark.BATCH);
        case "built" -> rig.batch(rig::exchangeFromProducer, ExchangeBenchmark.BATCH);
        default -> throw new IllegalArgumentException("received, batched, decode or built, not " + mode);
      };
      long tid = rig.call(() -> Thread.currentThread().getId());
      for (int round = 0; round < rounds; round++) {
        rig.drain();
        long c0 = mx.getThreadCpuTime(tid);
        long w0 = System.nanoTime();
        for (int i = 0; i < batches; i++) {
          if (received) {
            rig.receiveFrames(ExchangeBenchmark.BATCH);
          }
          rig.runPipelined(batch);
        }
        rig.drain();
        double n = (double) batches * ExchangeBenchmark.BATCH;
        cpu[round] = n / ((mx.getThreadCpuTime(tid) - c0) / 1e9);
        wall[round] = n / ((System.nanoTime() - w0) / 1e9);
      }
    }
    Arrays.sort(cpu);
    Arrays.sort(wall);
    return new double[][] {cpu, wall};
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
