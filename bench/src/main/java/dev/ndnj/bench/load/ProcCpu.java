package dev.ndnj.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of a process from Linux's {@code /proc}: {@code /proc/<pid>/stat} fields 14 and 15 (utime and stime, in
 * clock ticks of {@code CLK_TCK}, all threads, including those that have exited) and, with nanosecond resolution, the
 * sum of the first field of {@code /proc/<pid>/task/<tid>/schedstat} over the threads alive at the time of reading.
 */
final class ProcCpu {
  private final long pid;
  private final long clockTick;

  /** Reads {@code pid}'s CPU time with {@code clockTicksPerSecond} (usually 100, {@code getconf CLK_TCK}). */
  ProcCpu(long pid, long clockTicksPerSecond) {
    this.pid = pid;
    this.clockTick = clockTicksPerSecond;
  }

  /** One reading: CPU nanoseconds from stat (tick resolution) and from the threads' schedstat. */
  record Sample(long statNanos, long schedstatNanos) {}

  /**
   * Reads the process's CPU time now.
   *
   * @throws IOException if the process is gone or /proc cannot be read
   */
  Sample read() throws IOException {
    return new Sample(statNanos(), schedstatNanos());
  }

  private long statNanos() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
    // the command name (field 2) is in parentheses and may hold spaces: fields 3.. follow the last ')'
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    long utime = Long.parseLong(f[14 - 3]);
    long stime = Long.parseLong(f[15 - 3]);
    return (utime + stime) * (1_000_000_000L / clockTick);
  }

  private long schedstatNanos() throws IOException {
    long sum = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path t : tasks) {
        try {
          String s = Files.readString(t.resolve("schedstat"), StandardCharsets.US_ASCII).trim();
          sum += Long.parseLong(s.substring(0, s.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
          // the thread exited between the listing and the read
        }
      }
    }
    return sum;
  }

  /** {@code getconf CLK_TCK}, or 100 (the Linux default) if it cannot be run. */
  static long clockTicksPerSecond() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      p.waitFor();
      long v = Long.parseLong(out);
      return v > 0 ? v : 100;
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
