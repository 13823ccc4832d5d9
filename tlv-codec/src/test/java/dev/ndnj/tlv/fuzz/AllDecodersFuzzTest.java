package dev.ndnj.tlv.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Timeout;

/**
 * Every fuzz target behind one entry point, so that CI fuzzes all decoders in a single JVM (Jazzer fuzzes one
 * {@code @FuzzTest} per JVM, and starting one costs seconds). The first input octet, modulo the number of targets,
 * picks the target of {@link #TARGETS}; the other octets are that target's input. Seeds:
 * {@code src/test/resources/dev/ndnj/tlv/fuzz/AllDecodersFuzzTestInputs/decode/}, the seeds of each target with
 * its selector octet in front (written by {@link SeedCorpus}). How to run it: docs/fuzzing.md.
 */
class AllDecodersFuzzTest {
  /** The targets in selector order; the order is part of the seed format: append, never reorder. */
  static final List<Consumer<byte[]>> TARGETS = List.of(
      InterestFuzzTest::check,
      DataFuzzTest::check,
      SignatureInfoFuzzTest::check,
      LpPacketFuzzTest::check,
      NameFuzzTest::check,
      NameUriFuzzTest::check);

  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest(maxDuration = "5m")
  void decode(byte[] input) {
    if (input.length == 0) {
      return;
    }
    TARGETS.get((input[0] & 0xff) % TARGETS.size()).accept(Arrays.copyOfRange(input, 1, input.length));
  }
}
