package dev.ndnj.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Places Chromium's threads on CPUs with Linux's {@code taskset}, for the browser benchmarks' placed round trips
 * (docs/benchmarks.md, "Where each thread runs"): all of them on one CPU, the pages on one CPU and the SharedWorkers
 * on another, and back on all CPUs. On this 2-vCPU VM a message between two threads on different virtual CPUs often
 * has to wake a halted one, which costs more than the echo worker's whole round trip and lands on some workers and
 * not others by scheduling chance (two identical echo workers measured up to 2.8x apart); placed, every worker's
 * messages cross CPUs alike (or none do), and the round trips compare the workers' own work.
 */
final class CpuPin {
  private CpuPin() {}

  /** The Chromium processes now running (their executable's path names chromium). */
  private static List<Long> chromiumPids() {
    List<Long> pids = new ArrayList<>();
    for (Path p : ThreadCpu.processes()) {
      try {
        if (Files.readSymbolicLink(p.resolve("exe")).getFileName().toString().equals("chromium")) {
          pids.add(Long.parseLong(p.getFileName().toString()));
        }
      } catch (IOException | RuntimeException e) {
        // not ours to read, or gone
      }
    }
    return pids;
  }

  /**
   * Sets the CPU list of all threads of all Chromium processes to {@code cpus} (taskset syntax, e.g. {@code "1"} or
   * {@code "0-1"}); true if there was at least one process and taskset accepted every one.
   */
  private static boolean setChromium(String cpus) throws InterruptedException {
    List<Long> pids = chromiumPids();
    boolean ok = !pids.isEmpty();
    for (long pid : pids) {
      ok &= taskset(cpus, pid, true);
    }
    return ok;
  }

  /**
   * Puts the renderers' main threads (the pages') on {@code pageCpu} and their SharedWorker threads on
   * {@code workerCpu}, every other Chromium thread on all CPUs: each message between a page and a worker crosses
   * CPUs, for all workers alike. True if taskset accepted every thread and there was a page and a worker.
   */
  private static boolean splitPagesAndWorkers(String pageCpu, String workerCpu) throws InterruptedException {
    boolean ok = setChromium(allCpus());
    boolean page = false;
    boolean worker = false;
    for (ThreadCpu.Thread t : ThreadCpu.snapshot().keySet()) {
      boolean isPage = t.role().equals("main");
      page |= isPage;
      worker |= !isPage;
      ok &= taskset(isPage ? pageCpu : workerCpu, t.tid(), false);
    }
    return ok && page && worker;
  }

  private static boolean taskset(String cpus, long id, boolean allThreads) throws InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("taskset"));
    if (allThreads) {
      cmd.add("-a");
    }
    cmd.addAll(List.of("-p", "-c", cpus, Long.toString(id)));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false; // no taskset here
    }
  }

  /** Where {@link #run} puts Chromium's threads. */
  enum Placement {
    /** All of Chromium's threads on the last CPU: no message crosses CPUs. */
    ONE_CPU,
    /** The pages' main threads on CPU 0, the SharedWorker threads on the last CPU: every message crosses CPUs. */
    SPLIT;

    /** How a report line names this placement. */
    String label() {
      return this == ONE_CPU ? "pinned to CPU " + lastCpu() + ": "
          : "page on CPU 0, workers on CPU " + lastCpu() + ": ";
    }
  }

  /** Runs work while Chromium is placed as {@code placement}. */
  interface Work {
    /** The work. */
    void run() throws Exception;
  }

  /**
   * Places Chromium's threads as {@code placement}, runs {@code work}, and puts them back on all CPUs (asserting that
   * it could). False, with nothing run, if they could not be placed (no taskset, no Chromium, a single CPU for
   * {@link Placement#SPLIT}); any placement made is undone first.
   */
  static boolean run(Placement placement, Work work) throws Exception {
    int cpus = Runtime.getRuntime().availableProcessors();
    boolean placed = placement == Placement.ONE_CPU ? setChromium(lastCpu())
        : cpus > 1 && splitPagesAndWorkers("0", lastCpu());
    try {
      if (placed) {
        work.run();
      }
    } finally {
      if (!setChromium(allCpus()) && placed) {
        throw new AssertionError("Chromium's threads could not be put back on all CPUs");
      }
    }
    return placed;
  }

  /** All CPUs of this machine, in taskset syntax. */
  static String allCpus() {
    return "0-" + (Runtime.getRuntime().availableProcessors() - 1);
  }

  /** The last CPU of this machine, in taskset syntax. */
  static String lastCpu() {
    return Integer.toString(Runtime.getRuntime().availableProcessors() - 1);
  }
}
