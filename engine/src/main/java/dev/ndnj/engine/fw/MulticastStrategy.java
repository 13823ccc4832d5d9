package dev.ndnj.engine.fw;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.table.FibEntry;
import dev.ndnj.engine.table.NextHop;
import dev.ndnj.engine.table.PitEntry;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.NackReason;

/**
 * NFD's multicast strategy (v4): an Interest goes to every eligible next hop, each upstream with its own
 * exponential retransmission suppression; when no upstream is left pending, the Interest is Nacked NoRoute.
 */
public final class MulticastStrategy extends Strategy {
  /** The strategy's name without version. */
  public static final String NAME = "/localhost/nfd/strategy/multicast";
  /** The version implemented. */
  public static final int VERSION = 4;

  private final RetxSuppression suppression = new RetxSuppression();

  /** A multicast instance for {@code forwarder}. */
  public MulticastStrategy(Forwarder forwarder) {
    super(forwarder, NAME + "/v=" + VERSION);
  }

  @Override
  public void afterReceiveInterest(Interest interest, Face ingress, PitEntry entry) {
    long now = now();
    FibEntry fib = lookupFib(entry);
    for (NextHop nh : fib.nextHops()) {
      Face egress = nh.face();
      if (!BestRouteStrategy.eligible(ingress, interest, egress, entry, false, now)) {
        continue;
      }
      RetxSuppression.Result r = suppression.decidePerUpstream(entry, egress, now);
      if (r == RetxSuppression.Result.SUPPRESS) {
        continue;
      }
      dev.ndnj.engine.table.OutRecord out = sendInterest(interest, egress, entry);
      if (out != null && r == RetxSuppression.Result.FORWARD) {
        suppression.incrementIntervalForOutRecord(out);
      }
    }
    if (!hasPendingOutRecords(entry, now)) {
      sendNack(NackReason.NO_ROUTE, ingress, entry);
      rejectPendingInterest(entry);
    }
  }

  private static boolean hasPendingOutRecords(PitEntry entry, long now) {
    for (dev.ndnj.engine.table.OutRecord r : entry.outRecords()) {
      if (r.expiry() > now && r.incomingNack() < 0) {
        return true;
      }
    }
    return false;
  }
}
