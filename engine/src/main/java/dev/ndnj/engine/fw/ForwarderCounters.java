package dev.ndnj.engine.fw;

/**
 * The forwarder's counters (NFD's forwarder counters plus drops by reason). Forwarding thread writes them. Kept as
 * {@code double}s (exact up to 2^53) and read as {@code long}s: a {@code long} is a BigInt in TeaVM's JavaScript, and
 * an increment of one allocates there; a few are counted per packet.
 */
public final class ForwarderCounters {
  double inInterests;
  double outInterests;
  double inData;
  double outData;
  double inNacks;
  double outNacks;
  double satisfiedInterests;
  double unsatisfiedInterests;
  double csHits;
  double csMisses;
  double hopLimitZero;
  double localhostViolations;
  double loops;
  double pitFull;
  double pitQuota;
  double unsolicitedData;
  double nacksDropped;
  double malformedOnFace;

  /** Interests received. */ public long inInterests() { return (long) inInterests; }
  /** Interests sent. */ public long outInterests() { return (long) outInterests; }
  /** Data received. */ public long inData() { return (long) inData; }
  /** Data sent. */ public long outData() { return (long) outData; }
  /** Nacks received. */ public long inNacks() { return (long) inNacks; }
  /** Nacks sent. */ public long outNacks() { return (long) outNacks; }
  /** PIT entries finalized after a Data. */ public long satisfiedInterests() { return (long) satisfiedInterests; }
  /** PIT entries finalized without a Data. */
  public long unsatisfiedInterests() { return (long) unsatisfiedInterests; }
  /** Interests answered by the Content Store. */ public long csHits() { return (long) csHits; }
  /** Interests the Content Store could not answer. */ public long csMisses() { return (long) csMisses; }
  /** Interests dropped for HopLimit 0 (received, or to send on a non-local face). */
  public long hopLimitZero() { return (long) hopLimitZero; }
  /** Packets under /localhost dropped on a non-local face. */
  public long localhostViolations() { return (long) localhostViolations; }
  /** Interests detected as looping (duplicate Nonce). */ public long loops() { return (long) loops; }
  /** Interests dropped because the PIT was full. */ public long pitFull() { return (long) pitFull; }
  /** Interests dropped because their face's PIT quota was used up. */
  public long pitQuota() { return (long) pitQuota; }
  /** Data that matched no PIT entry. */ public long unsolicitedData() { return (long) unsolicitedData; }
  /** Nacks dropped (no PIT entry, no out-record, other Nonce, not point-to-point). */
  public long nacksDropped() { return (long) nacksDropped; }
}
