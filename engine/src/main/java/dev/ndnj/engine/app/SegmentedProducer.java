package dev.ndnj.engine.app;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Serves one object as segments {@code /prefix/v=X/seg=N}, each with FinalBlockId {@code seg=last}, a
 * FreshnessPeriod, and a signature (DigestSha256, or what a given signing function makes), as
 * {@link SegmentedFetcher} (and ndncatchunks) expect. A CanBePrefix
 * Interest for the prefix or the versioned prefix gets segment 0 (version discovery); Interests for segments past the
 * last, or for other names under the prefix, are not answered. Segments are built (and signed) on first request and
 * kept.
 */
public final class SegmentedProducer implements InterestHandler {
  /** FreshnessPeriod used by {@link #serve(Producer, Name, byte[], int, long)}: 10 s, as ndnputchunks. */
  public static final long DEFAULT_FRESHNESS = 10_000;

  private final Name prefix;
  private final Name versioned;
  private final byte[] content;
  private final int segmentSize;
  private final long freshness;
  private final Function<Data.Builder, Data> sign;
  private final Data[] segments;

  /**
   * A producer of {@code content} cut into segments of {@code segmentSize} octets (an empty content is one empty
   * segment).
   *
   * @param content read as segments are built; the caller must not change it afterwards
   * @throws IllegalArgumentException if {@code segmentSize < 1}, {@code version < 0} or {@code freshnessMillis < 0}
   */
  public SegmentedProducer(Name prefix, byte[] content, int segmentSize, long version, long freshnessMillis) {
    this(prefix, content, segmentSize, version, freshnessMillis, Data.Builder::signWithDigestSha256);
  }

  /**
   * The same with each segment signed by {@code sign} (given the segment's builder, it returns the signed Data: a
   * keychain key, for instance).
   *
   * @throws IllegalArgumentException if {@code segmentSize < 1}, {@code version < 0} or {@code freshnessMillis < 0}
   */
  public SegmentedProducer(Name prefix, byte[] content, int segmentSize, long version, long freshnessMillis,
      Function<Data.Builder, Data> sign) {
    if (segmentSize < 1 || version < 0 || freshnessMillis < 0) {
      throw new IllegalArgumentException("segmentSize must be >= 1, version and freshness >= 0; got " + segmentSize
          + ", " + version + ", " + freshnessMillis);
    }
    this.prefix = prefix;
    this.versioned = prefix.append(Component.version(version));
    this.content = content;
    this.segmentSize = segmentSize;
    this.freshness = freshnessMillis;
    this.sign = sign;
    this.segments = new Data[Math.max(1, (content.length + segmentSize - 1) / segmentSize)];
  }

  /**
   * Registers {@code prefix} on {@code producer} and serves {@code content} under it (FreshnessPeriod
   * {@link #DEFAULT_FRESHNESS}); close the registration to stop.
   */
  public static Registration serve(Producer producer, Name prefix, byte[] content, int segmentSize, long version) {
    return serve(producer, prefix, content, segmentSize, version, DEFAULT_FRESHNESS);
  }

  /** As {@link #serve(Producer, Name, byte[], int, long)} with FreshnessPeriod {@code freshnessMillis}. */
  public static Registration serve(Producer producer, Name prefix, byte[] content, int segmentSize, long version,
      long freshnessMillis) {
    return producer.produce(prefix, new SegmentedProducer(prefix, content, segmentSize, version, freshnessMillis));
  }

  /** The prefix to register. */
  public Name prefix() {
    return prefix;
  }

  /** {@code /prefix/v=X}. */
  public Name versionedName() {
    return versioned;
  }

  /** Number of segments (at least 1). */
  public int segmentCount() {
    return segments.length;
  }

  /**
   * Segment {@code n} (built and signed on first use; shared afterwards).
   *
   * @throws IndexOutOfBoundsException if there is no such segment
   */
  public Data segment(int n) {
    Data d = segments[n];
    if (d == null) {
      int from = n * segmentSize;
      int to = Math.min(content.length, from + segmentSize);
      d = sign.apply(Data.builder(versioned.append(Component.segment(n)))
          .freshnessPeriod(freshness)
          .finalBlockId(Component.segment(segments.length - 1))
          .content(Arrays.copyOfRange(content, from, to)));
      segments[n] = d;
    }
    return d;
  }

  @Override
  public void onInterest(Interest interest, Responder responder) {
    Name n = interest.name();
    int vs = versioned.size();
    if (n.size() == vs + 1 && versioned.isPrefixOf(n)) {
      Component c = n.get(vs);
      if (c.isSegment() && c.toNumber() < segments.length) {
        responder.data(segment((int) c.toNumber()));
      }
      return;
    }
    if (interest.canBePrefix() && n.isPrefixOf(versioned)) {
      responder.data(segment(0));
    }
  }
}
