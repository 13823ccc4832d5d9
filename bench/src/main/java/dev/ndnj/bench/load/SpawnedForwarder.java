package dev.ndnj.bench.load;

import dev.ndnj.bench.engine.ExchangeRig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ndnj forwarder run as a child process for a load run: {@code java [jvm options] -jar ndnj.jar fwd}, or, without
 * a jar, {@code java -cp <this JVM's class path> dev.ndnj.forwarder.cli.NdnjCli fwd} (the benchmarks jar holds the
 * forwarder and the engine it was built with), on 127.0.0.1 with ephemeral TCP, UDP and WebSocket ports and a Unix socket in a temporary directory. The channel URIs
 * are read from its log ({@code channel: tcp4://127.0.0.1:40123}); the rest of its output is echoed to stderr when
 * {@code echo} is set, discarded otherwise. {@link #close()} sends SIGTERM and waits.
 */
final class SpawnedForwarder implements AutoCloseable {
  private static final Pattern CHANNEL = Pattern.compile("channel: (\\S+)");

  private final Process process;
  private final Path dir;
  private final List<String> channels = new ArrayList<>();

  private SpawnedForwarder(Process process, Path dir) {
    this.process = process;
    this.dir = dir;
  }

  /**
   * Starts the forwarder ({@code jar} null: from this JVM's class path) and waits until it logs that it started.
   *
   * @throws IOException if it cannot be started, exits, or does not start within 60 seconds
   */
  static SpawnedForwarder start(Path jar, List<String> jvmOptions, long csCapacityBytes, boolean echo)
      throws IOException, InterruptedException {
    if (jar != null && !Files.isRegularFile(jar)) {
      throw new IOException("no forwarder jar at " + jar + " (build it: mvn -o -q -pl forwarder package -DskipTests)");
    }
    Path dir = Files.createTempDirectory("ndnj-loadgen");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add(ExchangeRig.FORWARDER_JVM_OPTION); // as the ndnj launcher runs it; jvmOptions after it take precedence
    cmd.addAll(jvmOptions);
    if (jar != null) {
      cmd.addAll(List.of("-jar", jar.toString()));
    } else {
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.ndnj.forwarder.cli.NdnjCli"));
    }
    cmd.addAll(List.of("fwd", "--bind", "127.0.0.1", "--tcp-port", "0", "--udp-port", "0",
        "--ws-port", "0", "--unix-path", dir.resolve("ndnj.sock").toString()));
    if (csCapacityBytes >= 0) {
      cmd.addAll(List.of("--cs-capacity-bytes", Long.toString(csCapacityBytes)));
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    SpawnedForwarder f = new SpawnedForwarder(p, dir);
    CompletableFuture<Void> started = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (echo || !started.isDone()) {
            System.err.println("[ndnj] " + line);
          }
          Matcher m = CHANNEL.matcher(line);
          if (m.find()) {
            synchronized (f.channels) {
              f.channels.add(m.group(1));
            }
          }
          if (line.contains("forwarder started")) {
            started.complete(null);
          }
        }
      } catch (IOException e) {
        // the process ended
      }
      started.completeExceptionally(new IOException("the forwarder exited before it started"));
    }, "loadgen-fwd-log");
    reader.setDaemon(true);
    reader.start();
    try {
      started.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      f.close();
      throw new IOException("the forwarder did not start: " + e.getMessage(), e);
    }
    return f;
  }

  /** The process id (for the CPU readings). */
  long pid() {
    return process.pid();
  }

  /** The first channel URI starting with {@code scheme} ({@code tcp4}, {@code udp4}, {@code unix}, {@code ws}). */
  String channel(String scheme) {
    synchronized (channels) {
      for (String c : channels) {
        if (c.startsWith(scheme + "://")) {
          return c;
        }
      }
    }
    throw new IllegalStateException("the forwarder has no " + scheme + " channel: " + channels);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
    try {
      Files.deleteIfExists(dir.resolve("ndnj.sock"));
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }
}
