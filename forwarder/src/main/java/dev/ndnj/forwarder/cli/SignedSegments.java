package dev.ndnj.forwarder.cli;

import dev.ndnj.engine.app.InterestHandler;
import dev.ndnj.engine.app.Responder;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.util.Arrays;
import java.util.function.Function;

/**
 * One object served as segments {@code /prefix/v=X/seg=N} as the engine's {@code SegmentedProducer} serves it
 * (FinalBlockId on every segment, a FreshnessPeriod, segment 0 for a CanBePrefix Interest for the prefix or the
 * versioned prefix), each segment signed by a given function (a key of the keychain, or DigestSha256). Segments are
 * built and signed on first request and kept. Used on the client engine's forwarding thread only.
 */
final class SignedSegments implements InterestHandler {
  private final Name versioned;
  private final byte[] content;
  private final int segmentSize;
  private final long freshness;
  private final Function<Data.Builder, Data> sign;
  private final Data[] segments;

  /**
   * {@code content} (kept, not copied: the caller must not change it) cut into segments of {@code segmentSize}
   * octets (an empty content is one empty segment), each signed by {@code sign}.
   */
  SignedSegments(Name prefix, byte[] content, int segmentSize, long version, long freshnessMillis,
      Function<Data.Builder, Data> sign) {
    if (segmentSize < 1 || version < 0 || freshnessMillis < 0) {
      throw new IllegalArgumentException("segmentSize must be >= 1, version and freshness >= 0");
    }
    this.versioned = prefix.append(Component.version(version));
    this.content = content;
    this.segmentSize = segmentSize;
    this.freshness = freshnessMillis;
    this.sign = sign;
    this.segments = new Data[Math.max(1, (content.length + segmentSize - 1) / segmentSize)];
  }

  /** {@code /prefix/v=X}. */
  Name versionedName() {
    return versioned;
  }

  /** Number of segments (at least 1). */
  int segmentCount() {
    return segments.length;
  }

  /** Segment {@code n}, built and signed on first use. */
  Data segment(int n) {
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
