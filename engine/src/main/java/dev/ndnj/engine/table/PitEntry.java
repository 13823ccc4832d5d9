package dev.ndnj.engine.table;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.platform.Cancellable;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.util.List;

/**
 * One pending Interest: keyed by (name, CanBePrefix, MustBeFresh), with an in-record per downstream face and an
 * out-record per upstream face. Strategies may attach their own state ({@link #strategyInfo}). Owned by the
 * {@link Pit}; forwarding thread only.
 */
public final class PitEntry {
  final Name name;
  final boolean canBePrefix;
  final boolean mustBeFresh;
  Interest interest;
  final List<InRecord> inRecords = new RecordList<>();
  final List<OutRecord> outRecords = new RecordList<>();
  Cancellable expiryTimer;
  // the PitExpiry list this entry waits in (null if none), its neighbours there and its deadline
  PitExpiry.Lane expiryLane;
  PitEntry expiryPrev;
  PitEntry expiryNext;
  long expiryDeadline;
  boolean satisfied;
  long dataFreshnessPeriod;
  boolean erased;
  private Object strategyInfo;
  private Object effectiveStrategy;
  private int effectiveStrategyGeneration;

  PitEntry(Interest interest) {
    this.interest = interest;
    this.name = interest.name();
    this.canBePrefix = interest.canBePrefix();
    this.mustBeFresh = interest.mustBeFresh();
  }

  /** The name. */
  public Name name() {
    return name;
  }

  /** Whether the entry's Interests have CanBePrefix. */
  public boolean canBePrefix() {
    return canBePrefix;
  }

  /** Whether the entry's Interests have MustBeFresh. */
  public boolean mustBeFresh() {
    return mustBeFresh;
  }

  /** A representative Interest (the latest received). */
  public Interest interest() {
    return interest;
  }

  /** The in-records (live, read-only use). */
  public List<InRecord> inRecords() {
    return inRecords;
  }

  /** The out-records (live, read-only use). */
  public List<OutRecord> outRecords() {
    return outRecords;
  }

  /** Whether any in-record exists. */
  public boolean hasInRecords() {
    return !inRecords.isEmpty();
  }

  /** The in-record of {@code face}, or null. */
  public InRecord inRecord(Face face) {
    // index loops here and below: called several times per packet, and the iterator is not always scalar-replaced
    for (int i = 0; i < inRecords.size(); i++) {
      InRecord r = inRecords.get(i);
      if (r.face == face) {
        return r;
      }
    }
    return null;
  }

  /** The out-record of {@code face}, or null. */
  public OutRecord outRecord(Face face) {
    for (int i = 0; i < outRecords.size(); i++) {
      OutRecord r = outRecords.get(i);
      if (r.face == face) {
        return r;
      }
    }
    return null;
  }

  /** Whether a Data satisfied this entry. */
  public boolean isSatisfied() {
    return satisfied;
  }

  /** Marks the entry satisfied by a Data with this FreshnessPeriod. */
  public void setSatisfied(long freshnessPeriod) {
    satisfied = true;
    dataFreshnessPeriod = freshnessPeriod;
  }

  /** FreshnessPeriod of the Data that satisfied the entry. */
  public long dataFreshnessPeriod() {
    return dataFreshnessPeriod;
  }

  /** Whether the entry has left the PIT. */
  public boolean isErased() {
    return erased;
  }

  /** State a strategy keeps on this entry (e.g. retransmission suppression), or null. */
  @SuppressWarnings("unchecked")
  public <T> T strategyInfo() {
    return (T) strategyInfo;
  }

  /**
   * The strategy the forwarder found for this entry while the strategy choices were at {@code generation}, or null
   * if it found none since or the choices have changed (typed {@code Object}: tables do not know strategies).
   */
  public Object effectiveStrategy(int generation) {
    return generation == effectiveStrategyGeneration ? effectiveStrategy : null;
  }

  /** Keeps the strategy found for this entry at strategy choice {@code generation}. */
  public void setEffectiveStrategy(Object strategy, int generation) {
    effectiveStrategy = strategy;
    effectiveStrategyGeneration = generation;
  }

  /** Sets the strategy's state. */
  public void setStrategyInfo(Object info) {
    strategyInfo = info;
  }

  /**
   * The expiry timer (the forwarder sets it), or null: also while the entry waits in a {@link PitExpiry} list (see
   * {@link #expiryDeadline()}).
   */
  public Cancellable expiryTimer() {
    return expiryTimer;
  }

  /**
   * Replaces the expiry timer, cancelling the previous one; also takes the entry out of its {@link PitExpiry} list.
   */
  public void setExpiryTimer(Cancellable t) {
    if (expiryLane != null) {
      expiryLane.unlink(this);
    }
    if (expiryTimer != null) {
      expiryTimer.cancel();
    }
    expiryTimer = t;
  }

  /** When the entry expires (forwarder clock, milliseconds) while it waits in a {@link PitExpiry} list, else -1. */
  public long expiryDeadline() {
    return expiryLane == null ? -1 : expiryDeadline;
  }

  @Override
  public String toString() {
    return "PitEntry(" + name + (canBePrefix ? " CanBePrefix" : "") + (mustBeFresh ? " MustBeFresh" : "") + " in="
        + inRecords.size() + " out=" + outRecords.size() + ")";
  }
}
