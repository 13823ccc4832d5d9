package dev.ndnj.sharedworker.selftest;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;

/**
 * Rough codec timings for the JavaScript bundle (and, run with {@code java}, the JVM), printed as
 * {@code BENCH <what> <nanoseconds per operation>}. Each figure is the median of {@link #ROUNDS} timed rounds after a
 * warm-up; a checksum of what was read keeps the work from being optimized away. Not a JMH benchmark: it exists to
 * see the cost of the codec inside the browser's engine, which JMH cannot measure.
 *
 * <p>Run: {@code node faces-shared-worker/src/test/js/run-selftest.cjs
 * faces-shared-worker/target/teavm/codec-selftest.js bench}.
 */
final class CodecBench {
  private CodecBench() {}

  static final int ROUNDS = 5;

  /** One benchmarked operation; returns something derived from what it read. */
  private interface Op {
    long run();
  }

  static void run(int iterations) {
    // A typical Interest: 5 generic components, CanBePrefix, MustBeFresh, Nonce, InterestLifetime (45 octets).
    byte[] interestWire = Report.unhex(SelfTestPackets.INTEREST_TYPICAL);
    ByteBuffer interestBuf = ByteBuffer.wrap(interestWire);
    byte[] dataWire = Report.unhex(SelfTestPackets.DATA_DIGEST);
    ByteBuffer dataBuf = ByteBuffer.wrap(dataWire);
    Name name = Name.parse("/ndn/edu/ucla/ping/123");

    report("interest-decode-ns", iterations, () -> {
      Interest i = Interest.decode(interestBuf);
      Name n = i.name();
      long sum = n.size();
      for (int k = 0; k < n.size(); k++) {
        sum += n.get(k).valueLength() + n.componentType(k);
      }
      return sum + (i.canBePrefix() ? 1 : 0) + (i.mustBeFresh() ? 2 : 0) + i.nonce() + i.lifetime();
    });
    report("interest-encode-ns", iterations, () -> Interest.builder(name).canBePrefix(true).mustBeFresh(true)
        .nonce(0x01020304).lifetime(4000).build().wireLength());
    report("interest-withHopLimit-ns", iterations, () -> {
      Interest i = Interest.decode(interestBuf);
      return i.withHopLimit(63).hopLimit();
    });
    report("data-decode-digest-ns", iterations / 4, () -> {
      Data d = Data.decode(dataBuf);
      return d.contentLength() + d.freshnessPeriod() + d.implicitDigest()[0];
    });
  }

  private static void report(String what, int iterations, Op op) {
    long check = 0;
    for (int i = 0; i < iterations / 4; i++) {
      check += op.run();
    }
    long[] perOp = new long[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < iterations; i++) {
        check += op.run();
      }
      perOp[r] = (System.nanoTime() - t0) / iterations;
    }
    java.util.Arrays.sort(perOp);
    StringBuilder rounds = new StringBuilder();
    for (long v : perOp) {
      rounds.append(rounds.length() == 0 ? "" : ",").append(v);
    }
    System.out.println("BENCH " + what + " " + perOp[ROUNDS / 2]);
    System.out.println("BENCH-detail " + what + " iterations=" + iterations + " rounds(sorted)=" + rounds
        + " checksum=" + check);
  }
}
