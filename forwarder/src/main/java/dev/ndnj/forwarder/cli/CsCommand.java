package dev.ndnj.forwarder.cli;

import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.CsInfo;
import java.nio.ByteBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ndnj cs info|erase}: a running forwarder's Content Store, as nfdc cs. */
@Command(name = "cs", description = "Show or erase the Content Store of a running forwarder.",
    subcommands = {CsCommand.Info.class, CsCommand.Erase.class})
public final class CsCommand extends GroupCommand {

  /** {@code ndnj cs info}. */
  @Command(name = "info", description = "Content Store capacity, flags, entries, hits and misses (cs/info).")
  static final class Info extends ClientCommand {
    @Option(names = "--json", description = "JSON instead of text.")
    boolean json;

    @Override
    int run(ForwarderClient c) throws ToolException, InterruptedException {
      CsInfo cs = CsInfo.decode(ByteBuffer.wrap(c.dataset("cs", "info")));
      if (json) {
        out().println(Json.write(Reports.cs(cs)));
      } else {
        Reports.printCs(out(), cs);
      }
      return 0;
    }
  }

  /** {@code ndnj cs erase}. */
  @Command(name = "erase", description = {"Erase cached Data under a prefix (cs/erase).",
      "Without --count, repeats the command until everything under the prefix is gone."})
  static final class Erase extends ClientCommand {
    /** Most entries one cs/erase command removes (NFD's limit). */
    private static final int ERASE_LIMIT = 256;

    @Parameters(index = "0", paramLabel = "PREFIX", converter = NameConverter.class, description = "Name prefix")
    Name prefix;

    @Option(names = "--count", paramLabel = "N", description = "Erase at most N entries")
    Long count;

    @Override
    void validate() {
      if (count != null && count < 1) {
        throw new IllegalArgumentException("--count must be >= 1");
      }
    }

    @Override
    int run(ForwarderClient c) throws ToolException, InterruptedException {
      long total = 0;
      while (true) {
        long want = count == null ? ERASE_LIMIT : Math.min(ERASE_LIMIT, count - total);
        ControlParameters.Builder p = ControlParameters.builder().name(prefix);
        if (count != null) {
          p.count(want);
        }
        ControlParameters b = c.commandOk("cs", "erase", p.build()).bodyAsControlParameters();
        long erased = b.hasCount() ? b.count() : 0;
        total += erased;
        boolean more = count == null ? b.hasCapacity() || erased >= ERASE_LIMIT : total < count && erased == want;
        if (!more || erased == 0) {
          break;
        }
      }
      out().println("Erased " + total + " entr" + (total == 1 ? "y" : "ies") + " under " + prefix);
      return 0;
    }
  }
}
