package dev.ndnj.forwarder.cli;

import dev.ndnj.tlv.mgmt.CsInfo;
import dev.ndnj.tlv.mgmt.FaceStatus;
import dev.ndnj.tlv.mgmt.FibEntry;
import dev.ndnj.tlv.mgmt.ForwarderStatus;
import dev.ndnj.tlv.mgmt.RibEntry;
import dev.ndnj.tlv.mgmt.StrategyChoice;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ndnj status}: the forwarder's general status, channels, faces, FIB, RIB, strategy choices and Content
 * Store, read from its management datasets, as human tables or one JSON object ({@code --json}).
 */
@Command(name = "status", sortOptions = false,
    description = "Show a running forwarder's status: general counters, channels, faces, FIB, routes (RIB), "
        + "strategy choices and Content Store.")
public final class StatusCommand extends ClientCommand {
  @Option(names = "--json", description = "One JSON object instead of tables.")
  boolean json;

  @Override
  int run(ForwarderClient c) throws ToolException, InterruptedException {
    ForwarderStatus general = ForwarderStatus.decode(ByteBuffer.wrap(c.dataset("status", "general")));
    List<String> channels = c.dataset("faces", "channels", Reports::channel);
    List<FaceStatus> faces = c.dataset("faces", "list", FaceStatus::decode);
    List<FibEntry> fib = c.dataset("fib", "list", FibEntry::decode);
    List<RibEntry> rib = c.dataset("rib", "list", RibEntry::decode);
    List<StrategyChoice> strategies = c.dataset("strategy-choice", "list", StrategyChoice::decode);
    CsInfo cs = CsInfo.decode(ByteBuffer.wrap(c.dataset("cs", "info")));
    PrintWriter out = out();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("forwarder", c.uri());
      m.put("general", Reports.general(general));
      m.put("channels", new ArrayList<Object>(channels));
      List<Object> fl = new ArrayList<>();
      faces.forEach(f -> fl.add(Reports.face(f)));
      m.put("faces", fl);
      List<Object> fe = new ArrayList<>();
      fib.forEach(e -> fe.add(Reports.fib(e)));
      m.put("fib", fe);
      m.put("rib", Reports.rib(rib));
      List<Object> sc = new ArrayList<>();
      strategies.forEach(s -> sc.add(Reports.strategy(s)));
      m.put("strategyChoices", sc);
      m.put("cs", Reports.cs(cs));
      out.println(Json.write(m));
      return 0;
    }
    out.println("Forwarder: " + c.uri());
    Reports.printGeneral(out, general);
    out.println();
    out.println("Channels:");
    for (String ch : channels) {
      out.println("  " + ch);
    }
    out.println();
    out.println("Faces:");
    Reports.faces(faces).print(out, "  ");
    out.println();
    out.println("FIB:");
    Reports.fib(fib).print(out, "  ");
    out.println();
    out.println("RIB:");
    Reports.rib(rib, -1).print(out, "  ");
    out.println();
    out.println("Strategy choices:");
    Reports.strategies(strategies).print(out, "  ");
    out.println();
    Reports.printCs(out, cs);
    return 0;
  }
}
