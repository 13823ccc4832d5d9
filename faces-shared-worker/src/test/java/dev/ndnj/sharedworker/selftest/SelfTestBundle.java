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

/**
 * One TeaVM self-test bundle ({@code target/teavm/<name>-selftest.js}, built in process-classes by the
 * teavm-maven-plugin execution {@code <name>-selftest}) and what the JS tests do with it: run it under Node through
 * {@code src/test/js/run-selftest.cjs} and require its report to equal the report computed on the JVM, result by
 * result. Shared by {@link CodecSelfTestJsTest} and {@link EngineSelfTestJsTest}.
 *
 * <p>Reports and Node's raw output go to {@code target/selftest/<name>/} ({@code jvm-report.txt},
 * {@code js-report.txt}, {@code node-stdout.txt}, {@code node-stderr.txt}).
 *
 * <p>Needs {@code node} on the PATH (or {@code -Dndnj.node=/path/to/node}); without it the tests fail rather than
 * skip, since CI installs Node.js for exactly this.
 */
final class SelfTestBundle {
  private static final long NODE_TIMEOUT_SECONDS = 120;
  private static final int MAX_DIFFS_SHOWN = 15;

  static final Path BASEDIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
  static final Path RUNNER = BASEDIR.resolve("src/test/js/run-selftest.cjs");

  /** The codec self-test, {@code codec-selftest.js}. */
  static final SelfTestBundle CODEC = new SelfTestBundle("codec");
  /** The engine self-test, {@code engine-selftest.js}. */
  static final SelfTestBundle ENGINE = new SelfTestBundle("engine");

  private final String name;
  private final Path bundle;
  private final Path outDir;

  private SelfTestBundle(String name) {
    this.name = name;
    this.bundle = BASEDIR.resolve("target/teavm/" + name + "-selftest.js");
    this.outDir = BASEDIR.resolve("target/selftest/" + name);
  }

  /**
   * Runs the bundle under Node, compares its report with {@code jvmReport} line by line and fails with the
   * differing results (matched by line key, so one missing line does not make every later one differ).
   */
  void assertJavaScriptReportEquals(String jvmReport) throws IOException, InterruptedException {
    String js = runUnderNode();
    Files.createDirectories(outDir);
    Files.writeString(outDir.resolve("jvm-report.txt"), jvmReport, StandardCharsets.UTF_8);
    Files.writeString(outDir.resolve("js-report.txt"), js, StandardCharsets.UTF_8);

    List<String> diffs = diffByKey(jvmReport.lines().toList(), js.lines().toList());
    if (!diffs.isEmpty()) {
      fail("JavaScript (TeaVM) " + name + " report differs from the JVM report in " + diffs.size()
          + " results; full reports in " + outDir + " (jvm-report.txt, js-report.txt)\n"
          + String.join("\n", diffs.subList(0, Math.min(diffs.size(), MAX_DIFFS_SHOWN)))
          + (diffs.size() > MAX_DIFFS_SHOWN ? "\n... " + (diffs.size() - MAX_DIFFS_SHOWN) + " more" : ""));
    }
    assertEquals(jvmReport, js, "reports have the same lines but in another order or with other line endings");
  }

  /** Runs the bundle's {@code main} under Node with {@code args}; returns its stdout, failing on a non-zero exit. */
  String runUnderNode(String... args) throws IOException, InterruptedException {
    String node = findNode();
    assertTrue(Files.isRegularFile(bundle), "TeaVM bundle " + bundle + " is missing: the teavm-maven-plugin"
        + " execution " + name + "-selftest (phase process-classes) must run before the tests");
    Files.createDirectories(outDir);
    File out = outDir.resolve("node-stdout.txt").toFile();
    File err = outDir.resolve("node-stderr.txt").toFile();
    List<String> command = new ArrayList<>(List.of(node, RUNNER.toString(), bundle.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command)
        .directory(BASEDIR.toFile())
        .redirectOutput(out)
        .redirectError(err)
        .start();
    if (!p.waitFor(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("node did not finish the " + name + " self-test within " + NODE_TIMEOUT_SECONDS + " s; stderr:\n"
          + read(err));
    }
    assertEquals(0, p.exitValue(), "node " + RUNNER + " " + bundle + " failed; stderr:\n" + read(err));
    return read(out);
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

  /** Fails unless {@code lines} holds {@code expected}, showing the line with the same key if there is one. */
  static void assertContains(List<String> lines, String expected) {
    if (!lines.contains(expected)) {
      String key = expected.substring(0, expected.indexOf(':') + 1);
      String actual = lines.stream().filter(l -> l.startsWith(key)).findFirst().orElse("<no line " + key + ">");
      fail("report lacks the known answer\n  expected: " + expected + "\n  actual:   " + actual);
    }
  }

  /** Checks the report's last line, {@code end.lines: <number of lines before it>}, and that no section aborted. */
  static void assertCompleteReport(List<String> lines) {
    assertTrue(!lines.isEmpty(), "empty report");
    assertEquals("end.lines: " + (lines.size() - 1), lines.get(lines.size() - 1));
    List<String> aborted = lines.stream().filter(l -> l.contains(".aborted: ")).toList();
    assertTrue(aborted.isEmpty(), "no section may abort:\n  " + String.join("\n  ", aborted));
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
        for (String exe : new String[] {"node", "node.exe"}) {
          Path candidate = Path.of(dir.isEmpty() ? "." : dir, exe);
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
