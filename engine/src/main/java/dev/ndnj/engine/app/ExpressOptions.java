package dev.ndnj.engine.app;

/**
 * How a {@link Consumer} expresses one Interest. Immutable; start from {@link #DEFAULT} and use the withers.
 * The Interest's own lifetime is the time allowed for each transmission.
 */
public final class ExpressOptions {
  /** No retransmission. */
  public static final ExpressOptions DEFAULT = new ExpressOptions(0);

  private final int retries;

  private ExpressOptions(int retries) {
    this.retries = retries;
  }

  /** Options with {@code n} retransmissions. */
  public static ExpressOptions retries(int n) {
    return DEFAULT.withRetries(n);
  }

  /**
   * These options with {@code n} retransmissions: after each lifetime without an answer the Interest is sent again
   * with a new Nonce, {@code n} times, before the expression fails with {@link InterestTimeoutException}. A Nack
   * fails it at once.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public ExpressOptions withRetries(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("retries must be >= 0, got " + n);
    }
    return new ExpressOptions(n);
  }

  /** The number of retransmissions after the first transmission. */
  public int retries() {
    return retries;
  }

  @Override
  public String toString() {
    return "ExpressOptions(retries=" + retries + ")";
  }
}
