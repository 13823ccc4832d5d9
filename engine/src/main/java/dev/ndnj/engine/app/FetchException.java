package dev.ndnj.engine.app;

/**
 * A segmented fetch got answers that break the segmentation convention (no version after the prefix, a FinalBlockId
 * that is not a segment number or changes, a segment missing below the last one). Failures of single segments are
 * reported as the segment's own {@link NackException} or {@link InterestTimeoutException}.
 */
public final class FetchException extends ConsumerException {
  private static final long serialVersionUID = 1L;

  /** A fetch failure described by {@code message}. */
  public FetchException(String message) {
    super(message);
  }
}
