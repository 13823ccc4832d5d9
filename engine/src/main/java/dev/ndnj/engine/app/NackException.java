package dev.ndnj.engine.app;

import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.NackReason;

/** An expressed Interest was answered with a Nack: carries the reason code, its name, and the Nacked Interest. */
public final class NackException extends ConsumerException {
  private static final long serialVersionUID = 1L;
  private final transient Interest interest;
  private final int reason;

  /** A Nack of {@code interest} with {@code reason} (a {@link NackReason} code). */
  public NackException(Interest interest, int reason) {
    super("Nack " + NackReason.name(reason) + " for " + interest.name());
    this.interest = interest;
    this.reason = reason;
  }

  /** The reason code ({@link NackReason#NO_ROUTE}, ...; unknown codes as received). */
  public int reason() {
    return reason;
  }

  /** The reason's name, e.g. {@code "NoRoute"} ({@link NackReason#name}). */
  public String reasonName() {
    return NackReason.name(reason);
  }

  /** The Interest that was Nacked (the last transmission). */
  public Interest interest() {
    return interest;
  }
}
