package dev.ndnj.engine.app;

/** Hears how a {@link SegmentedFetcher} fetch advances; called on the forwarding thread after each segment. */
@FunctionalInterface
public interface FetchProgress {
  /**
   * A segment arrived.
   *
   * @param segmentsDone segments received so far
   * @param segmentsTotal number of segments, or -1 until a FinalBlockId told it
   * @param bytes content octets received so far
   */
  void onProgress(long segmentsDone, long segmentsTotal, long bytes);
}
