package dev.ndnj.engine.app;

import dev.ndnj.tlv.Interest;

/** No Data or Nack came back within the Interest's lifetime, on the first transmission and every retransmission. */
public final class InterestTimeoutException extends ConsumerException {
  private static final long serialVersionUID = 1L;
  private final transient Interest interest;
  private final int attempts;

  /** {@code interest} (the last transmission) timed out after {@code attempts} transmissions. */
  public InterestTimeoutException(Interest interest, int attempts) {
    super("timeout: no Data for " + interest.name() + " after " + attempts
        + (attempts == 1 ? " transmission" : " transmissions") + " of " + interest.lifetime() + " ms");
    this.interest = interest;
    this.attempts = attempts;
  }

  /** The last transmission of the Interest. */
  public Interest interest() {
    return interest;
  }

  /** How many times the Interest was sent (1 + retransmissions). */
  public int attempts() {
    return attempts;
  }
}
