package dev.ndnj.forwarder.cli;

import dev.ndnj.engine.app.Registration;
import dev.ndnj.engine.app.SegmentedProducer;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.NackReason;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ndnj put}: serves a file as a segmented, versioned object {@code /<name>/v=<ms>/seg=<n>} (FinalBlockId on
 * every segment), as ndn-tools' ndnputchunks: it answers RDR metadata discovery ({@code /<name>/32=metadata}), a
 * CanBePrefix Interest for the name or the versioned name (segment 0), and segment Interests. Segments and metadata
 * are signed as {@link SigningOptions} says (the keychain's default identity, {@code --identity}, {@code --key}, or
 * DigestSha256), and the signing key's certificate is served under the key name. Runs until interrupted.
 */
@Command(name = "put", sortOptions = false,
    description = {"Serve a file as a segmented, versioned object NAME/v=<ms>/seg=<n> (as ndnputchunks), "
        + "with RDR version discovery (NAME/32=metadata).",
        "A NAME that ends with a version (/a/b/v=3) is served as that version. Runs until Ctrl-C.",
        "Data are signed with the keychain's default identity (or --identity, --key; --digest: DigestSha256),",
        "whose certificate is also served under the key name."},
    footer = {"", "Example:", "  ndnj put /example/report report.pdf   # then: ndnj get /example/report"})
public final class PutCommand extends ClientCommand {
  @Parameters(index = "0", paramLabel = "NAME", converter = NameConverter.class, description = "Object name")
  Name name;

  @Parameters(index = "1", paramLabel = "FILE", description = "File to serve")
  Path file;

  @Option(names = {"-s", "--segment-size"}, paramLabel = "OCTETS", defaultValue = "8000",
      description = "Content octets per segment (default 8000)")
  int segmentSize;

  @Option(names = {"-f", "--freshness"}, paramLabel = "MILLIS", defaultValue = "10000",
      description = "FreshnessPeriod of the segments (default 10000)")
  long freshness;

  @Option(names = {"-q", "--quiet"}, description = "Print only the published name")
  boolean quiet;

  @Mixin
  SigningOptions signing;

  @Override
  void validate() {
    signing.validate();
    if (segmentSize < 1 || segmentSize > 8600) {
      throw new IllegalArgumentException("--segment-size must be in 1..8600");
    }
    if (freshness < 0) {
      throw new IllegalArgumentException("--freshness must be >= 0");
    }
    if (name.isEmpty() || name.size() == 1 && name.get(0).isVersion()) {
      throw new IllegalArgumentException("NAME must have a component before the version");
    }
  }

  @Override
  int run(ForwarderClient c) throws ToolException, InterruptedException {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ToolException("no such file: " + file, e);
    } catch (IOException e) {
      throw new ToolException("cannot read " + file + ": " + e.getMessage(), e);
    }
    // as ndnputchunks: a NAME ending with a version is served as that version, otherwise the version is now (ms)
    Name prefix = name.get(-1).isVersion() ? name.getPrefix(-1) : name;
    long v = name.get(-1).isVersion() ? name.get(-1).toNumber() : System.currentTimeMillis();
    SigningOptions.Signing sig = signing.resolve(c, keychain.directory(), err(), "put");
    SegmentedProducer segments = new SegmentedProducer(prefix, content, segmentSize, v, freshness, sig::sign);
    Name versioned = segments.versionedName();
    AtomicLong served = new AtomicLong();
    AtomicLong discoveries = new AtomicLong();
    Registration reg = c.engine().producer().produce(prefix, (interest, responder) -> {
      if (Rdr.isDiscoveryName(prefix, interest.name())) {
        if (!interest.canBePrefix()) {
          responder.nack(NackReason.NONE);
          return;
        }
        discoveries.incrementAndGet();
        responder.data(Rdr.metadata(interest.name(), versioned, System.currentTimeMillis(), sig::sign));
        return;
      }
      segments.onInterest(interest, responder);
      if (responder.isAnswered()) {
        served.incrementAndGet();
      }
    });
    PrintWriter out = out();
    Registration certReg = null;
    try {
      c.register(prefix);
      certReg = sig.serveCertificate(c);
      out.println("published " + versioned + " segments=" + segments.segmentCount() + " bytes=" + content.length);
      if (!quiet) {
        out.println("serving until Ctrl-C (signed with " + sig.describe() + ")");
      }
      out.flush();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        // Ctrl-C / stop
      }
    } finally {
      reg.close();
      if (certReg != null) {
        certReg.close();
      }
    }
    if (!quiet) {
      out.println("served " + served.get() + " segment Interests, " + discoveries.get() + " metadata Interests");
    }
    return 0;
  }
}
