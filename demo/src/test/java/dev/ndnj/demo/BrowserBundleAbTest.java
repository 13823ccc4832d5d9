package dev.ndnj.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two builds of the worker bundle in the same browser run (docs/benchmarks.md, "Browser tier"): Content Store hit
 * round trips through a fresh shared engine of bundle A and one of bundle B, in batches of 10 alternating with each
 * other and with two plain JavaScript echo workers (the second a control whose ratio to the first is the harness's own
 * error), in a new random order each round ({@code test/bench-ab.html}), so that a change is judged against
 * its predecessor on the same machine state; this VM's speed drifts by tens of percent within minutes, more than
 * most changes are worth, and runs one after the other cannot tell them apart.
 *
 * <p>A and B default to the bundle on the class path (the build's); {@code -Dndnj.bench.ab.a=<file>} and
 * {@code -Dndnj.bench.ab.b=<file>} name other {@code ndnj-engine.js} files (e.g. a copy kept from before a change).
 * Brief by default, checking only that every measurement completed; {@code -Dndnj.bench.full=true} runs 5000 round
 * trips per arm. Writes {@code demo/target/browser-ab.txt}:
 * {@code mvn -B -q -o -pl demo test -Dtest=BrowserBundleAbTest -Dndnj.bench.full=true -Dndnj.bench.ab.a=/tmp/old.js}.
 */
class BrowserBundleAbTest {
  private static final String SITE = "dev/ndnj/demo/site/";

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  private static double d(Map<String, Object> m, String arm, String k) {
    return ((Number) map(m.get(arm)).get(k)).doubleValue();
  }

  /** Writes arm {@code arm}'s bundle and a module worker script importing it under the test site's {@code ab/}. */
  private static String installArm(Path testSite, String arm) throws IOException {
    Path dir = testSite.resolve("ab").resolve(arm);
    Files.createDirectories(dir);
    String file = System.getProperty("ndnj.bench.ab." + arm);
    if (file != null) {
      Files.copy(Path.of(file), dir.resolve("ndnj-engine.js"), StandardCopyOption.REPLACE_EXISTING);
    } else {
      try (InputStream in = BrowserBundleAbTest.class.getClassLoader()
          .getResourceAsStream(SITE + "ndnj/ndnj-engine.js")) {
        if (in == null) {
          throw new AssertionError("ndnj-engine.js is not on the class path: build faces-shared-worker first");
        }
        Files.copy(in, dir.resolve("ndnj-engine.js"), StandardCopyOption.REPLACE_EXISTING);
      }
      file = "the build's ndnj-engine.js";
    }
    Files.writeString(dir.resolve("ndnj-worker.js"),
        "import { initWorkerScope } from './ndnj-engine.js';\ninitWorkerScope();\n", StandardCharsets.UTF_8);
    return file;
  }

  /** Runs {@code ab.run} once and adds its figures to {@code report}, each line starting with {@code label}. */
  private static void measure(Page p, int n, int warmup, String label, List<String> report) {
    Map<ThreadCpu.Thread, Long> before = ThreadCpu.snapshot();
    Map<String, Object> r = map(p.evaluate("a => ab.run(a[0], a[1])", List.of(n, warmup)));
    Map<ThreadCpu.Thread, Long> cpu = ThreadCpu.delta(before, ThreadCpu.snapshot());
    for (String arm : List.of("a", "b", "aSmall", "bSmall", "echo", "control")) {
      assertTrue(d(r, arm, "p50") > 0 && d(r, arm, "p99") >= d(r, arm, "p50"), r.toString());
    }
    report.add(label + String.format(Locale.ROOT, "round trip, CS hit, 4000-octet Data: A p50 %.0f us,"
        + " p99 %.0f us; B p50 %.0f us, p99 %.0f us (%d round trips each)", d(r, "a", "p50"), d(r, "a", "p99"),
        d(r, "b", "p50"), d(r, "b", "p99"), n));
    report.add(label + String.format(Locale.ROOT, "round trip, CS hit, 100-octet Data: A p50 %.0f us,"
        + " p99 %.0f us; B p50 %.0f us, p99 %.0f us", d(r, "aSmall", "p50"), d(r, "aSmall", "p99"),
        d(r, "bSmall", "p50"), d(r, "bSmall", "p99")));
    report.add(label + String.format(Locale.ROOT, "round trip, plain JS echo worker: p50 %.0f us, p99 %.0f us",
        d(r, "echo", "p50"), d(r, "echo", "p99")));
    report.add(label + String.format(Locale.ROOT, "round trip, second echo worker (control): p50 %.0f us,"
        + " p99 %.0f us; control / echo p50 %.2fx (the harness's own error)", d(r, "control", "p50"),
        d(r, "control", "p99"), d(r, "control", "p50") / d(r, "echo", "p50")));
    report.add(label + String.format(Locale.ROOT, "ratio to the echo, p50 (4000 / 100 octets): A %.2fx / %.2fx,"
        + " B %.2fx / %.2fx", d(r, "a", "p50") / d(r, "echo", "p50"), d(r, "aSmall", "p50") / d(r, "echo", "p50"),
        d(r, "b", "p50") / d(r, "echo", "p50"), d(r, "bSmall", "p50") / d(r, "echo", "p50")));
    List<Long> workers = cpu.entrySet().stream().filter(e -> e.getKey().role().equals("worker"))
        .map(Map.Entry::getValue).sorted(Comparator.reverseOrder()).toList();
    if (workers.size() >= 4) {
      // each engine answered 2 (n + warmup) Interests, each echo n + warmup; which engine thread is A's is not
      // known, so both are given
      double perEngine = 2.0 * (n + warmup) * 1000;
      report.add(label + String.format(Locale.ROOT, "CPU per round trip (from /proc): the two engine workers'"
          + " threads %.1f and %.1f us, the echo workers' %.1f and %.1f us", workers.get(0) / perEngine,
          workers.get(1) / perEngine, workers.get(2) / ((n + warmup) * 1000.0),
          workers.get(3) / ((n + warmup) * 1000.0)));
    }
  }

  @Test
  void twoBundlesSideBySide() throws Exception {
    boolean full = Boolean.getBoolean("ndnj.bench.full");
    int n = full ? 5000 : 100;
    int warmup = full ? 1000 : 50;
    // the test site is served from the test class path, a directory here
    Path testSite = Path.of(BrowserBundleAbTest.class.getClassLoader().getResource(SITE + "test/bench-ab.html")
        .toURI()).getParent();
    String a = installArm(testSite, "a");
    String b = installArm(testSite, "b");
    List<String> report = new ArrayList<>();
    try (Chromium chromium = Chromium.launch(); TestForwarder fwd = TestForwarder.start();
         BrowserContext ctx = chromium.newContext()) {
      Page p = ctx.newPage();
      p.navigate(fwd.url("test/bench-ab.html"));
      p.waitForFunction("document.title === 'ready'");
      p.evaluate("ab.open()");
      String load = Files.exists(Path.of("/proc/loadavg")) ? Files.readString(Path.of("/proc/loadavg")).trim() : "?";
      report.add("A: " + a);
      report.add("B: " + b);
      report.add("load average before the round trips: " + load);
      measure(p, n, warmup, "", report);
      // again with each message between the page and a worker crossing CPUs for every worker alike (CpuPin): the
      // comparison that placement by chance does not skew (see docs/benchmarks.md, "Browser tier")
      if (!CpuPin.run(CpuPin.Placement.SPLIT,
          () -> measure(p, n, warmup, CpuPin.Placement.SPLIT.label(), report))) {
        report.add(CpuPin.Placement.SPLIT.label() + "not measured (no taskset, no Chromium process or one CPU)");
      }
    }
    Path out = Path.of("target", "browser-ab.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report, StandardCharsets.UTF_8);
    report.forEach(l -> System.out.println("[browser-ab] " + l));
  }
}
