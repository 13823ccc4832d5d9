package dev.ndnj.forwarder.mgmt;

import dev.ndnj.engine.platform.Clock;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Publishes status datasets as NFD does ({@code StatusDatasetContext}): the payload is cut into segments named
 * {@code <dataset name>/v=<version>/seg=<n>}, each with FreshnessPeriod and FinalBlockId, signed with DigestSha256.
 * The version is the wall clock in milliseconds (strictly increasing per publisher). Segment 0 answers the request
 * at once; all segments are kept for a while (bounded in time and octets) to answer the segment Interests that
 * follow. Forwarding thread only.
 */
final class DatasetPublisher {
  private static final class Stored {
    final Data data;
    final long at;

    Stored(Data data, long at) {
      this.data = data;
      this.at = at;
    }
  }

  private final Clock clock;
  private final int segmentSize;
  private final long freshnessMillis;
  private final long retentionMillis;
  private final long maxBytes;
  private final TreeMap<Name, Stored> byName = new TreeMap<>();
  private final LinkedHashMap<Name, Stored> byAge = new LinkedHashMap<>();
  private long bytes;
  private long lastVersion;

  DatasetPublisher(Clock clock, int segmentSize, long freshnessMillis, long retentionMillis, long maxBytes) {
    this.clock = clock;
    this.segmentSize = segmentSize;
    this.freshnessMillis = freshnessMillis;
    this.retentionMillis = retentionMillis;
    this.maxBytes = maxBytes;
  }

  /** Cuts {@code payload} into the segments of a new version of {@code datasetName}; returns them, segment 0 first. */
  List<Data> publish(Name datasetName, byte[] payload) {
    long version = Math.max(clock.epochMillis(), lastVersion + 1);
    lastVersion = version;
    Name versioned = datasetName.append(Component.version(version));
    int count = Math.max(1, (payload.length + segmentSize - 1) / segmentSize);
    Component last = Component.segment(count - 1);
    List<Data> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int off = i * segmentSize;
      int len = Math.min(segmentSize, payload.length - off);
      out.add(Data.builder(versioned.append(Component.segment(i)))
          .content(ByteBuffer.wrap(payload, off, Math.max(0, len)))
          .freshnessPeriod(freshnessMillis)
          .finalBlockId(last)
          .signWithDigestSha256());
    }
    long now = clock.monotonicMillis();
    evict(now);
    for (Data d : out) {
      store(d, now);
    }
    return out;
  }

  private void store(Data d, long now) {
    Stored s = new Stored(d, now);
    byName.put(d.name(), s);
    byAge.put(d.name(), s);
    bytes += d.wireLength();
    while (bytes > maxBytes && !byAge.isEmpty()) {
      removeOldest();
    }
  }

  private void evict(long now) {
    Iterator<Stored> it = byAge.values().iterator();
    while (it.hasNext()) {
      Stored s = it.next();
      if (now - s.at < retentionMillis) {
        break;
      }
      it.remove();
      byName.remove(s.data.name());
      bytes -= s.data.wireLength();
    }
  }

  private void removeOldest() {
    Iterator<Map.Entry<Name, Stored>> it = byAge.entrySet().iterator();
    Stored s = it.next().getValue();
    it.remove();
    byName.remove(s.data.name());
    bytes -= s.data.wireLength();
  }

  /** A kept segment that satisfies {@code interest} (MustBeFresh honoured), or null. */
  Data find(Interest interest) {
    long now = clock.monotonicMillis();
    evict(now);
    Name name = interest.name();
    for (Map.Entry<Name, Stored> e : byName.tailMap(name, true).entrySet()) {
      if (!name.isPrefixOf(e.getKey())) {
        break;
      }
      Stored s = e.getValue();
      if (interest.mustBeFresh() && now - s.at >= freshnessMillis) {
        continue;
      }
      if (interest.matches(s.data)) {
        return s.data;
      }
      if (!interest.canBePrefix()) {
        break;
      }
    }
    return null;
  }

  /** Segments kept. */
  int size() {
    return byName.size();
  }
}
