package dev.ndnj.forwarder.cli;

import dev.ndnj.engine.app.Registration;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ndnj pingserver}: answers ndnping probes ({@code /<prefix>/ping/<seq>} or
 * {@code /<prefix>/ping/<client-id>/<seq>}) with a Data of the same name, as ndn-tools' ndnpingserver does:
 * registers {@code /<prefix>/ping}, answers with ContentType Blob, FreshnessPeriod 1 s and a DigestSha256
 * signature, and runs until interrupted or {@code --count} probes were answered.
 */
@Command(name = "pingserver", sortOptions = false,
    description = {"Answer ndnping probes under PREFIX/ping (ndn-tools' ndnping protocol, as ndnpingserver).",
        "Runs until Ctrl-C or --count probes were answered."},
    footer = {"", "Example:", "  ndnj pingserver /example   # then: ndnj ping /example"})
public final class PingServerCommand extends ClientCommand {
  @Parameters(index = "0", paramLabel = "PREFIX", converter = NameConverter.class, description = "Prefix to serve")
  Name prefix;

  @Option(names = {"-p", "--count"}, paramLabel = "N", description = "Stop after answering N probes")
  Long count;

  @Option(names = {"-s", "--size"}, paramLabel = "OCTETS", defaultValue = "0",
      description = "Payload size of each reply (default 0; filled with 'a')")
  int size;

  @Option(names = {"-f", "--freshness"}, paramLabel = "MILLIS", defaultValue = "1000",
      description = "FreshnessPeriod of replies (default 1000)")
  long freshness;

  @Option(names = {"-t", "--timestamp"}, description = "Print a timestamp with each probe")
  boolean timestamp;

  @Option(names = {"-q", "--quiet"}, description = "Do not print each probe")
  boolean quiet;

  @Override
  void validate() {
    if (count != null && count < 1) {
      throw new IllegalArgumentException("--count must be >= 1");
    }
    if (size < 0 || size > 8000) {
      throw new IllegalArgumentException("--size must be in 0..8000");
    }
    if (freshness < 0) {
      throw new IllegalArgumentException("--freshness must be >= 0");
    }
  }

  @Override
  int run(ForwarderClient c) throws ToolException, InterruptedException {
    PrintWriter out = out();
    Name served = prefix.append("ping");
    byte[] payload = new byte[size];
    Arrays.fill(payload, (byte) 'a');
    AtomicLong answered = new AtomicLong();
    CountDownLatch done = new CountDownLatch(1);
    Registration reg = c.engine().producer().produce(served, (interest, responder) -> {
      if (count != null && answered.get() >= count) {
        return;
      }
      Name n = interest.name();
      if (n.size() < served.size() + 1 || n.size() > served.size() + 2) {
        return; // not a probe name
      }
      responder.data(Data.builder(n).content(payload).freshnessPeriod(freshness).signWithDigestSha256());
      long k = answered.incrementAndGet();
      if (!quiet) {
        out.println((timestamp ? Instant.now() + " - " : "") + "interest received: seq=" + n.get(-1));
      }
      if (count != null && k >= count) {
        done.countDown();
      }
    });
    try {
      c.register(served);
      out.println("PING SERVER " + prefix);
      out.flush();
      try {
        done.await();
      } catch (InterruptedException e) {
        // Ctrl-C / stop: the summary below, then exit 0
      }
    } finally {
      reg.close();
    }
    out.println();
    out.println("--- " + prefix + " ping server statistics ---");
    out.println(answered.get() + " packets processed");
    return 0;
  }
}
