package dev.ndnj.engine.fw;

import dev.ndnj.engine.table.OutRecord;
import dev.ndnj.engine.table.PitEntry;
import java.util.List;

/**
 * NFD's exponential retransmission suppression: a retransmitted Interest is forwarded only if the last forwarding
 * was at least the current interval ago, and the interval then doubles, from 10 ms up to 250 ms.
 */
public final class RetxSuppression {
  /** The decision for one Interest. */
  public enum Result {
    /** Not a retransmission: forward it. */
    NEW,
    /** A retransmission to forward. */
    FORWARD,
    /** A retransmission to drop. */
    SUPPRESS
  }

  private final long initial;
  private final long max;
  private final int multiplier;

  /** Suppression with NFD's defaults (10 ms, 250 ms, x2). */
  public RetxSuppression() {
    this(10, 250, 2);
  }

  /** Suppression with the given initial and maximum interval and multiplier. */
  public RetxSuppression(long initialMillis, long maxMillis, int multiplier) {
    this.initial = initialMillis;
    this.max = maxMillis;
    this.multiplier = multiplier;
  }

  private static final class Info {
    long interval;
  }

  /**
   * Decides for one upstream (NFD's decidePerUpstream, used by multicast): NEW without an unexpired out-record for
   * {@code upstream}, SUPPRESS within that out-record's interval since it was last sent, FORWARD otherwise (the
   * caller then calls {@link #incrementIntervalForOutRecord} once it has sent).
   */
  public Result decidePerUpstream(PitEntry entry, dev.ndnj.engine.face.Face upstream, long now) {
    OutRecord r = entry.outRecord(upstream);
    if (r == null || r.expiry() <= now) {
      return Result.NEW;
    }
    Object o = r.strategyInfo();
    long interval = o instanceof Info ? ((Info) o).interval : initial;
    return now - r.lastRenewed() < interval ? Result.SUPPRESS : Result.FORWARD;
  }

  /** Grows the interval of the out-record just used for a forwarded retransmission. */
  public void incrementIntervalForOutRecord(OutRecord r) {
    Object o = r.strategyInfo();
    Info info = o instanceof Info ? (Info) o : null;
    if (info == null) {
      info = new Info();
      info.interval = initial;
      r.setStrategyInfo(info);
    }
    info.interval = Math.min(max, info.interval * multiplier);
  }

  /** Decides for the whole PIT entry. */
  public Result decide(PitEntry entry, long now) {
    long lastOutgoing = Long.MIN_VALUE;
    boolean pending = false;
    List<OutRecord> out = entry.outRecords();
    for (int i = 0; i < out.size(); i++) { // per Interest: no iterator
      OutRecord r = out.get(i);
      if (r.expiry() > now) {
        pending = true;
      }
      lastOutgoing = Math.max(lastOutgoing, r.lastRenewed());
    }
    if (!pending) {
      return Result.NEW;
    }
    Object o = entry.strategyInfo();
    Info info = o instanceof Info ? (Info) o : null;
    if (info == null) {
      info = new Info();
      info.interval = initial;
      entry.setStrategyInfo(info);
    }
    if (now - lastOutgoing < info.interval) {
      return Result.SUPPRESS;
    }
    info.interval = Math.min(max, info.interval * multiplier);
    return Result.FORWARD;
  }
}
