package dev.ndnj.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Node.js project {@code interop/ndnts}: installs its locked dependencies with {@code npm ci} when they are
 * missing or older than {@code package-lock.json}, and runs its scripts with a time limit.
 *
 * <p>A missing {@code node} or {@code npm}, a failed install, a time-out or a script's non-zero exit does not
 * throw here: it comes back as a {@link Result} whose {@link Result#describe()} says what happened, so that the test
 * can fail with that text.
 */
final class NodeProject {
  /** Output of one finished (or abandoned) command. */
  record Result(List<String> command, int exitCode, boolean timedOut, String output, String startError) {
    boolean ok() {
      return startError == null && !timedOut && exitCode == 0;
    }

    /** One paragraph for an assertion message: the command, how it ended, and its output. */
    String describe() {
      String how = startError != null ? "could not start: " + startError
          : timedOut ? "timed out and was killed" : "exited with " + exitCode;
      return String.join(" ", command) + " " + how + "\n" + output;
    }
  }

  private final Path dir;
  private final Path logDir;

  /**
   * @param dir the Node project (holds package.json and package-lock.json)
   * @param logDir where each command's combined output is written (created if missing)
   */
  NodeProject(Path dir, Path logDir) {
    this.dir = dir;
    this.logDir = logDir;
  }

  Path dir() {
    return dir;
  }

  Path logDir() {
    return logDir;
  }

  /**
   * The project {@code <basedir>/ndnts} with logs in {@code <basedir>/target/interop/logs}, checked and installed:
   * Node.js 20 or later must be on the PATH, and {@code npm ci} runs if needed.
   *
   * @throws AssertionError saying what is missing or what failed, for the test to report
   */
  static NodeProject ready(Path basedir) throws IOException, InterruptedException {
    NodeProject p = new NodeProject(basedir.resolve("ndnts"), basedir.resolve("target/interop/logs"));
    Result version = p.run(Duration.ofSeconds(30), "node", "--version");
    if (!version.ok()) {
      throw new AssertionError("Node.js is needed for the NDNts interop tests: " + version.describe());
    }
    String v = version.output().strip();
    int major = v.matches("v\\d+\\..*") ? Integer.parseInt(v.substring(1, v.indexOf('.'))) : 0;
    if (major < 20) {
      throw new AssertionError("the NDNts interop tests need Node.js 20 or later, found " + v);
    }
    Result install = p.installIfNeeded(Duration.ofMinutes(5));
    if (install != null && !install.ok()) {
      throw new AssertionError("cannot install NDNts in " + p.dir() + ": " + install.describe());
    }
    return p;
  }

  /** The module's directory: Maven's {@code basedir}, else the working directory. */
  static Path basedir() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
  }

  /**
   * Runs {@code npm ci} unless {@code node_modules} already holds what {@code package-lock.json} locks (npm's own
   * copy of the lock, {@code node_modules/.package-lock.json}, is at least as new). Returns null when nothing had
   * to be done.
   */
  Result installIfNeeded(Duration timeout) throws IOException, InterruptedException {
    Path lock = dir.resolve("package-lock.json");
    Path installed = dir.resolve("node_modules/.package-lock.json");
    if (Files.exists(installed)) {
      FileTime lockTime = Files.getLastModifiedTime(lock);
      if (Files.getLastModifiedTime(installed).compareTo(lockTime) >= 0) {
        return null;
      }
    }
    return run(timeout, "npm", "ci", "--no-audit", "--no-fund");
  }

  /** Runs {@code node <script> args...} in the project directory. */
  Result node(Duration timeout, String script, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("node", script));
    cmd.addAll(List.of(args));
    return run(timeout, cmd.toArray(String[]::new));
  }

  /** Runs a command in the project directory with stdout and stderr merged into one log file. */
  Result run(Duration timeout, String... command) throws IOException, InterruptedException {
    Files.createDirectories(logDir);
    List<String> cmd = List.of(command);
    Path log = logDir.resolve(command[0] + "-" + System.nanoTime() + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new Result(cmd, -1, false, "",
          e.getMessage() + " (the interop tests need Node.js 20 or later and npm on the PATH)");
    }
    boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    return new Result(cmd, finished ? p.exitValue() : -1, !finished, out, null);
  }
}
