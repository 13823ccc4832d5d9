package dev.ndnj.engine.app;

/** Counters of one {@link Consumer}; written on the forwarding thread, exact when read there. */
public final class ConsumerCounters {
  long expressed;
  long retransmitted;
  long satisfied;
  long nacked;
  long timedOut;
  long rejected;
  long unmatched;
  long malformed;

  /** Interests expressed (first transmissions). */ public long expressed() { return expressed; }
  /** Retransmissions after a lifetime without answer. */ public long retransmitted() { return retransmitted; }
  /** Expressions completed with a Data (after validation). */ public long satisfied() { return satisfied; }
  /** Expressions failed by a Nack. */ public long nacked() { return nacked; }
  /** Expressions failed by timeout. */ public long timedOut() { return timedOut; }
  /** Data rejected by the validator. */ public long rejected() { return rejected; }
  /** Data and Nacks that matched no pending expression (late, cancelled or stray), dropped. */
  public long unmatched() { return unmatched; }
  /**
   * Data dropped because their SignatureInfo or SignatureValue is malformed: forwarding does not read those
   * elements, so the application face checks them before a Data reaches the application.
   */
  public long malformed() { return malformed; }
}
