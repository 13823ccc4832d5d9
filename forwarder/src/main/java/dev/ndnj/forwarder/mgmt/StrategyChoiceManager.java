package dev.ndnj.forwarder.mgmt;

import dev.ndnj.engine.fw.Strategy;
import dev.ndnj.engine.fw.StrategyChoice;
import dev.ndnj.forwarder.mgmt.CommandSpec.Field;
import dev.ndnj.forwarder.mgmt.ManagementDispatcher.CommandContext;
import dev.ndnj.forwarder.rib.Rib;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import dev.ndnj.tlv.mgmt.StatusCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code strategy-choice} module (NFD's {@code StrategyChoiceManager}): {@code set} (404 for a strategy that is
 * not registered, 414 for a prefix too deep, as NFD's {@code StrategyChoice::InsertResult}), {@code unset} (not for
 * {@code /}) and the dataset {@code list}. Forwarding thread only.
 */
final class StrategyChoiceManager {
  private final StrategyChoice table;

  StrategyChoiceManager(ManagementDispatcher mgmt) {
    this.table = mgmt.forwarder().strategyChoice();
    mgmt.addCommand("strategy-choice", "set", CommandSpec.required(Field.NAME, Field.STRATEGY), this::set);
    mgmt.addCommand("strategy-choice", "unset", CommandSpec.required(Field.NAME), this::unset);
    mgmt.addDataset("strategy-choice", "list", interest -> list());
  }

  private void set(CommandContext ctx, ControlParameters p, Consumer<ControlResponse> done) {
    Name prefix = p.name();
    if (prefix.size() > Rib.MAX_DEPTH) {
      done.accept(ManagementDispatcher.response(FibManager.PREFIX_TOO_LONG,
          "Prefix has too many components (limit is " + Rib.MAX_DEPTH + ")"));
      return;
    }
    Strategy s;
    try {
      s = table.set(ManagementDispatcher.compact(prefix), p.strategy().toString());
    } catch (IllegalArgumentException e) {
      done.accept(ManagementDispatcher.response(StatusCode.NOT_FOUND, "Strategy not registered"));
      return;
    }
    done.accept(ManagementDispatcher.response(StatusCode.OK, "OK",
        p.toBuilder().strategy(Name.parse(s.instanceName())).build()));
  }

  private void unset(CommandContext ctx, ControlParameters p, Consumer<ControlResponse> done) {
    if (p.name().isEmpty()) {
      done.accept(ManagementDispatcher.response(StatusCode.BAD_REQUEST, "Name must not be /"));
      return;
    }
    table.unset(p.name());
    done.accept(ManagementDispatcher.response(StatusCode.OK, "OK", p));
  }

  private List<dev.ndnj.tlv.mgmt.StrategyChoice> list() {
    List<dev.ndnj.tlv.mgmt.StrategyChoice> out = new ArrayList<>();
    for (Map.Entry<Name, String> e : table.entries().entrySet()) {
      out.add(dev.ndnj.tlv.mgmt.StrategyChoice.of(e.getKey(), Name.parse(e.getValue())));
    }
    return out;
  }
}
