package dev.ndnj.forwarder.cli;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.engine.table.FibEntry;
import dev.ndnj.forwarder.fwd.FwdConfig;
import dev.ndnj.forwarder.fwd.FwdLog;
import dev.ndnj.forwarder.fwd.ForwarderProcess;
import dev.ndnj.tlv.Name;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import picocli.CommandLine;

/**
 * A forwarder ({@link ForwarderProcess}) on a temporary Unix socket and ephemeral loopback ports, and the {@code ndnj}
 * tools run against it through picocli with captured output. Tools get {@code --keychain} of a directory that does
 * not exist (no identity: DigestSha256), unless the test gives its own.
 */
final class CliFixture implements AutoCloseable {
  final ForwarderProcess fwd;
  final String uri;
  final Path noKeychain;
  private final List<Running> running = new ArrayList<>();

  /** What a tool printed and returned. */
  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- out:\n" + out + "--- err:\n" + err;
    }
  }

  /** A tool running on its own thread (a server); {@link #stop()} interrupts it, as Ctrl-C would. */
  static final class Running {
    final LineCollector out = new LineCollector();
    final LineCollector err = new LineCollector();
    final CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread thread;

    /** Interrupts the tool and waits for its exit code. */
    int stop() throws Exception {
      thread.interrupt();
      return exit.get(20, TimeUnit.SECONDS);
    }
  }

  CliFixture(Path dir) throws InterruptedException {
    this(dir, c -> c);
  }

  /** A forwarder whose configuration {@code more} completes (e.g. strict management). */
  CliFixture(Path dir, UnaryOperator<FwdConfig> more) throws InterruptedException {
    Path sock = dir.resolve("fwd.sock");
    FwdConfig config = more.apply(new FwdConfig().bind("127.0.0.1").tcpPort(0).udpPort(0).wsPort(0).unixPath(sock));
    fwd = new ForwarderProcess(config, new FwdLog(l -> { })).start();
    uri = "unix://" + sock.toAbsolutePath();
    noKeychain = dir.resolve("no-keychain");
  }

  /**
   * Waits until the forwarder's FIB has no next hop for exactly {@code prefix} (e.g. after a producer tool stopped
   * and its face went away), rechecking after each face removal.
   */
  void awaitNoRoute(Name prefix) throws Exception {
    Engine e = fwd.engine();
    CompletableFuture<Void> gone = new CompletableFuture<>();
    e.execute(() -> {
      FaceTable.Listener[] listener = new FaceTable.Listener[1];
      Runnable check = () -> {
        FibEntry entry = e.forwarder().fib().findExactMatch(prefix);
        if ((entry == null || !entry.hasNextHops()) && gone.complete(null)) {
          e.forwarder().faceTable().removeListener(listener[0]);
        }
      };
      listener[0] = new FaceTable.Listener() {
        @Override
        public void faceRemoved(Face face) {
          e.execute(check);
        }
      };
      e.forwarder().faceTable().addListener(listener[0]);
      check.run();
    });
    gone.get(10, TimeUnit.SECONDS);
  }

  /** The forwarder's channel whose URI starts with {@code scheme} (e.g. {@code tcp4://}). */
  String channel(String scheme) {
    return fwd.channelUris().stream().filter(u -> u.startsWith(scheme)).findFirst().orElseThrow();
  }

  /** Runs {@code ndnj args... --forwarder <this forwarder>}. */
  Result run(String... args) {
    return runWithInput(new byte[0], args);
  }

  /** Runs the tool with {@code stdin} as standard input. */
  Result runWithInput(byte[] stdin, String... args) {
    return runRaw(stdin, withForwarder(args));
  }

  /** Runs {@code ndnj args...} as given (no --forwarder added). */
  static Result runRaw(byte[] stdin, String... args) {
    LineCollector out = new LineCollector();
    LineCollector err = new LineCollector();
    int exit = cli(new ByteArrayInputStream(stdin), out, err).execute(args);
    return new Result(exit, out.text(), err.text());
  }

  /** Starts {@code ndnj args... --forwarder <this forwarder>} on a new thread. */
  Running start(String... args) {
    return start(new byte[0], args);
  }

  Running start(byte[] stdin, String... args) {
    Running r = new Running();
    String[] full = withForwarder(args);
    r.thread = new Thread(() -> {
      try {
        r.exit.complete(cli(new ByteArrayInputStream(stdin), r.out, r.err).execute(full));
      } catch (Throwable t) {
        r.exit.completeExceptionally(t);
      }
    }, "tool-" + args[0]);
    r.thread.setDaemon(true);
    running.add(r);
    r.thread.start();
    return r;
  }

  private String[] withForwarder(String[] args) {
    boolean ownKeychain = Arrays.asList(args).contains("--keychain");
    String[] full = Arrays.copyOf(args, args.length + (ownKeychain ? 2 : 4));
    full[args.length] = "--forwarder";
    full[args.length + 1] = uri;
    if (!ownKeychain) {
      full[args.length + 2] = "--keychain";
      full[args.length + 3] = noKeychain.toString();
    }
    return full;
  }

  static CommandLine cli(InputStream stdin, LineCollector out, LineCollector err) {
    return new CommandLine(new NdnjCli(stdin)).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
  }

  @Override
  public void close() throws Exception {
    try {
      for (Running r : running) {
        if (!r.exit.isDone()) {
          r.stop();
        }
      }
    } finally {
      fwd.close();
    }
  }
}
