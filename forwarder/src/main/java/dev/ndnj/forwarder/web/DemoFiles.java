package dev.ndnj.forwarder.web;

import dev.ndnj.engine.app.InterestHandler;
import dev.ndnj.engine.app.Responder;
import dev.ndnj.engine.app.SegmentedProducer;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.NackReason;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvTypes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's objects: a few generated files, each served as a versioned segmented object
 * {@code /ndnj/demo/file/<name>/v=1/seg=N} ({@value #SEGMENT_SIZE}-octet segments, FinalBlockId, FreshnessPeriod
 * {@value #FRESHNESS_MILLIS} ms, DigestSha256), for the browser demo's "fetch a file" panel and its tests. The
 * content is pseudo-random but fixed: {@link #generate} gives the same octets on every run and platform.
 *
 * <p>As an {@link InterestHandler} for {@link #PREFIX}, it answers what {@link SegmentedProducer} answers (a segment,
 * or segment 0 for a CanBePrefix Interest naming the file or its version) and Nacks every other Interest under the
 * prefix with NoRoute, so a wrong name fails at once instead of timing out. Segments are built on first request and
 * kept (the whole set is about 340 KiB). Forwarding thread only, like any handler.
 */
public final class DemoFiles implements InterestHandler {
  /** The demo application's prefix; the forwarder routes it to the face of this producer. */
  public static final Name PREFIX = Name.parse("/ndnj/demo");
  /** Where the files are: {@code /ndnj/demo/file/<name>}. */
  public static final Name FILE_PREFIX = PREFIX.append("file");
  /** Content octets per segment. */
  public static final int SEGMENT_SIZE = 4000;
  /** The version of every file (fixed, so names survive a forwarder restart). */
  public static final long VERSION = 1;
  /** FreshnessPeriod of every segment. */
  public static final long FRESHNESS_MILLIS = 60_000;

  /** The files: name, size in octets, generator seed. */
  private static final Object[][] FILES = {
      {"small", 16 * 1024, 1L},
      {"medium", 64 * 1024, 2L},
      {"big", 256 * 1024, 3L},
  };

  private final Map<Name, SegmentedProducer> producers = new LinkedHashMap<>();
  private final Map<String, byte[]> contents = new LinkedHashMap<>();

  /** The demo's files, generated now. */
  public DemoFiles() {
    for (Object[] f : FILES) {
      String name = (String) f[0];
      byte[] content = generate((Long) f[2], (Integer) f[1]);
      contents.put(name, content);
      Name prefix = FILE_PREFIX.append(name);
      producers.put(prefix, new SegmentedProducer(prefix, content, SEGMENT_SIZE, VERSION, FRESHNESS_MILLIS));
    }
  }

  /** The files by name ({@code small}, {@code medium}, {@code big}); the arrays are shared: do not change them. */
  public Map<String, byte[]> contents() {
    return Collections.unmodifiableMap(contents);
  }

  /** {@code /ndnj/demo/file/<name>}. */
  public static Name fileName(String name) {
    return FILE_PREFIX.append(name);
  }

  /**
   * {@code length} octets of SplitMix64 output from {@code seed}: each 64-bit value {@code z} of the sequence is
   * written least significant octet first. With {@code state += 0x9E3779B97F4A7C15}, {@code z = state},
   * {@code z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9}, {@code z = (z ^ (z >>> 27)) * 0x94D049BB133111EB},
   * {@code z ^= z >>> 31}.
   *
   * @return <em>owned</em>: a new array
   */
  public static byte[] generate(long seed, int length) {
    byte[] out = new byte[length];
    long state = seed;
    for (int i = 0; i < length; i += 8) {
      state += 0x9E3779B97F4A7C15L;
      long z = state;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z ^= z >>> 31;
      for (int b = 0; b < 8 && i + b < length; b++) {
        out[i + b] = (byte) (z >>> (8 * b));
      }
    }
    return out;
  }

  @Override
  public void onInterest(Interest interest, Responder responder) {
    Name n = interest.name();
    int fileComponent = FILE_PREFIX.size();
    if (n.size() > fileComponent && FILE_PREFIX.isPrefixOf(n)) {
      Component c = n.get(fileComponent);
      SegmentedProducer p = c.type() == TlvTypes.GENERIC_NAME_COMPONENT ? producers.get(FILE_PREFIX.append(c)) : null;
      if (p != null) {
        p.onInterest(interest, responder);
      }
    }
    if (!responder.isAnswered()) {
      responder.nack(NackReason.NO_ROUTE);
    }
  }
}
