package dev.ndnj.forwarder.cli;

import dev.ndnj.tlv.TlvException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ndnj dissect}: prints the TLV tree of NDN packets read as hex text or raw binary, like ndn-tools'
 * ndn-dissect. Exit code 0 when every element decodes, 1 on malformed or unreadable input.
 */
@Command(name = "dissect", sortOptions = false,
    description = {"Print the TLV structure of NDN packets (Interest, Data, LpPacket, ...).",
        "Input is hex text (whitespace and 0x prefixes ignored) or raw binary, detected automatically; "
            + "it may hold several concatenated TLV elements."},
    footer = {"", "Example:", "  echo 0512 0706080161080162 0a0401020304 0c020fa0 | ndnj dissect"})
public final class DissectCommand implements Callable<Integer> {
  @ParentCommand
  NdnjCli parent;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "File to read; '-' or none: standard input.")
  String file;

  @ArgGroup(exclusive = true)
  Format format;

  /** Overrides of the input format detection. */
  static final class Format {
    @Option(names = "--hex", description = "Input is hex text.")
    boolean hex;

    @Option(names = "--binary", description = "Input is raw TLV bytes.")
    boolean binary;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    byte[] input;
    try {
      input = file == null || file.equals("-") ? parent.stdin().readAllBytes() : Files.readAllBytes(Path.of(file));
    } catch (NoSuchFileException e) {
      err.println("ERROR: no such file: " + file);
      return 1;
    } catch (IOException e) {
      err.println("ERROR: cannot read " + (file == null ? "standard input" : file) + ": " + e.getMessage());
      return 1;
    }
    boolean hex = format != null ? format.hex : Hex.looksLikeText(input);
    byte[] packets;
    try {
      packets = hex ? Hex.parse(input) : input;
    } catch (IllegalArgumentException e) {
      err.println("ERROR: " + e.getMessage());
      return 1;
    }
    if (packets.length == 0) {
      err.println("ERROR: no input");
      return 1;
    }
    try {
      new Dissector(ByteBuffer.wrap(packets), out).dissect();
      return 0;
    } catch (TlvException e) {
      out.println("ERROR: " + e.getMessage());
      return 1;
    }
  }
}
