package dev.ndnj.engine.fw;

import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.engine.table.LruContentStore;
import dev.ndnj.engine.testing.TestFace;
import dev.ndnj.tlv.Name;

/**
 * One forwarder on a {@link ManualClock} with in-memory {@link TestFace}s, for pipeline scenarios (NFD's
 * {@code ForwarderFixture} plus {@code DummyFace}). Nonces the forwarder makes up are {@link #RANDOM_NONCE}.
 */
abstract class ForwarderFixture {
  /** What the forwarder's random source returns. */
  static final int RANDOM_NONCE = 0x5eed5eed;

  final ManualClock clock = new ManualClock();
  Forwarder fw = newForwarder(new ForwarderConfig());

  /** A forwarder on {@link #clock} with a 1 MiB LRU Content Store. */
  Forwarder newForwarder(ForwarderConfig config) {
    return new Forwarder(config, clock, clock, () -> RANDOM_NONCE, new LruContentStore(clock, 1 << 20));
  }

  /** Replaces the forwarder with one made with {@code config} (before any face is added). */
  void reconfigure(ForwarderConfig config) {
    fw = newForwarder(config);
  }

  /** A non-local point-to-point face. */
  TestFace remoteFace() {
    return TestFace.add(fw.faceTable(), FaceScope.NON_LOCAL, LinkType.POINT_TO_POINT);
  }

  /** A local point-to-point face (an application). */
  TestFace localFace() {
    return TestFace.add(fw.faceTable(), FaceScope.LOCAL, LinkType.POINT_TO_POINT);
  }

  /** A face with the given properties. */
  TestFace face(FaceScope scope, LinkType linkType) {
    return TestFace.add(fw.faceTable(), scope, linkType);
  }

  /** Adds a FIB next hop. */
  void route(String prefix, TestFace face, long cost) {
    fw.fib().addOrUpdateNextHop(Name.parse(prefix), face.face(), cost);
  }

  ForwarderCounters counters() {
    return fw.counters();
  }
}
