package dev.ndnj.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs this module's Node.js helper scripts ({@code src/test/js}) against the NDNts packages pinned in
 * {@code interop/ndnts}: the scripts are copied into {@code target/ndnts-js} next to a {@code node_modules} link to
 * {@code interop/ndnts/node_modules}, which {@code npm ci} installs first when it is missing or older than the lock
 * file (as the interop module's tests do). Failures to start, time-outs and non-zero exits come back as text for the
 * assertion message.
 */
final class NdntsScripts {
  private final Path work;
  private final Path ndnts;

  private NdntsScripts(Path work, Path ndnts) {
    this.work = work;
    this.ndnts = ndnts;
  }

  /** Outcome of one command. */
  record Result(List<String> command, int exit, String output) {
    boolean ok() {
      return exit == 0;
    }

    String describe() {
      return String.join(" ", command) + " exited with " + exit + "\n" + output;
    }
  }

  /** Prepares {@code target/ndnts-js}; installs NDNts if needed. Returns null and the reason via {@code why}. */
  static NdntsScripts prepare(StringBuilder why) throws IOException, InterruptedException {
    Path basedir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    Path ndnts = basedir.resolveSibling("interop").resolve("ndnts");
    Path work = basedir.resolve("target/ndnts-js");
    Files.createDirectories(work);
    NdntsScripts s = new NdntsScripts(work, ndnts);
    Result v = s.run(ndnts, Duration.ofSeconds(30), "node", "--version");
    if (!v.ok()) {
      why.append("Node.js 20+ is needed for the NDNts known-answer tests: ").append(v.describe());
      return null;
    }
    Path installed = ndnts.resolve("node_modules/.package-lock.json");
    if (!Files.exists(installed) || Files.getLastModifiedTime(installed)
        .compareTo(Files.getLastModifiedTime(ndnts.resolve("package-lock.json"))) < 0) {
      Result r = s.run(ndnts, Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund");
      if (!r.ok()) {
        why.append("cannot install NDNts in ").append(ndnts).append(": ").append(r.describe());
        return null;
      }
    }
    try (var scripts = Files.list(basedir.resolve("src/test/js"))) {
      for (Path p : (Iterable<Path>) scripts::iterator) {
        Files.copy(p, work.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path link = work.resolve("node_modules");
    if (!Files.exists(link)) {
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, ndnts.resolve("node_modules"));
    }
    return s;
  }

  Path work() {
    return work;
  }

  /** Runs {@code node <script> args...} in the work directory. */
  Result node(String script, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("node", script));
    cmd.addAll(List.of(args));
    return run(work, Duration.ofMinutes(2), cmd.toArray(String[]::new));
  }

  private Result run(Path dir, Duration timeout, String... command) throws IOException, InterruptedException {
    Path log = Files.createTempFile(work, "node-", ".log");
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new Result(List.of(command), -1, "could not start: " + e.getMessage());
    }
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
      return new Result(List.of(command), -1, "timed out\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
    return new Result(List.of(command), p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** Reads lines {@code type TAB item TAB value...} into type -> item -> rest of the line. */
  static Map<String, Map<String, String>> readTsv(Path file) throws IOException {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", 3);
      out.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], f.length > 2 ? f[2] : "");
    }
    return out;
  }
}
