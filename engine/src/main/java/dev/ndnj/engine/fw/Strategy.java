package dev.ndnj.engine.fw;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.table.FibEntry;
import dev.ndnj.engine.table.InRecord;
import dev.ndnj.engine.table.OutRecord;
import dev.ndnj.engine.table.PitEntry;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.NackReason;
import java.util.ArrayList;
import java.util.List;

/**
 * A forwarding strategy, as in NFD: the forwarder calls its triggers ({@code after...}, {@code before...}) and it
 * decides by calling the protected actions (send an Interest, Data or Nack; reject the Interest). A strategy never
 * keeps a PIT entry after a trigger returns; per-entry state goes in {@link PitEntry#setStrategyInfo}. One instance
 * per strategy choice entry; forwarding thread only.
 */
public abstract class Strategy {
  private final Forwarder forwarder;
  private final String instanceName;

  /** A strategy instance bound to {@code forwarder}, named like {@code /localhost/nfd/strategy/best-route/v=5}. */
  protected Strategy(Forwarder forwarder, String instanceName) {
    this.forwarder = forwarder;
    this.instanceName = instanceName;
  }

  /** The versioned instance name. */
  public final String instanceName() {
    return instanceName;
  }

  /** An Interest was received and is not answered by the Content Store: forward it (or not). */
  public abstract void afterReceiveInterest(Interest interest, Face ingress, PitEntry entry);

  /**
   * Whether a Content Store hit for an Interest that has no PIT entry may be answered without making one (true
   * unless overridden). The forwarder then sends the Data to the ingress face itself, which is what
   * {@link #afterContentStoreHit} does by default, and that trigger is not called: NFD makes the entry, gives it no
   * in-record and finalizes it at once as satisfied, which nothing can observe but the work. A strategy that
   * overrides {@link #afterContentStoreHit} returns false, and then gets that trigger with an entry for every hit.
   */
  public boolean answersContentStoreHitsWithoutEntry() {
    return true;
  }

  /** The Content Store has {@code data} for the Interest from {@code ingress}; by default, answer it. */
  public void afterContentStoreHit(Data data, Face ingress, PitEntry entry) {
    sendData(data, ingress, entry);
  }

  /** {@code data} is about to satisfy {@code entry} (one of several matches). */
  public void beforeSatisfyInterest(Data data, Face ingress, PitEntry entry) {}

  /** {@code data} satisfies {@code entry} (its only match); by default, send it to every pending downstream. */
  public void afterReceiveData(Data data, Face ingress, PitEntry entry) {
    beforeSatisfyInterest(data, ingress, entry);
    sendDataToAll(data, entry, ingress);
  }

  /** A Nack came from upstream {@code ingress}; by default, {@link #processNack}. */
  public void afterReceiveNack(Interest interest, int reason, Face ingress, PitEntry entry) {
    processNack(ingress, entry);
  }

  // ---- actions ----

  /** Sends {@code interest} upstream on {@code egress}, recording an out-record; null if it was not sent. */
  protected final OutRecord sendInterest(Interest interest, Face egress, PitEntry entry) {
    return forwarder.onOutgoingInterest(interest, egress, entry);
  }

  /** Sends {@code data} to downstream {@code egress}, echoing its PitToken, and removes its in-record. */
  protected final void sendData(Data data, Face egress, PitEntry entry) {
    forwarder.onOutgoingData(data, egress, entry);
  }

  /** Sends {@code data} to every unexpired downstream except {@code ingress} (unless ad hoc). */
  protected final void sendDataToAll(Data data, PitEntry entry, Face ingress) {
    long now = forwarder.now();
    if (entry.inRecords().size() == 1) {
      // the common case, without the list: sending removes the in-record, so the loop below works on a copy
      InRecord r = entry.inRecords().get(0);
      if (r.expiry() > now && (r.face() != ingress || r.face().linkType() == LinkType.AD_HOC)) {
        sendData(data, r.face(), entry);
      }
      return;
    }
    List<Face> targets = new ArrayList<>(entry.inRecords().size());
    for (InRecord r : entry.inRecords()) {
      if (r.expiry() > now && (r.face() != ingress || r.face().linkType() == LinkType.AD_HOC)) {
        targets.add(r.face());
      }
    }
    for (Face f : targets) {
      sendData(data, f, entry);
    }
  }

  /** Sends a Nack with {@code reason} to downstream {@code egress}, removing its in-record. */
  protected final void sendNack(int reason, Face egress, PitEntry entry) {
    forwarder.onOutgoingNack(reason, egress, entry);
  }

  /** Sends a Nack with {@code reason} to every downstream. */
  protected final void sendNacks(int reason, PitEntry entry) {
    List<Face> targets = new ArrayList<>(entry.inRecords().size());
    for (InRecord r : entry.inRecords()) {
      targets.add(r.face());
    }
    for (Face f : targets) {
      sendNack(reason, f, entry);
    }
  }

  /** Gives up on the Interest: the PIT entry is finalized now. */
  protected final void rejectPendingInterest(PitEntry entry) {
    forwarder.setExpiryTimer(entry, 0);
  }

  /** The FIB entry for the PIT entry's name (longest prefix match; never null). */
  protected final FibEntry lookupFib(PitEntry entry) {
    return forwarder.fib().findLongestPrefixMatch(entry.name());
  }

  /** Monotonic now, in milliseconds (within a trigger: when the packet being handled arrived). */
  protected final long now() {
    return forwarder.now();
  }

  /**
   * Whether sending {@code interest} (from {@code ingress}) to {@code egress} breaks a scope rule: {@code /localhost}
   * only between local faces; {@code /localhop} not from a non-local face to another non-local face.
   */
  protected static boolean wouldViolateScope(Face ingress, Interest interest, Face egress) {
    if (egress.isLocal()) {
      return false;
    }
    if (ScopePrefix.isLocalhost(interest.name())) {
      return true;
    }
    return ScopePrefix.isLocalhop(interest.name()) && ingress != null && !ingress.isLocal();
  }

  /**
   * NFD's Nack processing: when every upstream has Nacked, Nack every downstream with the least severe reason;
   * when all but one upstream has Nacked and that one is also a downstream, Nack it so it does not wait.
   */
  protected final void processNack(Face ingress, PitEntry entry) {
    int notNacked = 0;
    Face lastNotNacked = null;
    int least = -1;
    for (OutRecord r : entry.outRecords()) {
      if (r.incomingNack() < 0) {
        notNacked++;
        lastNotNacked = r.face();
      } else if (isLessSevere(r.incomingNack(), least)) {
        least = r.incomingNack();
      }
    }
    int reason = least < 0 ? NackReason.NONE : least;
    if (notNacked == 1) {
      InRecord down = entry.inRecord(lastNotNacked);
      if (down != null && down.expiry() > now()) {
        sendNack(reason, lastNotNacked, entry);
      }
      return;
    }
    if (notNacked > 0) {
      return;
    }
    sendNacks(reason, entry);
  }

  private static boolean isLessSevere(int x, int y) {
    if (x == NackReason.NONE || x < 0) {
      return false;
    }
    if (y == NackReason.NONE || y < 0) {
      return true;
    }
    return x < y;
  }
}
