package dev.ndnj.sharedworker.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the TeaVM bundle {@code target/teavm/codec-selftest.js} (built in process-classes) under Node and requires
 * its report to equal {@link CodecSelfTest#run()} computed on the JVM, result by result. Together with the TeaVM build
 * itself this proves that tlv-codec stays TeaVM-safe and gives the same bytes in JavaScript as on the JVM.
 *
 * <p>Needs {@code node} on the PATH (or {@code -Dndnj.node=/path/to/node}); without it the test fails rather than
 * skips, since CI installs Node.js for exactly this.
 */
class CodecSelfTestJsTest {
  private static final long NODE_TIMEOUT_SECONDS = 120;
  private static final int MAX_DIFFS_SHOWN = 15;

  private static final Path BASEDIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
  private static final Path RUNNER = BASEDIR.resolve("src/test/js/run-selftest.cjs");
  private static final Path BUNDLE = BASEDIR.resolve("target/teavm/codec-selftest.js");

  @Test
  void javaScriptReportEqualsJvmReport() throws Exception {
    String jvm = CodecSelfTest.run();
    String js = runBundleUnderNode();
    Path dir = BASEDIR.resolve("target/selftest");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("jvm-report.txt"), jvm, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("js-report.txt"), js, StandardCharsets.UTF_8);

    List<String> diffs = diffByKey(jvm.lines().toList(), js.lines().toList());
    if (!diffs.isEmpty()) {
      fail("JavaScript (TeaVM) report differs from the JVM report in " + diffs.size() + " results; full reports"
          + " in " + dir + " (jvm-report.txt, js-report.txt)\n"
          + String.join("\n", diffs.subList(0, Math.min(diffs.size(), MAX_DIFFS_SHOWN)))
          + (diffs.size() > MAX_DIFFS_SHOWN ? "\n... " + (diffs.size() - MAX_DIFFS_SHOWN) + " more" : ""));
    }
    assertEquals(jvm, js, "reports have the same lines but in another order or with other line endings");
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
    assertEquals("end.lines: " + (lines.size() - 1), lines.get(lines.size() - 1));
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
    List<String> leaks = lines.stream().filter(l -> l.contains("NOT-A-TLV-EXCEPTION") || l.contains(".aborted: "))
        .toList();
    assertTrue(leaks.isEmpty(), "bad wire input must give TlvException, and no section may abort:\n  "
        + String.join("\n  ", leaks));
  }

  /**
   * Differences between two reports, matched by line key ({@code section.label}, numbered when it repeats) rather
   * than by position, so that one missing or extra line does not make every later line differ. In JVM order.
   */
  static List<String> diffByKey(List<String> jvm, List<String> js) {
    Map<String, String> jsByKey = keyed(js);
    Map<String, String> jvmByKey = keyed(jvm);
    List<String> diffs = new ArrayList<>();
    for (Map.Entry<String, String> e : jvmByKey.entrySet()) {
      String other = jsByKey.get(e.getKey());
      if (other == null) {
        diffs.add("missing in JS:  " + e.getValue());
      } else if (!other.equals(e.getValue())) {
        diffs.add("differs:\n  jvm: " + e.getValue() + "\n  js:  " + other);
      }
    }
    for (Map.Entry<String, String> e : jsByKey.entrySet()) {
      if (!jvmByKey.containsKey(e.getKey())) {
        diffs.add("only in JS:     " + e.getValue());
      }
    }
    return diffs;
  }

  private static Map<String, String> keyed(List<String> lines) {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : lines) {
      int colon = line.indexOf(": ");
      String key = colon < 0 ? line : line.substring(0, colon);
      int n = seen.merge(key, 1, Integer::sum);
      out.put(n == 1 ? key : key + "#" + n, line);
    }
    return out;
  }

  private static void assertContains(List<String> lines, String expected) {
    if (!lines.contains(expected)) {
      String key = expected.substring(0, expected.indexOf(':') + 1);
      String actual = lines.stream().filter(l -> l.startsWith(key)).findFirst().orElse("<no line " + key + ">");
      fail("report lacks the known answer\n  expected: " + expected + "\n  actual:   " + actual);
    }
  }

  private static String runBundleUnderNode() throws IOException, InterruptedException {
    String node = findNode();
    assertTrue(Files.isRegularFile(BUNDLE), "TeaVM bundle " + BUNDLE + " is missing: the teavm-maven-plugin"
        + " execution codec-selftest (phase process-classes) must run before the tests");
    Path dir = BASEDIR.resolve("target/selftest");
    Files.createDirectories(dir);
    File out = dir.resolve("node-stdout.txt").toFile();
    File err = dir.resolve("node-stderr.txt").toFile();
    Process p = new ProcessBuilder(node, RUNNER.toString(), BUNDLE.toString())
        .directory(BASEDIR.toFile())
        .redirectOutput(out)
        .redirectError(err)
        .start();
    if (!p.waitFor(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("node did not finish the self-test within " + NODE_TIMEOUT_SECONDS + " s; stderr:\n" + read(err));
    }
    String stderr = read(err);
    assertEquals(0, p.exitValue(), "node " + RUNNER + " " + BUNDLE + " failed; stderr:\n" + stderr);
    return read(out);
  }

  /** The node executable: {@code -Dndnj.node}, else the first {@code node} on the PATH; fails if there is none. */
  private static String findNode() {
    String configured = System.getProperty("ndnj.node");
    if (configured != null && !configured.isBlank()) {
      if (!Files.isExecutable(Path.of(configured))) {
        fail("-Dndnj.node=" + configured + " is not an executable file");
      }
      return configured;
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        for (String name : new String[] {"node", "node.exe"}) {
          Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
          if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
            return candidate.toString();
          }
        }
      }
    }
    return fail("node (Node.js 18 or later) is not on the PATH, so the TeaVM bundle cannot be run. Install"
        + " Node.js (CI does) or pass -Dndnj.node=/path/to/node. PATH=" + path);
  }

  private static String read(File f) throws IOException {
    return Files.readString(f.toPath(), StandardCharsets.UTF_8);
  }
}
