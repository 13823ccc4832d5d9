package dev.ndnj.forwarder.mgmt;

import dev.ndnj.engine.fw.Forwarder;
import dev.ndnj.engine.table.ContentStore;
import dev.ndnj.forwarder.mgmt.CommandSpec.Field;
import dev.ndnj.forwarder.mgmt.ManagementDispatcher.CommandContext;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import dev.ndnj.tlv.mgmt.CsFlags;
import dev.ndnj.tlv.mgmt.CsInfo;
import dev.ndnj.tlv.mgmt.StatusCode;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code cs} module (NFD's {@code CsManager}): {@code config} (Capacity, and the admit and serve flags through
 * Flags and Mask), {@code erase} (Name and optional Count, at most {@value #ERASE_LIMIT} per command; the answer's
 * Count is how many went, with Capacity {@value #ERASE_LIMIT} when the limit cut the erasure short) and the dataset
 * {@code info}. Capacity is in octets of Data wire in ndnj (NFD counts packets). Forwarding thread only.
 */
final class CsManager {
  /** Most entries one cs/erase removes (NFD's limit). */
  static final int ERASE_LIMIT = 256;

  private final Forwarder forwarder;
  private final ContentStore cs;

  CsManager(ManagementDispatcher mgmt) {
    this.forwarder = mgmt.forwarder();
    this.cs = forwarder.cs();
    mgmt.addCommand("cs", "config", CommandSpec.required().optional(Field.CAPACITY, Field.FLAGS, Field.MASK),
        this::config);
    mgmt.addCommand("cs", "erase", CommandSpec.required(Field.NAME).optional(Field.COUNT), this::erase);
    mgmt.addDataset("cs", "info", interest -> List.of(info()));
  }

  private void config(CommandContext ctx, ControlParameters p, Consumer<ControlResponse> done) {
    if (p.hasFlags() != p.hasMask()) {
      done.accept(ManagementDispatcher.response(StatusCode.BAD_REQUEST, "Flags must be accompanied by Mask"));
      return;
    }
    if (p.hasCapacity()) {
      cs.setCapacityBytes(p.capacity());
    }
    if (p.hasFlagBit(CsFlags.BIT_ENABLE_ADMIT)) {
      cs.setAdmitEnabled(p.flagBit(CsFlags.BIT_ENABLE_ADMIT));
    }
    if (p.hasFlagBit(CsFlags.BIT_ENABLE_SERVE)) {
      cs.setServeEnabled(p.flagBit(CsFlags.BIT_ENABLE_SERVE));
    }
    ControlParameters body = ControlParameters.builder()
        .capacity(cs.capacityBytes())
        .flags((cs.admitEnabled() ? CsFlags.ENABLE_ADMIT : 0) | (cs.serveEnabled() ? CsFlags.ENABLE_SERVE : 0))
        .build();
    done.accept(ManagementDispatcher.response(StatusCode.OK, "OK", body));
  }

  private void erase(CommandContext ctx, ControlParameters p, Consumer<ControlResponse> done) {
    if (p.hasCount() && p.count() == 0) {
      done.accept(ManagementDispatcher.response(StatusCode.BAD_REQUEST, "Count must be positive"));
      return;
    }
    long count = p.hasCount() ? p.count() : Long.MAX_VALUE;
    int limit = (int) Math.min(count, ERASE_LIMIT);
    int erased = cs.erase(p.name(), limit);
    ControlParameters.Builder body = ControlParameters.builder().name(p.name()).count(erased);
    if (erased == ERASE_LIMIT && count > ERASE_LIMIT) {
      // NFD checks that more remain first; a lookup here would count as a CS hit or miss, so say "maybe more"
      body.capacity(ERASE_LIMIT);
    }
    done.accept(ManagementDispatcher.response(StatusCode.OK, "OK", body.build()));
  }

  private CsInfo info() {
    return CsInfo.builder()
        .capacity(cs.capacityBytes())
        .enableAdmit(cs.admitEnabled())
        .enableServe(cs.serveEnabled())
        .nEntries(cs.size())
        .nHits(forwarder.counters().csHits())
        .nMisses(forwarder.counters().csMisses())
        .build();
  }
}
