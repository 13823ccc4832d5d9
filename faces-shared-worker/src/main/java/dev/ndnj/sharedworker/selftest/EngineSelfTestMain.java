package dev.ndnj.sharedworker.selftest;

/**
 * Entry point of the TeaVM bundle {@code target/teavm/engine-selftest.js}: prints {@link EngineSelfTest#run()}.
 *
 * <p>TeaVM's output defines {@code main} and calls nothing; {@code src/test/js/run-selftest.cjs} loads the bundle in
 * Node and calls it. On the JVM: {@code java -cp
 * faces-shared-worker/target/classes:engine/target/classes:tlv-codec/target/classes
 * dev.ndnj.sharedworker.selftest.EngineSelfTestMain}.
 */
public final class EngineSelfTestMain {
  private EngineSelfTestMain() {}

  /** Prints the report. */
  public static void main(String[] args) {
    System.out.print(EngineSelfTest.run());
  }
}
