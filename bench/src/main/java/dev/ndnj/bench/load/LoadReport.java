package dev.ndnj.bench.load;

import java.util.Locale;

/**
 * What one load run measured, over its measured window (after the warm-up): counts, rates, RTT percentiles in
 * microseconds and, when the forwarder's pid is known, its CPU time per satisfied Interest. CPU figures are -1 when
 * not measured. Immutable.
 *
 * @param transport the consumers' face URI scheme
 * @param remote the consumers' face URI
 * @param names {@code unique} or {@code repeat}
 * @param connections consumer connections
 * @param window Interests outstanding per connection
 * @param payload Content octets per Data
 * @param seconds length of the measured window
 * @param sent Interests sent in the window
 * @param satisfied Interests answered by Data in the window
 * @param timeouts Interests unanswered after their lifetime (plus 250 ms)
 * @param nacks Interests answered by a Nack
 * @param unexpected packets received that matched no outstanding Interest
 * @param producerInterests Interests the producer answered in the window (0 for an all-CS-hit run)
 * @param rttP50 RTT median, microseconds
 * @param rttP90 RTT 90th percentile
 * @param rttP99 RTT 99th percentile
 * @param rttP999 RTT 99.9th percentile
 * @param rttMax largest RTT
 * @param forwarderPid pid whose CPU was read, or -1
 * @param forwarderCpuMillis its CPU time over the window (from /proc/pid/stat), or -1
 * @param forwarderCpuMillisSchedstat the same from its threads' schedstat (nanosecond resolution), or -1
 * @param loadgenCpuMillis the load generator's own CPU time over the window (whole JVM), or -1
 */
public record LoadReport(String transport, String remote, String names, int connections, int window, int payload,
    double seconds, long sent, long satisfied, long timeouts, long nacks, long unexpected, long producerInterests,
    double rttP50, double rttP90, double rttP99, double rttP999, double rttMax, long forwarderPid,
    double forwarderCpuMillis, double forwarderCpuMillisSchedstat, double loadgenCpuMillis) {

  /** Satisfied Interests per second. */
  public double satisfiedPerSecond() {
    return seconds > 0 ? satisfied / seconds : 0;
  }

  /** Forwarder CPU microseconds per satisfied Interest (schedstat when available, else stat), or -1. */
  public double forwarderCpuMicrosPerSatisfied() {
    double ms = forwarderCpuMillisSchedstat >= 0 ? forwarderCpuMillisSchedstat : forwarderCpuMillis;
    return ms < 0 || satisfied == 0 ? -1 : ms * 1000 / satisfied;
  }

  /** Load generator CPU microseconds per satisfied Interest, or -1. */
  public double loadgenCpuMicrosPerSatisfied() {
    return loadgenCpuMillis < 0 || satisfied == 0 ? -1 : loadgenCpuMillis * 1000 / satisfied;
  }

  /** A human-readable report, one figure per line. */
  public String toText() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "remote           %s (%s), %d connection(s) x window %d, %s names, %d B payload%n",
        remote, transport, connections, window, names, payload));
    s.append(String.format(Locale.ROOT, "measured         %.2f s: %d sent, %d satisfied, %d timeouts, %d nacks, %d unexpected%n",
        seconds, sent, satisfied, timeouts, nacks, unexpected));
    s.append(String.format(Locale.ROOT, "producer         %d Interests answered in the window%n", producerInterests));
    s.append(String.format(Locale.ROOT, "satisfied/s      %.0f%n", satisfiedPerSecond()));
    s.append(String.format(Locale.ROOT, "rtt us           p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
        rttP50, rttP90, rttP99, rttP999, rttMax));
    if (forwarderPid >= 0) {
      s.append(String.format(Locale.ROOT, "forwarder cpu    pid %d: %.1f ms (stat), %.1f ms (schedstat), %.2f us per satisfied Interest%n",
          forwarderPid, forwarderCpuMillis, forwarderCpuMillisSchedstat, forwarderCpuMicrosPerSatisfied()));
    } else {
      s.append("forwarder cpu    not measured (no --pid)\n");
    }
    s.append(String.format(Locale.ROOT, "loadgen cpu      %.1f ms, %.2f us per satisfied Interest%n", loadgenCpuMillis,
        loadgenCpuMicrosPerSatisfied()));
    return s.toString();
  }

  /** The report as one JSON object (one line). */
  public String toJson() {
    return String.format(Locale.ROOT,
        "{\"transport\":\"%s\",\"remote\":\"%s\",\"names\":\"%s\",\"connections\":%d,\"window\":%d,\"payload\":%d,"
            + "\"seconds\":%.3f,\"sent\":%d,\"satisfied\":%d,\"timeouts\":%d,\"nacks\":%d,\"unexpected\":%d,"
            + "\"producerInterests\":%d,\"satisfiedPerSecond\":%.1f,"
            + "\"rttMicros\":{\"p50\":%.1f,\"p90\":%.1f,\"p99\":%.1f,\"p999\":%.1f,\"max\":%.1f},"
            + "\"forwarderPid\":%d,\"forwarderCpuMillis\":%.3f,\"forwarderCpuMillisSchedstat\":%.3f,"
            + "\"forwarderCpuMicrosPerSatisfied\":%.3f,\"loadgenCpuMillis\":%.3f,\"loadgenCpuMicrosPerSatisfied\":%.3f}",
        json(transport), json(remote), json(names), connections, window, payload, seconds, sent, satisfied, timeouts,
        nacks, unexpected, producerInterests, satisfiedPerSecond(), rttP50, rttP90, rttP99, rttP999, rttMax,
        forwarderPid, forwarderCpuMillis, forwarderCpuMillisSchedstat, forwarderCpuMicrosPerSatisfied(),
        loadgenCpuMillis, loadgenCpuMicrosPerSatisfied());
  }

  private static String json(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
