package dev.ndnj.forwarder.cli;

import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import dev.ndnj.tlv.mgmt.FaceStatus;
import dev.ndnj.tlv.mgmt.RibEntry;
import dev.ndnj.tlv.mgmt.RouteFlags;
import dev.ndnj.tlv.mgmt.RouteOrigin;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ndnj route add|remove|list}: static routes in a running forwarder's RIB, as nfdc route. */
@Command(name = "route", description = "Add, remove and list routes (the forwarder's RIB).",
    subcommands = {RouteCommand.Add.class, RouteCommand.Remove.class, RouteCommand.ListRoutes.class})
public final class RouteCommand extends GroupCommand {

  static int parseOrigin(String s) {
    try {
      return RouteOrigin.parse(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--origin must be a name (app, static, nlsr, ...) or 0..65535, got " + s);
    }
  }

  /** {@code ndnj route add}. */
  @Command(name = "add", sortOptions = false,
      description = {"Add a route (rib/register), as nfdc route add: origin static (255), cost 0, child-inherit "
          + "unless told otherwise.", "The next hop is a FaceId or the remote URI of an existing face."},
      footer = {"", "Example:", "  ndnj route add /example 300 --cost 10"})
  static final class Add extends ClientCommand {
    @Parameters(index = "0", paramLabel = "PREFIX", converter = NameConverter.class, description = "Name prefix")
    Name prefix;

    @Parameters(index = "1", paramLabel = "NEXTHOP", description = "FaceId or face URI")
    String nexthop;

    @Option(names = "--origin", paramLabel = "ORIGIN", defaultValue = "static",
        description = "Route origin (default: static = 255)")
    String origin;

    @Option(names = "--cost", paramLabel = "COST", defaultValue = "0", description = "Route cost (default 0)")
    long cost;

    @Option(names = "--no-inherit", description = "Do not set CHILD_INHERIT")
    boolean noInherit;

    @Option(names = "--capture", description = "Set CAPTURE")
    boolean capture;

    @Option(names = "--expires", paramLabel = "MILLIS", description = "Expiration period (default: never)")
    Long expires;

    private int originCode;

    @Override
    void validate() {
      originCode = parseOrigin(origin);
      if (cost < 0) {
        throw new IllegalArgumentException("--cost must be >= 0");
      }
      if (expires != null && expires < 0) {
        throw new IllegalArgumentException("--expires must be >= 0");
      }
    }

    @Override
    int run(ForwarderClient c) throws ToolException, InterruptedException {
      long faceId = FaceCommand.parseId(nexthop);
      if (faceId < 0) {
        faceId = FaceCommand.find(c, nexthop).faceId();
      }
      long flags = (noInherit ? 0 : RouteFlags.CHILD_INHERIT) | (capture ? RouteFlags.CAPTURE : 0);
      ControlParameters.Builder p = ControlParameters.builder().name(prefix).faceId(faceId).origin(originCode)
          .cost(cost).flags(flags);
      if (expires != null) {
        p.expirationPeriod(expires);
      }
      ControlResponse r = c.command("rib", "register", p.build());
      if (!r.isSuccess()) {
        throw new ToolException("rib/register " + prefix + " nexthop " + faceId + " refused: " + r.code() + " "
            + r.text());
      }
      ControlParameters b = r.bodyAsControlParameters();
      out().println("route-add-accepted " + Reports.routeLine(b.name().toString(), b.faceId(), b.origin(),
          b.cost(), b.flags(), b.hasExpirationPeriod() ? b.expirationPeriod() : -1));
      return 0;
    }
  }

  /** {@code ndnj route remove}. */
  @Command(name = "remove", sortOptions = false,
      description = "Remove a route (rib/unregister), as nfdc route remove: origin static unless told otherwise.")
  static final class Remove extends ClientCommand {
    @Parameters(index = "0", paramLabel = "PREFIX", converter = NameConverter.class, description = "Name prefix")
    Name prefix;

    @Parameters(index = "1", paramLabel = "NEXTHOP", description = "FaceId or face URI")
    String nexthop;

    @Option(names = "--origin", paramLabel = "ORIGIN", defaultValue = "static",
        description = "Route origin (default: static = 255)")
    String origin;

    private int originCode;

    @Override
    void validate() {
      originCode = parseOrigin(origin);
    }

    @Override
    int run(ForwarderClient c) throws ToolException, InterruptedException {
      long faceId = FaceCommand.parseId(nexthop);
      if (faceId < 0) {
        FaceStatus f = FaceCommand.find(c, nexthop);
        faceId = f.faceId();
      }
      c.commandOk("rib", "unregister", ControlParameters.builder().name(prefix).faceId(faceId).origin(originCode)
          .build());
      out().println("route-removed prefix=" + prefix + " nexthop=" + faceId + " origin="
          + RouteOrigin.toString(originCode));
      return 0;
    }
  }

  /** {@code ndnj route list}. */
  @Command(name = "list", description = "List the routes of the RIB (rib/list).")
  static final class ListRoutes extends ClientCommand {
    @Option(names = "--nexthop", paramLabel = "FACEID", description = "Only routes to this face")
    Long nexthop;

    @Option(names = "--json", description = "JSON instead of a table.")
    boolean json;

    @Override
    int run(ForwarderClient c) throws ToolException, InterruptedException {
      List<RibEntry> rib = c.dataset("rib", "list", RibEntry::decode);
      if (json) {
        List<Object> routes = Reports.rib(rib);
        if (nexthop != null) {
          routes.removeIf(r -> !nexthop.equals(((java.util.Map<?, ?>) r).get("nexthop")));
        }
        out().println(Json.write(routes));
      } else {
        Reports.rib(rib, nexthop == null ? -1 : nexthop).print(out(), "");
      }
      return 0;
    }
  }
}
