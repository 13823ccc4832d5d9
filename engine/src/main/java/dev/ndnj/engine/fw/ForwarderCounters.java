package dev.ndnj.engine.fw;

/** The forwarder's counters (NFD's forwarder counters plus drops by reason). Forwarding thread writes them. */
public final class ForwarderCounters {
  long inInterests;
  long outInterests;
  long inData;
  long outData;
  long inNacks;
  long outNacks;
  long satisfiedInterests;
  long unsatisfiedInterests;
  long csHits;
  long csMisses;
  long hopLimitZero;
  long localhostViolations;
  long loops;
  long pitFull;
  long pitQuota;
  long unsolicitedData;
  long nacksDropped;
  long malformedOnFace;

  /** Interests received. */ public long inInterests() { return inInterests; }
  /** Interests sent. */ public long outInterests() { return outInterests; }
  /** Data received. */ public long inData() { return inData; }
  /** Data sent. */ public long outData() { return outData; }
  /** Nacks received. */ public long inNacks() { return inNacks; }
  /** Nacks sent. */ public long outNacks() { return outNacks; }
  /** PIT entries finalized after a Data. */ public long satisfiedInterests() { return satisfiedInterests; }
  /** PIT entries finalized without a Data. */ public long unsatisfiedInterests() { return unsatisfiedInterests; }
  /** Interests answered by the Content Store. */ public long csHits() { return csHits; }
  /** Interests the Content Store could not answer. */ public long csMisses() { return csMisses; }
  /** Interests dropped for HopLimit 0 (received, or to send on a non-local face). */
  public long hopLimitZero() { return hopLimitZero; }
  /** Packets under /localhost dropped on a non-local face. */ public long localhostViolations() { return localhostViolations; }
  /** Interests detected as looping (duplicate Nonce). */ public long loops() { return loops; }
  /** Interests dropped because the PIT was full. */ public long pitFull() { return pitFull; }
  /** Interests dropped because their face's PIT quota was used up. */ public long pitQuota() { return pitQuota; }
  /** Data that matched no PIT entry. */ public long unsolicitedData() { return unsolicitedData; }
  /** Nacks dropped (no PIT entry, no out-record, other Nonce, not point-to-point). */
  public long nacksDropped() { return nacksDropped; }
}
