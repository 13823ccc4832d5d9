package dev.ndnj.engine.fw;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.table.FibEntry;
import dev.ndnj.engine.table.NextHop;
import dev.ndnj.engine.table.OutRecord;
import dev.ndnj.engine.table.PitEntry;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.NackReason;
import java.util.List;

/**
 * NFD's best-route strategy (v5): a new Interest goes to the lowest-cost eligible next hop, or is Nacked NoRoute
 * when none is; a retransmission (past exponential suppression) goes to an unused eligible next hop, else to the
 * one used longest ago. Nacks are handled by {@link Strategy#processNack}.
 */
public final class BestRouteStrategy extends Strategy {
  /** The strategy's name without version. */
  public static final String NAME = "/localhost/nfd/strategy/best-route";
  /** The version implemented. */
  public static final int VERSION = 5;

  private final RetxSuppression suppression = new RetxSuppression();

  /** A best-route instance for {@code forwarder}. */
  public BestRouteStrategy(Forwarder forwarder) {
    super(forwarder, NAME + "/v=" + VERSION);
  }

  @Override
  public void afterReceiveInterest(Interest interest, Face ingress, PitEntry entry) {
    long now = now();
    RetxSuppression.Result r = suppression.decide(entry, now);
    if (r == RetxSuppression.Result.SUPPRESS) {
      return;
    }
    FibEntry fib = lookupFib(entry);
    List<NextHop> hops = fib.nextHops();
    // index loops: an iterator over the read-only view is not always scalar-replaced, and this runs per Interest
    int n = hops.size();
    if (r == RetxSuppression.Result.NEW) {
      for (int i = 0; i < n; i++) {
        NextHop nh = hops.get(i);
        if (eligible(ingress, interest, nh.face(), entry, false, now)) {
          sendInterest(interest, nh.face(), entry);
          return;
        }
      }
      sendNack(NackReason.NO_ROUTE, ingress, entry);
      rejectPendingInterest(entry);
      return;
    }
    for (int i = 0; i < n; i++) {
      NextHop nh = hops.get(i);
      if (eligible(ingress, interest, nh.face(), entry, true, now)) {
        sendInterest(interest, nh.face(), entry);
        return;
      }
    }
    Face earliest = null;
    long earliestTime = Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      NextHop nh = hops.get(i);
      if (!eligible(ingress, interest, nh.face(), entry, false, now)) {
        continue;
      }
      OutRecord o = entry.outRecord(nh.face());
      long t = o == null ? Long.MIN_VALUE : o.lastRenewed();
      if (t < earliestTime) {
        earliestTime = t;
        earliest = nh.face();
      }
    }
    if (earliest != null) {
      sendInterest(interest, earliest, entry);
    }
  }

  static boolean eligible(Face ingress, Interest interest, Face egress, PitEntry entry, boolean wantUnused,
      long now) {
    if (egress == ingress && egress.linkType() != LinkType.AD_HOC || wouldViolateScope(ingress, interest, egress)) {
      return false;
    }
    if (wantUnused) {
      OutRecord o = entry.outRecord(egress);
      return o == null || o.expiry() <= now;
    }
    return true;
  }
}
