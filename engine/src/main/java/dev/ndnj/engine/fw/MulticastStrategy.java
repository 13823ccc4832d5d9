package dev.ndnj.engine.fw;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.table.FibEntry;
import dev.ndnj.engine.table.NextHop;
import dev.ndnj.engine.table.PitEntry;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.NackReason;

/**
 * NFD's multicast strategy (v4): an Interest goes to every eligible next hop (retransmissions past exponential
 * suppression too); with no eligible next hop a new Interest is Nacked NoRoute.
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
    RetxSuppression.Result r = suppression.decide(entry, now);
    if (r == RetxSuppression.Result.SUPPRESS) {
      return;
    }
    FibEntry fib = lookupFib(entry);
    int sent = 0;
    for (NextHop nh : fib.nextHops()) {
      if (BestRouteStrategy.eligible(ingress, interest, nh.face(), entry, false, now)) {
        if (sendInterest(interest, nh.face(), entry) != null) {
          sent++;
        }
      }
    }
    if (sent == 0 && r == RetxSuppression.Result.NEW) {
      sendNack(NackReason.NO_ROUTE, ingress, entry);
      rejectPendingInterest(entry);
    }
  }
}
