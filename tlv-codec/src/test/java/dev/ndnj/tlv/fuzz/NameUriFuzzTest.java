package dev.ndnj.tlv.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Name;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link Name#parse(String)} and {@link Component#parse(String)} with the input read as UTF-8: any text
 * either fails with {@link IllegalArgumentException} or parses to a name (component) whose URI parses back to an
 * equal value with identical wire octets. Seeds (plain text files):
 * {@code src/test/resources/dev/ndnj/tlv/fuzz/NameUriFuzzTestInputs/parse/}. How to run it: docs/fuzzing.md.
 */
class NameUriFuzzTest {
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest(maxDuration = "5m")
  void parse(byte[] input) {
    check(input);
  }

  /** The properties above, for one input (also run by {@link AllDecodersFuzzTest}). */
  static void check(byte[] input) {
    String uri = new String(input, StandardCharsets.UTF_8);
    Name name = null;
    try {
      name = Name.parse(uri);
    } catch (IllegalArgumentException e) {
      // rejected: the only exception URI parsing may throw
    }
    if (name != null) {
      PacketProperties.checkName(name);
    }
    Component component = null;
    try {
      component = Component.parse(uri);
    } catch (IllegalArgumentException e) {
      // rejected
    }
    if (component != null) {
      PacketProperties.checkComponent(component);
    }
  }
}
