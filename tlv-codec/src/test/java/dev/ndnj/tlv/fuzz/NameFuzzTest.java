package dev.ndnj.tlv.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link Name#decode(java.nio.ByteBuffer)}: any octets either fail with {@link TlvException} or decode to a
 * name whose wire is the input and whose URI parses back to an equal name with identical wire octets. Seeds:
 * {@code src/test/resources/dev/ndnj/tlv/fuzz/NameFuzzTestInputs/decode/}. How to run it: docs/fuzzing.md.
 */
class NameFuzzTest {
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest(maxDuration = "5m")
  void decode(byte[] input) {
    check(input);
  }

  /** The properties above, for one input (also run by {@link AllDecodersFuzzTest}). */
  static void check(byte[] input) {
    Name name = PacketProperties.decodeEverywhere(input, Name::decode, Name::wire);
    if (name != null) {
      PacketProperties.checkName(name);
    }
  }
}
