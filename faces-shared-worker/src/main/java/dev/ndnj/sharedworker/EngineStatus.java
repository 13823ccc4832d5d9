package dev.ndnj.sharedworker;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceCounters;
import dev.ndnj.engine.fw.ForwarderCounters;
import dev.ndnj.engine.table.ContentStore;

/**
 * An engine's status as JSON for a page: mode, upstream state, each face with its counters, PIT and CS sizes and
 * the CS hit ratio. Built by hand (no reflection, no {@code String.format}: both are costly under TeaVM).
 */
final class EngineStatus {
  private final StringBuilder b = new StringBuilder(512);
  private boolean first = true;

  private EngineStatus() {}

  /** The status of {@code engine}; {@code requester} is the asking face's id (0 for none). */
  static String json(Engine engine, String mode, UpstreamConnection upstream, int requester, int tabs,
      WorkerRib rib) {
    EngineStatus s = new EngineStatus();
    s.b.append('{');
    s.str("mode", mode);
    s.num("tabs", tabs);
    s.num("requesterFaceId", requester);
    s.key("upstream");
    if (upstream == null) {
      s.b.append("null");
    } else {
      s.b.append('{');
      s.first = true;
      s.str("url", upstream.url());
      s.str("state", upstream.state());
      s.num("connections", upstream.connections());
      s.num("faceId", upstream.face() == null ? 0 : upstream.face().id());
      s.b.append('}');
      s.first = false;
    }
    ForwarderCounters c = engine.forwarder().counters();
    ContentStore cs = engine.forwarder().cs();
    s.num("pitEntries", engine.forwarder().pit().size());
    s.num("fibEntries", engine.forwarder().fib().size());
    s.num("csEntries", cs.size());
    s.num("csBytes", cs.sizeBytes());
    s.num("csCapacityBytes", cs.capacityBytes());
    s.num("csHits", c.csHits());
    s.num("csMisses", c.csMisses());
    long lookups = c.csHits() + c.csMisses();
    s.key("csHitRatio");
    s.b.append(lookups == 0 ? "0" : Double.toString(Math.round(1000.0 * c.csHits() / lookups) / 1000.0));
    s.num("inInterests", c.inInterests());
    s.num("outInterests", c.outInterests());
    s.num("inData", c.inData());
    s.num("outData", c.outData());
    s.num("satisfied", c.satisfiedInterests());
    s.num("unsatisfied", c.unsatisfiedInterests());
    if (rib != null) {
      s.num("prefixesRegistered", rib.producers().size());
      s.num("upstreamRegistrations", rib.registrationsSent());
      s.num("upstreamRegistrationFailures", rib.registrationFailures());
    }
    java.util.Map<Integer, Integer> inRecords = new java.util.HashMap<>();
    for (dev.ndnj.engine.table.PitEntry e : engine.forwarder().pit().entries()) {
      for (dev.ndnj.engine.table.InRecord r : e.inRecords()) {
        inRecords.merge(r.face().id(), 1, Integer::sum);
      }
    }
    s.key("faces");
    s.b.append('[');
    boolean firstFace = true;
    for (Face f : engine.forwarder().faceTable().faces()) {
      if (!firstFace) {
        s.b.append(',');
      }
      firstFace = false;
      FaceCounters fc = f.counters();
      s.b.append('{');
      s.first = true;
      s.num("id", f.id());
      s.str("remoteUri", f.remoteUri());
      s.str("scope", f.isLocal() ? "local" : "non-local");
      s.num("inInterests", fc.inInterests());
      s.num("outInterests", fc.outInterests());
      s.num("inData", fc.inData());
      s.num("outData", fc.outData());
      s.num("inNacks", fc.inNacks());
      s.num("outNacks", fc.outNacks());
      s.num("inBytes", fc.inBytes());
      s.num("outBytes", fc.outBytes());
      s.num("drops", fc.totalDrops());
      s.num("malformedDrops", fc.drops(dev.ndnj.engine.face.FaceDrop.MALFORMED));
      s.num("sendQueueFullDrops", fc.drops(dev.ndnj.engine.face.FaceDrop.SEND_QUEUE_FULL));
      Integer pending = inRecords.get(f.id());
      s.num("pitInRecords", pending == null ? 0 : pending);
      s.b.append('}');
    }
    s.b.append(']');
    s.b.append('}');
    return s.b.toString();
  }

  private void key(String k) {
    if (!first) {
      b.append(',');
    }
    first = false;
    b.append('"').append(k).append("\":");
  }

  private void num(String k, long v) {
    key(k);
    b.append(v);
  }

  private void str(String k, String v) {
    key(k);
    b.append('"');
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (ch == '"' || ch == '\\') {
        b.append('\\').append(ch);
      } else if (ch < 0x20) {
        b.append(' ');
      } else {
        b.append(ch);
      }
    }
    b.append('"');
  }
}
