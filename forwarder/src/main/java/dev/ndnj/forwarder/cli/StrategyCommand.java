package dev.ndnj.forwarder.cli;

import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.StrategyChoice;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ndnj strategy set|unset|list}: the strategy choice of a running forwarder, as nfdc strategy. */
@Command(name = "strategy", description = "Set, unset and list forwarding strategies per name prefix.",
    subcommands = {StrategyCommand.Set.class, StrategyCommand.Unset.class, StrategyCommand.ListChoices.class})
public final class StrategyCommand extends GroupCommand {
  /** Where the forwarder's strategies are named. */
  static final Name STRATEGY_PREFIX = Name.parse("/localhost/nfd/strategy");

  /** {@code ndnj strategy set}. */
  @Command(name = "set", description = "Choose the strategy for a prefix (strategy-choice/set).",
      footer = {"", "Examples:", "  ndnj strategy set /video multicast",
          "  ndnj strategy set /video /localhost/nfd/strategy/best-route"})
  static final class Set extends ClientCommand {
    @Parameters(index = "0", paramLabel = "PREFIX", converter = NameConverter.class, description = "Name prefix")
    Name prefix;

    @Parameters(index = "1", paramLabel = "STRATEGY",
        description = "best-route, multicast, or a strategy name (/localhost/nfd/strategy/<name>[/v=N])")
    String strategy;

    private Name strategyName;

    @Override
    void validate() {
      if (strategy.startsWith("/") || strategy.startsWith("ndn:")) {
        strategyName = new NameConverter().convert(strategy);
      } else {
        strategyName = STRATEGY_PREFIX.append(strategy);
      }
    }

    @Override
    int run(ForwarderClient c) throws ToolException, InterruptedException {
      ControlParameters b = c.commandOk("strategy-choice", "set", ControlParameters.builder().name(prefix)
          .strategy(strategyName).build()).bodyAsControlParameters();
      out().println("strategy-set prefix=" + b.name() + " strategy=" + b.strategy());
      return 0;
    }
  }

  /** {@code ndnj strategy unset}. */
  @Command(name = "unset", description = "Remove the strategy choice of a prefix (strategy-choice/unset).")
  static final class Unset extends ClientCommand {
    @Parameters(index = "0", paramLabel = "PREFIX", converter = NameConverter.class, description = "Name prefix")
    Name prefix;

    @Override
    void validate() {
      if (prefix.isEmpty()) {
        throw new IllegalArgumentException("the strategy of / cannot be unset");
      }
    }

    @Override
    int run(ForwarderClient c) throws ToolException, InterruptedException {
      c.commandOk("strategy-choice", "unset", ControlParameters.builder().name(prefix).build());
      out().println("strategy-unset prefix=" + prefix);
      return 0;
    }
  }

  /** {@code ndnj strategy list}. */
  @Command(name = "list", description = "List the strategy choices (strategy-choice/list).")
  static final class ListChoices extends ClientCommand {
    @Option(names = "--json", description = "JSON instead of a table.")
    boolean json;

    @Override
    int run(ForwarderClient c) throws ToolException, InterruptedException {
      List<StrategyChoice> choices = c.dataset("strategy-choice", "list", StrategyChoice::decode);
      if (json) {
        List<Object> l = new ArrayList<>();
        choices.forEach(s -> l.add(Reports.strategy(s)));
        out().println(Json.write(l));
      } else {
        Reports.strategies(choices).print(out(), "");
      }
      return 0;
    }
  }
}
