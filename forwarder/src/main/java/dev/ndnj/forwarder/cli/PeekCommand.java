package dev.ndnj.forwarder.cli;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Hex;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ndnj peek}: expresses one Interest and prints the content of the Data that answers it (as ndn-tools'
 * ndnpeek {@code --payload}). With {@code --verify} the Data is validated first ({@link VerifyOptions}). Exit code 1
 * on Nack, timeout or a Data that fails validation, with the reason on standard error.
 */
@Command(name = "peek", sortOptions = false,
    description = {"Express one Interest and print the content of the Data that answers it.",
        "Content goes to standard output as text (UTF-8), or as raw bytes to --output FILE.",
        "--verify validates the Data against --trust-anchor FILE or the keychain's certificates first."},
    footer = {"", "Example:", "  ndnj peek --prefix --fresh /example/greeting"})
public final class PeekCommand extends ClientCommand {
  @Parameters(index = "0", paramLabel = "NAME", converter = NameConverter.class, description = "Interest name")
  Name name;

  @Option(names = {"-P", "--prefix"}, description = "Set CanBePrefix")
  boolean canBePrefix;

  @Option(names = {"-f", "--fresh"}, description = "Set MustBeFresh")
  boolean mustBeFresh;

  @Option(names = {"-l", "--lifetime"}, paramLabel = "MILLIS", defaultValue = "4000",
      description = "InterestLifetime (default 4000)")
  long lifetime;

  @Option(names = "--hop-limit", paramLabel = "N", description = "HopLimit (0..255)")
  Integer hopLimit;

  @Option(names = "--payload-hex", paramLabel = "HEX", description = "ApplicationParameters, in hex")
  String payloadHex;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the content (raw bytes) to FILE")
  Path output;

  @Option(names = {"-v", "--verbose"}, description = "Print the Data's name, type and RTT on standard error")
  boolean verbose;

  @Mixin
  VerifyOptions verification;

  private byte[] parameters;

  @Override
  void validate() {
    verification.validate();
    if (lifetime < 1) {
      throw new IllegalArgumentException("--lifetime must be >= 1 ms");
    }
    if (hopLimit != null && (hopLimit < 0 || hopLimit > 255)) {
      throw new IllegalArgumentException("--hop-limit must be in 0..255");
    }
    if (payloadHex != null) {
      parameters = Hex.decode(payloadHex);
      if (parameters == null) {
        throw new IllegalArgumentException("--payload-hex must be an even number of hex digits, got " + payloadHex);
      }
    }
  }

  @Override
  int run(ForwarderClient c) throws ToolException, InterruptedException {
    Interest.Builder b = Interest.builder(name).canBePrefix(canBePrefix).mustBeFresh(mustBeFresh).lifetime(lifetime);
    if (hopLimit != null) {
      b.hopLimit(hopLimit);
    }
    if (parameters != null) {
      b.applicationParameters(parameters);
    }
    Interest interest = b.build();
    verification.install(c, keychain.directory());
    long t0 = System.nanoTime();
    Data d = ForwarderClient.await(c.consumer().express(interest), "peek " + interest.name(), lifetime + 1000);
    long rtt = System.nanoTime() - t0;
    if (verbose) {
      err().println("DATA " + d.name() + " contentType=" + d.contentType() + " freshness=" + d.freshnessPeriod()
          + " content=" + d.contentLength() + " bytes rtt=" + PingCommand.Stats.num(rtt / 1e6) + " ms");
      err().flush();
    }
    ByteBuffer content = d.content();
    byte[] bytes = new byte[content.remaining()];
    content.duplicate().get(bytes);
    if (output != null) {
      try {
        Files.write(output, bytes);
      } catch (IOException e) {
        throw new ToolException("cannot write " + output + ": " + e.getMessage(), e);
      }
    } else {
      out().print(new String(bytes, StandardCharsets.UTF_8));
      out().flush();
    }
    return 0;
  }
}
