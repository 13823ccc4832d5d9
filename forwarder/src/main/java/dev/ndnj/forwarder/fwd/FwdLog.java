package dev.ndnj.forwarder.fwd;

import java.io.PrintStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The forwarder's log: one INFO line per event (channel listening, face up, face down, start and stop), never per
 * packet. Lines go to a {@link Consumer} (standard output for {@code ndnj fwd}, a list in tests).
 */
public final class FwdLog {
  private final Consumer<String> sink;

  /** A log that hands each line (without timestamp) to {@code sink}; must be thread-safe. */
  public FwdLog(Consumer<String> sink) {
    this.sink = sink;
  }

  /** A log to {@code out}, each line prefixed with an ISO-8601 timestamp and {@code INFO}. */
  public static FwdLog to(PrintStream out) {
    return new FwdLog(line -> {
      synchronized (out) {
        out.println(Instant.now() + " INFO " + line);
        out.flush();
      }
    });
  }

  /** Logs {@code line} at INFO. */
  public void info(String line) {
    sink.accept(line);
  }
}
