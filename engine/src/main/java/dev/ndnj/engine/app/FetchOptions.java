package dev.ndnj.engine.app;

/**
 * How {@link SegmentedFetcher} fetches: window of outstanding Interests, retransmissions per segment, Interest
 * lifetime, progress listener. Immutable; start from {@link #DEFAULT} and use the withers.
 */
public final class FetchOptions {
  /** Window 8, 3 retransmissions per segment, lifetime 4000 ms, no progress listener. */
  public static final FetchOptions DEFAULT = new FetchOptions(8, 3, 4000, null);

  private final int window;
  private final int retries;
  private final long lifetime;
  private final FetchProgress progress;

  private FetchOptions(int window, int retries, long lifetime, FetchProgress progress) {
    this.window = window;
    this.retries = retries;
    this.lifetime = lifetime;
    this.progress = progress;
  }

  /**
   * With at most {@code n} segment Interests outstanding.
   *
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public FetchOptions withWindow(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("window must be >= 1, got " + n);
    }
    return new FetchOptions(n, retries, lifetime, progress);
  }

  /**
   * With {@code n} retransmissions of a segment (and of the version discovery) before the fetch fails.
   *
   * @throws IllegalArgumentException if {@code n < 0}
   */
  public FetchOptions withRetries(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("retries must be >= 0, got " + n);
    }
    return new FetchOptions(window, n, lifetime, progress);
  }

  /**
   * With InterestLifetime {@code millis} on every Interest.
   *
   * @throws IllegalArgumentException if {@code millis < 1}
   */
  public FetchOptions withLifetime(long millis) {
    if (millis < 1) {
      throw new IllegalArgumentException("lifetime must be >= 1 ms, got " + millis);
    }
    return new FetchOptions(window, retries, millis, progress);
  }

  /** With {@code listener} told of each segment (null for none). */
  public FetchOptions withProgress(FetchProgress listener) {
    return new FetchOptions(window, retries, lifetime, listener);
  }

  /** Maximum outstanding segment Interests. */ public int window() { return window; }
  /** Retransmissions per Interest. */ public int retries() { return retries; }
  /** InterestLifetime in milliseconds. */ public long lifetime() { return lifetime; }
  /** The progress listener, or null. */ public FetchProgress progress() { return progress; }
}
