package dev.ndnj.forwarder.mgmt;

import dev.ndnj.forwarder.mgmt.CommandSpec.Field;
import dev.ndnj.forwarder.mgmt.ManagementDispatcher.CommandContext;
import dev.ndnj.forwarder.rib.Rib;
import dev.ndnj.forwarder.rib.RibEntry;
import dev.ndnj.forwarder.rib.Route;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import dev.ndnj.tlv.mgmt.RouteFlags;
import dev.ndnj.tlv.mgmt.RouteOrigin;
import dev.ndnj.tlv.mgmt.StatusCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code rib} module (NFD's {@code RibManager}): {@code register} and {@code unregister} (also under
 * {@code /localhop/nfd} when enabled) with NFD's defaults (FaceId 0 = the requesting face, origin app, cost 0, flags
 * child-inherit, no expiration), and the dataset {@code list}. Forwarding thread only.
 *
 * <p>One difference from NFD: NFD answers a registration 200 before its RIB daemon asks the forwarder to add the next
 * hop, and drops the route when the face turns out not to exist; here the RIB and the FIB are in one process, so a
 * registration on a face that does not exist is answered 410 "Face not found" (fib/add-nexthop's answer) and
 * changes nothing.
 */
final class RibManager {
  private final ManagementDispatcher mgmt;
  private final Rib rib;

  RibManager(ManagementDispatcher mgmt) {
    this.mgmt = mgmt;
    this.rib = mgmt.rib();
    mgmt.addCommand("rib", "register", CommandSpec.required(Field.NAME).optional(Field.FACE_ID, Field.ORIGIN,
        Field.COST, Field.FLAGS, Field.EXPIRATION_PERIOD), this::register);
    mgmt.addCommand("rib", "unregister", CommandSpec.required(Field.NAME).optional(Field.FACE_ID, Field.ORIGIN),
        this::unregister);
    mgmt.addDataset("rib", "list", interest -> list());
  }

  private void register(CommandContext ctx, ControlParameters p, Consumer<ControlResponse> done) {
    Name prefix = p.name();
    if (prefix.size() > Rib.MAX_DEPTH) {
      done.accept(ManagementDispatcher.response(FibManager.PREFIX_TOO_LONG, "Route prefix cannot exceed "
          + Rib.MAX_DEPTH + " components"));
      return;
    }
    long faceId = ManagementDispatcher.resolveFaceId(p, ctx);
    int origin = p.hasOrigin() ? p.origin() : RouteOrigin.APP;
    long cost = p.hasCost() ? p.cost() : 0;
    long flags = p.hasFlags() ? p.flags() : RouteFlags.CHILD_INHERIT;
    long expiration = p.hasExpirationPeriod() && p.expirationPeriod() != Long.MAX_VALUE ? p.expirationPeriod() : -1;
    if (mgmt.face(faceId) == null) {
      done.accept(ManagementDispatcher.response(FibManager.FACE_NOT_FOUND, "Face not found"));
      return;
    }
    ControlParameters body = p.toBuilder().faceId(faceId).origin(origin).cost(cost).flags(flags).build();
    rib.register(prefix, (int) faceId, origin, cost, flags, expiration);
    done.accept(ManagementDispatcher.response(StatusCode.OK, "Success", body));
  }

  private void unregister(CommandContext ctx, ControlParameters p, Consumer<ControlResponse> done) {
    long faceId = ManagementDispatcher.resolveFaceId(p, ctx);
    int origin = p.hasOrigin() ? p.origin() : RouteOrigin.APP;
    ControlParameters.Builder body = p.toBuilder().origin(origin);
    if (faceId > 0) {
      body.faceId(faceId);
    }
    if (faceId > 0 && faceId <= Integer.MAX_VALUE) {
      rib.unregister(p.name(), (int) faceId, origin);
    }
    done.accept(ManagementDispatcher.response(StatusCode.OK, "Success", body.build()));
  }

  private List<dev.ndnj.tlv.mgmt.RibEntry> list() {
    long now = mgmt.clock().monotonicMillis();
    List<dev.ndnj.tlv.mgmt.RibEntry> out = new ArrayList<>(rib.size());
    for (RibEntry e : rib.entries()) {
      dev.ndnj.tlv.mgmt.RibEntry.Builder b = dev.ndnj.tlv.mgmt.RibEntry.builder(e.name());
      for (Route r : e.routes()) {
        dev.ndnj.tlv.mgmt.Route.Builder rb = dev.ndnj.tlv.mgmt.Route.builder()
            .faceId(r.faceId()).origin(r.origin()).cost(r.cost()).flags(r.flags());
        long left = r.expirationPeriod(now);
        if (left >= 0) {
          rb.expirationPeriod(left);
        }
        b.addRoute(rb.build());
      }
      out.add(b.build());
    }
    return out;
  }
}
