package dev.ndnj.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Node script running in the background (an NDNts producer) whose output the test reads line by line as it comes.
 * Lines the scripts print for the test are {@code TAG {json}}; {@link #awaitLine} waits for the first line with a
 * tag. Standard error is merged into the same stream; everything is also written to a log file.
 *
 * <p>{@link #close()} closes the script's standard input (the scripts stop when it closes), waits a few seconds,
 * and then kills it, so a test never leaves a process behind.
 */
final class NodeProcess implements AutoCloseable {
  private final List<String> command;
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private final CompletableFuture<Integer> exited = new CompletableFuture<>();
  private final Thread reader;

  private record Waiter(String tag, CompletableFuture<String> line) {
  }

  private NodeProcess(List<String> command, Process process, Path log) throws IOException {
    this.command = command;
    this.process = process;
    Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
    reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)); logWriter) {
        String line;
        while ((line = r.readLine()) != null) {
          logWriter.write(line);
          logWriter.write('\n');
          logWriter.flush();
          onLine(line);
        }
      } catch (IOException e) {
        // the stream closes when the process is killed
      } finally {
        exited.complete(null);
        failWaiters();
      }
    }, "node-output " + command);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code node <script> args...} in {@code dir}, logging to a new file in {@code logDir}. */
  static NodeProcess start(Path dir, Path logDir, String script, String... args) throws IOException {
    Files.createDirectories(logDir);
    List<String> cmd = new ArrayList<>(List.of("node", script));
    cmd.addAll(List.of(args));
    Path log = logDir.resolve(script.replace(".mjs", "") + "-" + System.nanoTime() + ".log");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    return new NodeProcess(cmd, p, log);
  }

  private void onLine(String line) {
    List<Waiter> done = new ArrayList<>();
    synchronized (this) {
      lines.add(line);
      for (Waiter w : waiters) {
        if (line.startsWith(w.tag + " ")) {
          done.add(w);
        }
      }
      waiters.removeAll(done);
    }
    for (Waiter w : done) {
      w.line.complete(line.substring(w.tag.length() + 1));
    }
  }

  private void failWaiters() {
    List<Waiter> left;
    synchronized (this) {
      left = new ArrayList<>(waiters);
      waiters.clear();
    }
    for (Waiter w : left) {
      w.line.completeExceptionally(new IllegalStateException("the script ended without printing " + w.tag));
    }
  }

  /**
   * The rest of the first line that starts with {@code tag} and a space (already printed or still to come), within
   * {@code timeout}.
   *
   * @throws AssertionError naming the command and everything it printed, if the line does not come
   */
  String awaitLine(String tag, Duration timeout) throws InterruptedException {
    CompletableFuture<String> f = new CompletableFuture<>();
    synchronized (this) {
      for (String l : lines) {
        if (l.startsWith(tag + " ")) {
          return l.substring(tag.length() + 1);
        }
      }
      if (exited.isDone()) {
        throw new AssertionError(describe("ended without printing " + tag));
      }
      waiters.add(new Waiter(tag, f));
    }
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(describe(e.getCause().getMessage()), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError(describe("printed no " + tag + " line within " + timeout), e);
    }
  }

  /** Every line printed so far. */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** One paragraph for an assertion message: the command, what happened, and its output so far. */
  String describe(String what) {
    return String.join(" ", command) + ": " + what + "\n" + String.join("\n", lines());
  }

  /**
   * Closes standard input (the script's signal to stop), waits up to {@code grace} for it to exit and for its output
   * to be read, and kills it if it has not.
   *
   * @return the exit status, or -1 if it had to be killed
   */
  int stop(Duration grace) throws InterruptedException {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // already gone
    }
    boolean finished = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
    try {
      exited.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new UncheckedIOException(new IOException("output of " + command + " not read to the end", e));
    }
    return finished ? process.exitValue() : -1;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive() || !exited.isDone()) {
      stop(Duration.ofSeconds(5));
    }
  }
}
