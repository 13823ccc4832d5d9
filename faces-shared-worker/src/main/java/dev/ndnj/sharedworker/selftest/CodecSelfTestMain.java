package dev.ndnj.sharedworker.selftest;

/**
 * Entry point of the TeaVM bundle {@code target/teavm/codec-selftest.js}. Prints {@link CodecSelfTest#run()}; with
 * the argument {@code bench} it then prints codec timings as {@code BENCH <what> <ns per op>} lines (an optional
 * second argument sets the iterations per round, default 200000).
 *
 * <p>TeaVM's output defines {@code main} and calls nothing; {@code src/test/js/run-selftest.cjs} loads the bundle in
 * Node and calls it. On the JVM: {@code java -cp faces-shared-worker/target/classes:tlv-codec/target/classes
 * dev.ndnj.sharedworker.selftest.CodecSelfTestMain bench}.
 */
public final class CodecSelfTestMain {
  private CodecSelfTestMain() {}

  /** Default iterations per timed round. */
  static final int ITERATIONS = 200_000;

  /** Prints the report, then the benchmark if {@code args[0]} is {@code bench}. */
  public static void main(String[] args) {
    System.out.print(CodecSelfTest.run());
    if (args.length > 0 && args[0].equals("bench")) {
      int iterations = args.length > 1 ? Integer.parseInt(args[1]) : ITERATIONS;
      CodecBench.run(iterations);
    }
  }
}
