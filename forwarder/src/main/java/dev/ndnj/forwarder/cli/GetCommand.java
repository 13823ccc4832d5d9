package dev.ndnj.forwarder.cli;

import dev.ndnj.engine.app.ConsumerCounters;
import dev.ndnj.engine.app.ExpressOptions;
import dev.ndnj.engine.app.FetchOptions;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvTypes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ndnj get}: fetches a segmented, versioned object (as ndn-tools' ndncatchunks) and writes it to a file. The
 * version is discovered with RDR metadata ({@code /<name>/32=metadata}), falling back to a CanBePrefix + MustBeFresh
 * Interest for the name when the producer does not answer metadata; a name that ends with a version is fetched as
 * it is. Segment 0 is fetched first (its FinalBlockId bounds the window, so no Interest asks past the last segment),
 * then the others with a window of Interests ({@code SegmentedFetcher}); a segment without answer is
 * sent again (new Nonce) up to {@code --retries} times, and the fetch goes on from where it was. A progress bar with
 * bytes and throughput goes to standard error. With {@code --verify} every segment (and the metadata) is validated
 * ({@link VerifyOptions}); one that fails ends the fetch with the reason.
 */
@Command(name = "get", sortOptions = false,
    description = {"Fetch a segmented, versioned object (as ndncatchunks) and write it to FILE.",
        "FILE defaults to the last component of NAME in the current directory; '-' writes text to standard output.",
        "Progress (segments, bytes, throughput) goes to standard error.",
        "--verify validates every segment against --trust-anchor FILE or the keychain's certificates."},
    footer = {"", "Example:", "  ndnj get /example/report report.pdf"})
public final class GetCommand extends ClientCommand {
  @Parameters(index = "0", paramLabel = "NAME", converter = NameConverter.class,
      description = "Object name, with or without a version")
  Name name;

  @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "Where to write the object")
  String file;

  @Option(names = {"-w", "--window"}, paramLabel = "N", defaultValue = "16",
      description = "Segment Interests in flight (default 16)")
  int window;

  @Option(names = {"-r", "--retries"}, paramLabel = "N", defaultValue = "15",
      description = "Retransmissions of a segment before giving up (default 15)")
  int retries;

  @Option(names = {"-l", "--lifetime"}, paramLabel = "MILLIS", defaultValue = "1000",
      description = "InterestLifetime of each transmission (default 1000)")
  long lifetime;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar")
  boolean quiet;

  @Mixin
  VerifyOptions verification;

  private Path target;

  @Override
  void validate() {
    verification.validate();
    if (window < 1 || window > 4096) {
      throw new IllegalArgumentException("--window must be in 1..4096");
    }
    if (retries < 0) {
      throw new IllegalArgumentException("--retries must be >= 0");
    }
    if (lifetime < 1) {
      throw new IllegalArgumentException("--lifetime must be >= 1 ms");
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException("NAME must not be /");
    }
    if (file == null) {
      String base = null;
      for (int i = name.size() - 1; i >= 0 && base == null; i--) {
        Component comp = name.get(i);
        if (comp.type() == TlvTypes.GENERIC_NAME_COMPONENT && comp.valueLength() > 0) {
          base = comp.toString();
        }
      }
      if (base == null || base.equals(".") || base.equals("..") || base.contains("/") || base.contains("%")) {
        throw new IllegalArgumentException("cannot make a file name from " + name + "; give FILE");
      }
      target = Path.of(base);
    } else if (!file.equals("-")) {
      target = Path.of(file);
    }
  }

  @Override
  int run(ForwarderClient c) throws ToolException, InterruptedException {
    verification.install(c, keychain.directory());
    long t0 = System.nanoTime();
    Name versioned = discover(c);
    int w = window;
    if (versioned.get(-1).isVersion()) {
      // segment 0 first: its FinalBlockId bounds the window, so no Interest goes past the last segment (the client
      // engine's Content Store then answers the fetcher's own request for segment 0)
      Interest seg0 = Interest.builder(versioned.append(Component.segment(0))).lifetime(lifetime).build();
      Data first = ForwarderClient.await(c.consumer().express(seg0, ExpressOptions.retries(retries)),
          "fetching " + seg0.name(), lifetime * (retries + 1) + 1000);
      Component fb = first.finalBlockId();
      if (fb != null && fb.isSegment() && fb.toNumber() < window) {
        w = (int) fb.toNumber() + 1;
      }
    }
    AtomicLong segments = new AtomicLong();
    AtomicLong total = new AtomicLong(-1);
    AtomicLong bytes = new AtomicLong();
    FetchOptions options = FetchOptions.DEFAULT.withWindow(w).withRetries(retries).withLifetime(lifetime)
        .withProgress((done, all, b) -> {
          segments.set(done);
          total.set(all);
          bytes.set(b);
        });
    CompletableFuture<byte[]> fetch = c.consumer().fetch(versioned, options);
    Progress bar = quiet ? null : new Progress(err(), versioned);
    byte[] content;
    try {
      while (true) {
        try {
          content = fetch.get(200, TimeUnit.MILLISECONDS);
          break;
        } catch (TimeoutException e) {
          if (bar != null) {
            bar.draw(segments.get(), total.get(), bytes.get(), System.nanoTime() - t0);
          }
        }
      }
    } catch (ExecutionException e) {
      if (bar != null) {
        bar.end();
      }
      throw new ToolException("fetching " + versioned + ": " + ForwarderClient.describe(e.getCause()), e.getCause());
    } catch (InterruptedException e) {
      fetch.cancel(false);
      throw e;
    }
    long elapsed = System.nanoTime() - t0;
    long retx = retransmissions(c);
    if (bar != null) {
      bar.draw(segments.get(), total.get(), content.length, elapsed);
      bar.end();
    }
    write(content);
    if (!quiet) {
      err().println("get: " + versioned + ": " + content.length + " bytes, " + segments.get() + " segments in "
          + String.format(Locale.ROOT, "%.3f", elapsed / 1e9) + " s (" + Progress.rate(content.length, elapsed)
          + "), " + retx + " retransmissions" + (target != null ? ", written to " + target : ""));
      err().flush();
    }
    return 0;
  }

  /** The versioned name to fetch: given, from RDR metadata, or (fallback) from the fetcher's own discovery. */
  private Name discover(ForwarderClient c) throws InterruptedException {
    if (name.get(-1).isVersion()) {
      return name;
    }
    CompletableFuture<Data> md = c.consumer().express(Rdr.discoveryInterest(name, lifetime),
        ExpressOptions.retries(Math.min(retries, 2)));
    try {
      Data d = md.get(lifetime * 4 + 1000, TimeUnit.MILLISECONDS);
      return Rdr.versionedName(d);
    } catch (ExecutionException | TimeoutException | IllegalArgumentException e) {
      md.cancel(false);
      // no RDR answer: SegmentedFetcher discovers with CanBePrefix + MustBeFresh on the name itself
      return name;
    }
  }

  private long retransmissions(ForwarderClient c) throws ToolException, InterruptedException {
    CompletableFuture<Long> r = new CompletableFuture<>();
    c.engine().execute(() -> {
      ConsumerCounters k = c.engine().consumer().counters();
      r.complete(k.retransmitted());
    });
    return ForwarderClient.await(r, "reading counters");
  }

  private void write(byte[] content) throws ToolException {
    if (target == null) {
      out().print(new String(content, StandardCharsets.UTF_8));
      out().flush();
      return;
    }
    try {
      Path abs = target.toAbsolutePath();
      Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".part");
      try {
        Files.write(tmp, content);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new ToolException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** The progress bar: {@code [#####.....]  45%  1.2 MB / 2.6 MB  3.4 MB/s  seg 120/260}, redrawn with \r. */
  static final class Progress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final String label;
    private int lastLength;

    Progress(PrintWriter err, Name versioned) {
      this.err = err;
      this.label = versioned.toString();
    }

    void draw(long segs, long total, long bytes, long elapsedNanos) {
      StringBuilder sb = new StringBuilder("\r");
      if (total > 0) {
        int filled = (int) (WIDTH * segs / total);
        sb.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
        sb.append(String.format(Locale.ROOT, "%3d%%", 100 * segs / total));
      } else {
        sb.append(label);
      }
      sb.append("  ").append(size(bytes)).append("  ").append(rate(bytes, elapsedNanos));
      sb.append("  seg ").append(segs).append('/').append(total > 0 ? Long.toString(total) : "?");
      int len = sb.length();
      if (len < lastLength) {
        sb.append(" ".repeat(lastLength - len));
      }
      lastLength = len;
      err.print(sb);
      err.flush();
    }

    void end() {
      err.println();
      err.flush();
    }

    static String size(long bytes) {
      if (bytes < 1024) {
        return bytes + " B";
      }
      if (bytes < 1024 * 1024) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
      }
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    static String rate(long bytes, long nanos) {
      double s = Math.max(nanos, 1) / 1e9;
      return size((long) (bytes / s)) + "/s";
    }
  }
}
