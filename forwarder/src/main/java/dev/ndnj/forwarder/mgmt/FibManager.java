package dev.ndnj.forwarder.mgmt;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.table.Fib;
import dev.ndnj.engine.table.NextHop;
import dev.ndnj.forwarder.mgmt.CommandSpec.Field;
import dev.ndnj.forwarder.mgmt.ManagementDispatcher.CommandContext;
import dev.ndnj.forwarder.rib.Rib;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import dev.ndnj.tlv.mgmt.FibEntry;
import dev.ndnj.tlv.mgmt.StatusCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code fib} module (NFD's {@code FibManager}): {@code add-nexthop}, {@code remove-nexthop} (FaceId 0 or absent
 * means the requesting face) and the dataset {@code list}. These change the FIB directly, beside the RIB: a next hop
 * the RIB also computes is overwritten by the RIB's next change of that prefix, as in NFD. Forwarding thread only.
 */
final class FibManager {
  /** Status code NFD answers when the next-hop face does not exist. */
  static final int FACE_NOT_FOUND = 410;
  /** Status code NFD answers for a prefix deeper than the FIB allows. */
  static final int PREFIX_TOO_LONG = 414;

  private final ManagementDispatcher mgmt;
  private final Fib fib;

  FibManager(ManagementDispatcher mgmt) {
    this.mgmt = mgmt;
    this.fib = mgmt.forwarder().fib();
    mgmt.addCommand("fib", "add-nexthop", CommandSpec.required(Field.NAME).optional(Field.FACE_ID, Field.COST),
        this::addNextHop);
    mgmt.addCommand("fib", "remove-nexthop", CommandSpec.required(Field.NAME).optional(Field.FACE_ID),
        this::removeNextHop);
    mgmt.addDataset("fib", "list", interest -> list());
  }

  private void addNextHop(CommandContext ctx, ControlParameters p, Consumer<ControlResponse> done) {
    Name prefix = p.name();
    if (prefix.size() > Rib.MAX_DEPTH) {
      done.accept(ManagementDispatcher.response(PREFIX_TOO_LONG, "FIB entry prefix cannot exceed "
          + Rib.MAX_DEPTH + " components"));
      return;
    }
    long faceId = ManagementDispatcher.resolveFaceId(p, ctx);
    long cost = p.hasCost() ? p.cost() : 0;
    Face face = mgmt.face(faceId);
    if (face == null) {
      done.accept(ManagementDispatcher.response(FACE_NOT_FOUND, "Face not found"));
      return;
    }
    fib.addOrUpdateNextHop(ManagementDispatcher.compact(prefix), face, cost);
    done.accept(ManagementDispatcher.response(StatusCode.OK, "Success",
        p.toBuilder().faceId(faceId).cost(cost).build()));
  }

  private void removeNextHop(CommandContext ctx, ControlParameters p, Consumer<ControlResponse> done) {
    long faceId = ManagementDispatcher.resolveFaceId(p, ctx);
    Face face = mgmt.face(faceId);
    if (face != null) {
      fib.removeNextHop(p.name(), face);
    }
    ControlParameters.Builder body = p.toBuilder();
    if (faceId > 0) {
      body.faceId(faceId);
    }
    done.accept(ManagementDispatcher.response(StatusCode.OK, "Success", body.build()));
  }

  private List<FibEntry> list() {
    List<dev.ndnj.engine.table.FibEntry> entries = new ArrayList<>(fib.entries());
    entries.sort(Comparator.comparing(dev.ndnj.engine.table.FibEntry::prefix));
    List<FibEntry> out = new ArrayList<>(entries.size());
    for (dev.ndnj.engine.table.FibEntry e : entries) {
      FibEntry.Builder b = FibEntry.builder(e.prefix());
      for (NextHop nh : e.nextHops()) {
        b.addNextHop(nh.face().id(), nh.cost());
      }
      out.add(b.build());
    }
    return out;
  }
}
