package dev.ndnj.sharedworker.selftest;

import static dev.ndnj.sharedworker.selftest.SelfTestBundle.assertCompleteReport;
import static dev.ndnj.sharedworker.selftest.SelfTestBundle.assertContains;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the TeaVM bundle {@code target/teavm/codec-selftest.js} (built in process-classes) under Node and requires
 * its report to equal {@link CodecSelfTest#run()} computed on the JVM, result by result. Together with the TeaVM build
 * itself this proves that tlv-codec stays TeaVM-safe and gives the same bytes in JavaScript as on the JVM.
 *
 * <p>Needs {@code node} on the PATH (or {@code -Dndnj.node=/path/to/node}); see {@link SelfTestBundle}.
 */
class CodecSelfTestJsTest {
  @Test
  void javaScriptReportEqualsJvmReport() throws Exception {
    SelfTestBundle.CODEC.assertJavaScriptReportEquals(CodecSelfTest.run());
  }

  /**
   * Known answers, so that equal-but-empty or equally wrong reports do not pass: SHA-256 test vectors, VAR-NUMBER
   * edge cases, and packets built by the codec's builders that must equal the hand-written encodings in
   * {@link SelfTestPackets}.
   */
  @Test
  void reportIsNonTrivialAndHasKnownAnswers() {
    String report = CodecSelfTest.run();
    List<String> lines = report.lines().toList();
    assertTrue(lines.size() > 1000, "report has only " + lines.size() + " lines");
    assertCompleteReport(lines);
    assertContains(lines, "sha256.abc: ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertContains(lines, "sha256.million-a: cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    assertContains(lines, "encoder.varNumber.4294967296: ff0000000100000000");
    assertContains(lines, "tlv.readLength.fd00fc: TlvException(offset 0): L: TLV-LENGTH not in shortest form,"
        + " at offset 0");
    assertContains(lines, "component.parse.seg=256: seg=256 wire=32020100 roundTrip=true");
    assertContains(lines, "build.interest.typical: " + SelfTestPackets.INTEREST_TYPICAL + " same=true");
    assertContains(lines, "modify.typical.withHopLimit(63): 052e071b08036e646e0803656475080475636c61080470696e6708"
        + "03313233210012000a04010203040c020fa022013f hopLimit=63 paramsDigestValid=true");
    assertContains(lines, "build.data.digest: " + SelfTestPackets.DATA_DIGEST + " same=true");
    assertContains(lines, "build.lp.nack: " + SelfTestPackets.LP_NACK + " same=true");
    assertContains(lines, "malformed.BAD_NONCE3: Interest TlvException(offset 7): Interest: Nonce length 3,"
        + " expected 4, at offset 7");
    List<String> mismatches = lines.stream()
        .filter(l -> l.startsWith("build.") && l.contains(" same=") && !l.endsWith(" same=true")).toList();
    assertTrue(mismatches.isEmpty(), "builders no longer reproduce the hand-written encodings:\n  "
        + String.join("\n  ", mismatches));
    List<String> leaks = lines.stream().filter(l -> l.contains("NOT-A-TLV-EXCEPTION")).toList();
    assertTrue(leaks.isEmpty(), "bad wire input must give TlvException:\n  " + String.join("\n  ", leaks));
  }
}
