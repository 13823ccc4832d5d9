package dev.ndnj.forwarder.cli;

import dev.ndnj.engine.app.InterestTimeoutException;
import dev.ndnj.engine.app.NackException;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ndnj ping}: ndn-tools' ndnping client. Sends probe Interests {@code /<prefix>/ping/<seq>} (seq a decimal
 * number, starting at a random 64-bit value unless {@code --start}), MustBeFresh, lifetime = timeout, one every
 * interval; prints one line per answer (content, nack, timeout) and the statistics with RTT min/avg/max/mdev at the
 * end. Exit code 0 when at least one probe got content, 1 otherwise.
 */
@Command(name = "ping", sortOptions = false,
    description = {"Test reachability of a name prefix (ndn-tools' ndnping protocol; answered by ndnj pingserver "
        + "or ndnpingserver).", "Exit code 0 when at least one probe got content."},
    footer = {"", "Example:", "  ndnj ping -c 4 /example"})
public final class PingCommand extends ClientCommand {
  @Parameters(index = "0", paramLabel = "PREFIX", converter = NameConverter.class, description = "Prefix to ping")
  Name prefix;

  @Option(names = {"-c", "--count"}, paramLabel = "N", description = "Number of probes (default: until Ctrl-C)")
  Long count;

  @Option(names = {"-i", "--interval"}, paramLabel = "MILLIS", defaultValue = "1000",
      description = "Time between probes (default 1000)")
  long interval;

  @Option(names = {"-o", "--timeout"}, paramLabel = "MILLIS", defaultValue = "4000",
      description = "Probe timeout = InterestLifetime (default 4000)")
  long timeout;

  @Option(names = {"-n", "--start"}, paramLabel = "SEQ", description = "First sequence number (default: random)")
  Long start;

  @Option(names = {"-p", "--identifier"}, paramLabel = "ID", description = "Client identifier in the probe names")
  String identifier;

  @Option(names = {"-a", "--allow-stale"}, description = "Omit MustBeFresh")
  boolean allowStale;

  @Option(names = {"-t", "--timestamp"}, description = "Print a timestamp with each answer")
  boolean timestamp;

  /** What happened to one probe; made on the forwarding thread. */
  private record Outcome(long seq, long rttNanos, Data data, Throwable error) {
  }

  @Override
  void validate() {
    if (count != null && count < 1) {
      throw new IllegalArgumentException("--count must be >= 1");
    }
    if (interval < 1 || timeout < 1) {
      throw new IllegalArgumentException("--interval and --timeout must be >= 1 ms");
    }
    if (identifier != null && identifier.isEmpty()) {
      throw new IllegalArgumentException("--identifier must not be empty");
    }
  }

  @Override
  int run(ForwarderClient c) throws ToolException, InterruptedException {
    PrintWriter out = out();
    long seq = start != null ? start : new SecureRandom().nextLong();
    BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    Stats stats = new Stats();
    out.println("PING " + prefix);
    out.flush();
    long sent = 0;
    long resolved = 0;
    long nextSend = System.nanoTime();
    try {
      while (count == null || sent < count || resolved < sent) {
        long waitNanos = (count == null || sent < count) ? nextSend - System.nanoTime() : Long.MAX_VALUE;
        if (waitNanos <= 0) {
          send(c, seq++, outcomes);
          sent++;
          nextSend += interval * 1_000_000;
          continue;
        }
        Outcome o = waitNanos == Long.MAX_VALUE ? outcomes.take() : outcomes.poll(waitNanos, TimeUnit.NANOSECONDS);
        if (o != null) {
          resolved++;
          report(out, o, stats);
        }
      }
    } catch (InterruptedException e) {
      // Ctrl-C / stop: summary of what was resolved
      for (Outcome o = outcomes.poll(); o != null; o = outcomes.poll()) {
        report(out, o, stats);
      }
    }
    stats.print(out, prefix);
    return stats.received > 0 ? 0 : 1;
  }

  private void send(ForwarderClient c, long seq, BlockingQueue<Outcome> outcomes) {
    Name name = prefix.append("ping");
    if (identifier != null) {
      name = name.append(identifier);
    }
    name = name.append(Long.toUnsignedString(seq));
    Interest i = Interest.builder(name).mustBeFresh(!allowStale).lifetime(timeout).build();
    long t0 = System.nanoTime();
    CompletableFuture<Data> f = c.consumer().express(i);
    f.whenComplete((d, e) -> outcomes.add(new Outcome(seq, System.nanoTime() - t0, d,
        e instanceof java.util.concurrent.CompletionException ? e.getCause() : e)));
  }

  private void report(PrintWriter out, Outcome o, Stats stats) {
    String ts = timestamp ? Instant.now() + " - " : "";
    String seq = Long.toUnsignedString(o.seq);
    double ms = o.rttNanos / 1e6;
    if (o.data != null) {
      stats.data(ms);
      out.println(ts + "content from " + prefix + ": seq=" + seq + " time=" + Stats.num(ms) + " ms");
    } else if (o.error instanceof NackException n) {
      stats.nacked++;
      out.println(ts + "nack from " + prefix + ": seq=" + seq + " time=" + Stats.num(ms) + " ms reason="
          + n.reasonName());
    } else if (o.error instanceof InterestTimeoutException) {
      stats.timedOut++;
      out.println(ts + "timeout from " + prefix + ": seq=" + seq);
    } else {
      stats.timedOut++;
      out.println(ts + "error from " + prefix + ": seq=" + seq + " " + ForwarderClient.describe(o.error));
    }
    out.flush();
  }

  /** ndnping's statistics: counts and RTT min/avg/max/mdev of the probes that got content. */
  static final class Stats {
    long received;
    long nacked;
    long timedOut;
    double min = Double.MAX_VALUE;
    double max;
    double sum;
    double sumSquares;

    void data(double ms) {
      received++;
      min = Math.min(min, ms);
      max = Math.max(max, ms);
      sum += ms;
      sumSquares += ms * ms;
    }

    static String num(double v) {
      return String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    static String pct(double v) {
      String s = String.format(java.util.Locale.ROOT, "%.1f", v);
      return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    void print(PrintWriter out, Name prefix) {
      long sent = received + nacked + timedOut;
      out.println();
      out.println("--- " + prefix + " ping statistics ---");
      double lost = sent == 0 ? 0 : 100.0 * timedOut / sent;
      double nackedPct = sent == 0 ? 0 : 100.0 * nacked / sent;
      out.println(sent + " packets transmitted, " + received + " received, " + nacked + " nacked, " + pct(lost)
          + "% packet loss, " + pct(nackedPct) + "% nacked, time " + num(sum) + " ms");
      if (received > 0) {
        double avg = sum / received;
        double mdev = Math.sqrt(Math.max(0, sumSquares / received - avg * avg));
        out.println("rtt min/avg/max/mdev = " + num(min) + "/" + num(avg) + "/" + num(max) + "/" + num(mdev) + " ms");
      }
      out.flush();
    }
  }
}
