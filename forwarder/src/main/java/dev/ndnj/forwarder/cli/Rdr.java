package dev.ndnj.forwarder.cli;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Tlv;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Version discovery with RDR (Realtime Data Retrieval), as ndncatchunks and ndnputchunks do it: the consumer sends a
 * CanBePrefix + MustBeFresh Interest for {@code /<prefix>/32=metadata}; the producer answers
 * {@code /<prefix>/32=metadata/v=<ms>/seg=0} whose Content holds the versioned name (a Name element) and whose
 * FreshnessPeriod is short (10 ms, ndn-cxx's default).
 */
final class Rdr {
  /** {@code 32=metadata}. */
  static final Component METADATA = Component.of(TlvTypes.KEYWORD_NAME_COMPONENT,
      "metadata".getBytes(StandardCharsets.US_ASCII));
  /** FreshnessPeriod of metadata packets (ndn-cxx's MetadataObject default). */
  static final long METADATA_FRESHNESS_MILLIS = 10;

  private Rdr() {}

  /** The discovery Interest for {@code prefix}. */
  static Interest discoveryInterest(Name prefix, long lifetime) {
    return Interest.builder(prefix.append(METADATA)).canBePrefix(true).mustBeFresh(true).lifetime(lifetime).build();
  }

  /** Whether {@code name} is {@code prefix/32=metadata}, a discovery Interest's name. */
  static boolean isDiscoveryName(Name prefix, Name name) {
    return name.size() == prefix.size() + 1 && prefix.isPrefixOf(name) && name.get(-1).equals(METADATA);
  }

  /** The metadata Data answering a discovery Interest named {@code discoveryName}, pointing at {@code versioned}. */
  static Data metadata(Name discoveryName, Name versioned, long version) {
    return metadata(discoveryName, versioned, version, Data.Builder::signWithDigestSha256);
  }

  /** {@link #metadata(Name, Name, long)} signed by {@code sign}. */
  static Data metadata(Name discoveryName, Name versioned, long version, Function<Data.Builder, Data> sign) {
    return sign.apply(Data.builder(discoveryName.append(Component.version(version), Component.segment(0)))
        .freshnessPeriod(METADATA_FRESHNESS_MILLIS)
        .content(versioned.wire()));
  }

  /**
   * The versioned name a metadata Data points at: the first Name element in its Content (other elements before it
   * are skipped, as ndn-cxx does).
   *
   * @throws IllegalArgumentException if the Data is not a metadata packet or holds no Name ending with a version
   */
  static Name versionedName(Data d) {
    Name n = d.name();
    if (n.size() < 3 || !n.get(-3).equals(METADATA) || !n.get(-2).isVersion() || !n.get(-1).isSegment()) {
      throw new IllegalArgumentException(n + " is not an RDR metadata name");
    }
    ByteBuffer c = d.content();
    int off = c.position();
    int end = c.limit();
    try {
      while (off < end) {
        int type = Tlv.readType(c, off, end, c.position(), "metadata");
        int elementEnd = Tlv.elementEnd(c, off, end, c.position(), "metadata");
        if (type == TlvTypes.NAME) {
          Name v = Name.decode(Tlv.view(c, off, elementEnd - off));
          if (v.isEmpty() || !v.get(-1).isVersion()) {
            throw new IllegalArgumentException("metadata " + n + " names " + v + ", which has no version");
          }
          return v;
        }
        off = elementEnd;
      }
    } catch (TlvException e) {
      throw new IllegalArgumentException("metadata " + n + ": " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("metadata " + n + " holds no Name");
  }
}
