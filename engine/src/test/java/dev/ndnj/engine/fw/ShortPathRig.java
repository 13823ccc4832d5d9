package dev.ndnj.engine.fw;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceDrop;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.FaceTestSupport;
import dev.ndnj.engine.face.GenericLinkService;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.face.mem.RecordingTransport;
import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.engine.table.ContentStore;
import dev.ndnj.engine.table.ContentStoreCounters;
import dev.ndnj.engine.table.LruContentStore;
import dev.ndnj.engine.table.PitEntry;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One forwarder for the Content Store short path tests: NDNLPv2 faces ({@link GenericLinkService} over
 * {@link RecordingTransport}, the short path on or off for all of them), a route from {@code /} to a producer face, an
 * LRU Content Store seen through {@link SpyStore} (which counts how each lookup was made), unsolicited Data from
 * local faces admitted, and a {@link ManualClock}. {@link #state} writes down everything observable.
 */
final class ShortPathRig {
  /** Faces: local point-to-point, local with local fields, non-local point-to-point, non-local multi-access. */
  static final int LOCAL = 0;
  static final int LOCAL_FIELDS = 1;
  static final int REMOTE = 2;
  static final int MULTI = 3;
  /** The producer face (non-local, point-to-point), the route of {@code /}. */
  static final int PRODUCER = 4;

  final ManualClock clock = new ManualClock();
  final SpyStore cs = new SpyStore(new LruContentStore(clock, 64 * 1024));
  final Forwarder fw;
  final List<RecordingTransport> transports = new ArrayList<>();
  final List<Face> faces = new ArrayList<>();

  ShortPathRig(boolean shortPath) {
    fw = new Forwarder(new ForwarderConfig().admitUnsolicitedFromLocalFaces(true), clock, clock, () -> 0x5eed5eed, cs);
    fw.strategyChoice().register("/test/strategy/no-short-hits", 1, NoHitsWithoutEntry::new);
    add(FaceScope.LOCAL, LinkType.POINT_TO_POINT, shortPath);
    add(FaceScope.LOCAL, LinkType.POINT_TO_POINT, shortPath).setLocalFieldsEnabled(true);
    add(FaceScope.NON_LOCAL, LinkType.POINT_TO_POINT, shortPath);
    add(FaceScope.NON_LOCAL, LinkType.MULTI_ACCESS, shortPath);
    add(FaceScope.NON_LOCAL, LinkType.POINT_TO_POINT, shortPath);
    fw.fib().addOrUpdateNextHop(Name.ROOT, faces.get(PRODUCER), 0);
  }

  private Face add(FaceScope scope, LinkType type, boolean shortPath) {
    RecordingTransport t = new RecordingTransport(scope, type, FacePersistency.PERSISTENT, -1);
    Face f = FaceTestSupport.addFace(fw.faceTable(), t,
        FaceTestSupport.options(clock).contentStoreShortPath(shortPath));
    transports.add(t);
    faces.add(f);
    return f;
  }

  /** Injects a copy of {@code frame} as received on face {@code face}. */
  void receive(int face, byte[] frame) {
    transports.get(face).inject(frame);
  }

  /** Injects {@code frame} as a buffer whose octets sit at {@code pad} in a larger array (position or offset). */
  void receiveAt(int face, byte[] frame, int pad, boolean slice) {
    byte[] big = new byte[pad + frame.length + 5];
    System.arraycopy(frame, 0, big, pad, frame.length);
    ByteBuffer b = ByteBuffer.wrap(big, pad, frame.length);
    transports.get(face).inject(slice ? b.slice() : b);
  }

  /** Advances the clock and runs what fell due. */
  void advance(long millis) {
    clock.advance(millis);
    clock.runDue();
  }

  /** The frames each face sent since the last call, as hex lines, then forgotten. */
  String takeSent() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < transports.size(); i++) {
      for (ByteBuffer f : transports.get(i).sentFrames()) {
        sb.append(i).append(": ");
        for (int p = f.position(); p < f.limit(); p++) {
          sb.append(String.format("%02x", f.get(p) & 0xff));
        }
        sb.append('\n');
      }
      transports.get(i).clearSent();
    }
    return sb.toString();
  }

  /** Every counter of the forwarder, the faces and the Content Store, and the tables' sizes. */
  String state() {
    StringBuilder sb = new StringBuilder();
    getters(sb, "fw", fw.counters());
    for (int i = 0; i < faces.size(); i++) {
      getters(sb, "face" + i, faces.get(i).counters());
      for (FaceDrop d : FaceDrop.values()) {
        sb.append("face").append(i).append('.').append(d).append('=').append(faces.get(i).counters().drops(d))
            .append(' ');
      }
      sb.append('\n');
    }
    getters(sb, "cs", cs.counters());
    sb.append("cs.size=").append(cs.size()).append(" cs.bytes=").append(cs.sizeBytes()).append(" pit=")
        .append(fw.pit().size()).append(" dnl=").append(fw.deadNonceList().size()).append('\n');
    return sb.toString();
  }

  private static void getters(StringBuilder sb, String prefix, Object o) {
    for (Method m : o.getClass().getMethods()) {
      if (m.getParameterCount() == 0 && m.getReturnType() == long.class && !Modifier.isStatic(m.getModifiers())) {
        try {
          sb.append(prefix).append('.').append(m.getName()).append('=').append(m.invoke(o)).append(' ');
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
    sb.append('\n');
  }

  /** A strategy that wants a PIT entry for every Content Store hit (drops what it would forward). */
  static final class NoHitsWithoutEntry extends Strategy {
    NoHitsWithoutEntry(Forwarder f) {
      super(f, "/test/strategy/no-short-hits/v=1");
    }

    @Override
    public void afterReceiveInterest(Interest interest, Face ingress, PitEntry entry) {}

    @Override
    public boolean answersContentStoreHitsWithoutEntry() {
      return false;
    }
  }

  /** The LRU store, counting general lookups and short-path hits. */
  static final class SpyStore implements ContentStore {
    final LruContentStore store;
    int finds;
    int exactHits;
    int exactMisses;

    SpyStore(LruContentStore store) {
      this.store = store;
    }

    @Override
    public Data find(Interest interest) {
      finds++;
      return store.find(interest);
    }

    @Override
    public Data findExact(byte[] octets, int from, int length, int hash, boolean mustBeFresh) {
      Data d = store.findExact(octets, from, length, hash, mustBeFresh);
      if (d == null) {
        exactMisses++;
      } else {
        exactHits++;
      }
      return d;
    }

    @Override
    public void insert(Data data) {
      store.insert(data);
    }

    @Override
    public int erase(Name prefix, int limit) {
      return store.erase(prefix, limit);
    }

    @Override
    public int size() {
      return store.size();
    }

    @Override
    public long sizeBytes() {
      return store.sizeBytes();
    }

    @Override
    public long capacityBytes() {
      return store.capacityBytes();
    }

    @Override
    public void setCapacityBytes(long bytes) {
      store.setCapacityBytes(bytes);
    }

    @Override
    public boolean admitEnabled() {
      return store.admitEnabled();
    }

    @Override
    public void setAdmitEnabled(boolean enabled) {
      store.setAdmitEnabled(enabled);
    }

    @Override
    public boolean serveEnabled() {
      return store.serveEnabled();
    }

    @Override
    public void setServeEnabled(boolean enabled) {
      store.setServeEnabled(enabled);
    }

    @Override
    public ContentStoreCounters counters() {
      return store.counters();
    }
  }
}
