package dev.ndnj.forwarder.cli;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A Writer that keeps what a tool prints, line by line, and lets a test wait for a line. Thread-safe. */
final class LineCollector extends Writer {
  private final StringBuilder all = new StringBuilder();
  private final StringBuilder partial = new StringBuilder();
  private final List<String> lines = new ArrayList<>();

  @Override
  public synchronized void write(char[] buf, int off, int len) {
    all.append(buf, off, len);
    for (int i = off; i < off + len; i++) {
      char c = buf[i];
      if (c == '\n') {
        lines.add(partial.toString());
        partial.setLength(0);
      } else if (c != '\r') {
        partial.append(c);
      }
    }
    notifyAll();
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
  }

  /** Everything written so far. */
  synchronized String text() {
    return all.toString();
  }

  /** The complete lines so far. */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /**
   * Waits until a complete line matches {@code p}.
   *
   * @return the line
   * @throws AssertionError if none does within {@code millis}
   */
  synchronized String awaitLine(Predicate<String> p, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    int seen = 0;
    while (true) {
      for (; seen < lines.size(); seen++) {
        if (p.test(lines.get(seen))) {
          return lines.get(seen);
        }
      }
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new AssertionError("no matching line within " + millis + " ms; output so far:\n" + all);
      }
      wait(left);
    }
  }
}
