package dev.ndnj.forwarder.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A tool that talks to a running forwarder: checks its arguments ({@link #validate()}; a failure is a usage error,
 * exit code 2), opens the keychain if there is one ({@code --keychain}: what it signs commands and Data with, see
 * {@link CommandInterestSigner}), connects ({@code --forwarder}), runs ({@link #run}), and turns a {@link ToolException} into
 * {@code ERROR: ...} on standard error and its exit code. The connection is closed when the tool returns. On
 * SIGINT/SIGTERM the tool's thread is interrupted, which servers and ping take as "stop and print the summary".
 */
abstract class ClientCommand implements Callable<Integer> {
  /** How long the JVM's shutdown waits for an interrupted tool to finish. */
  private static final long SHUTDOWN_GRACE_MILLIS = 3000;

  @Spec
  CommandSpec spec;

  @Mixin
  ForwarderOption forwarder;

  @Mixin
  KeychainOption keychain;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /**
   * Checks the arguments before connecting.
   *
   * @throws IllegalArgumentException with the message to show, for a usage error (exit code 2)
   */
  void validate() {
  }

  /** The tool's work; returns the exit code. */
  abstract int run(ForwarderClient client) throws ToolException, InterruptedException;

  @Override
  public final Integer call() {
    try {
      validate();
    } catch (IllegalArgumentException e) {
      err().println("ERROR: " + e.getMessage());
      spec.commandLine().usage(err());
      err().flush();
      return 2;
    }
    // Ctrl-C / SIGTERM: interrupt the tool and give it a moment to print its summary (ping, servers) and close
    Thread tool = Thread.currentThread();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      tool.interrupt();
      try {
        finished.await(SHUTDOWN_GRACE_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "ndnj-tool-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (ForwarderClient client = ForwarderClient.connect(forwarder.uri(), keychain.openIfExists())) {
      return run(client);
    } catch (ToolException e) {
      err().println("ERROR: " + e.getMessage());
      return e.exitCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err().println("ERROR: interrupted");
      return 1;
    } finally {
      out().flush();
      err().flush();
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it waits for this thread
      }
    }
  }
}
