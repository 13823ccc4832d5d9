package dev.ndnj.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of Chromium's renderer threads, read from Linux's {@code /proc/<pid>/task/<tid>/schedstat} (time on a
 * CPU, in nanoseconds): the page's main thread (the renderer's first thread) and its SharedWorker threads. The
 * browser benchmark takes a snapshot before and after the round-trip phase to tell the CPU each side spends per
 * round trip from the time it waits. Empty where {@code /proc} has no such files (not Linux).
 */
final class ThreadCpu {
  /** A renderer thread: its process, id and role ({@code main} or {@code worker}). */
  record Thread(long pid, long tid, String role) {}

  private ThreadCpu() {}

  /** The {@code /proc/<pid>} directory of every process now running (none where there is no {@code /proc}). */
  static List<Path> processes() {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** CPU nanoseconds per renderer main thread and SharedWorker thread now. */
  static Map<Thread, Long> snapshot() {
    Map<Thread, Long> out = new HashMap<>();
    for (Path p : processes()) {
      if (!read(p.resolve("cmdline")).contains("--type=renderer")) {
        continue;
      }
      long pid = Long.parseLong(p.getFileName().toString());
      try (Stream<Path> tasks = Files.list(p.resolve("task"))) {
        for (Path t : (Iterable<Path>) tasks::iterator) {
          long tid = Long.parseLong(t.getFileName().toString());
          String comm = read(t.resolve("comm")).trim();
          String role = tid == pid ? "main" : comm.startsWith("SharedWorker") ? "worker" : null;
          String[] f = read(t.resolve("schedstat")).trim().split(" ");
          if (role != null && f.length >= 1 && !f[0].isEmpty()) {
            out.put(new Thread(pid, tid, role), Long.parseLong(f[0]));
          }
        }
      } catch (IOException | RuntimeException e) {
        // the process ended while we read it
      }
    }
    return out;
  }

  /** Nanoseconds each thread spent on a CPU between two snapshots (a thread started in between counts from 0). */
  static Map<Thread, Long> delta(Map<Thread, Long> before, Map<Thread, Long> after) {
    Map<Thread, Long> d = new HashMap<>();
    after.forEach((t, ns) -> d.put(t, ns - before.getOrDefault(t, 0L)));
    return d;
  }

  private static String read(Path p) {
    try {
      return new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "";
    }
  }
}
