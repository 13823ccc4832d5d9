package dev.ndnj.engine.face.mem;

import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.platform.Scheduler;

/**
 * A simulated link: two {@link MemoryTransport}s connected to each other, possibly belonging to two engines. A frame
 * sent on one side is copied and delivered to the other by a task on the receiving side's {@link Scheduler}, after
 * the configured latency; with a {@code ManualClock} everything is deterministic, and two engines may share one
 * {@code ManualClock}. Each side has a bounded number of frames in flight; closing either side closes both.
 *
 * <p>Both schedulers must be driven by the same thread (tests, simulations, a browser worker): the link hands
 * frames across without synchronization.
 */
public final class MemoryLink {
  /** How a link is made; a mutable holder read once by {@link MemoryLink#pair(Scheduler, Scheduler, Config)}. */
  public static final class Config {
    String name = "memory";
    long latencyMillis;
    int sendQueueCapacity = 1024;
    int mtu = -1;
    FaceScope scope = FaceScope.NON_LOCAL;
    LinkType linkType = LinkType.POINT_TO_POINT;
    FacePersistency persistency = FacePersistency.PERSISTENT;

    /** Defaults: no latency, 1024 frames in flight per direction, no MTU, non-local, point-to-point, persistent. */
    public Config() {}

    /** The link's name, used in the URIs ({@code memory://NAME/a} and {@code memory://NAME/b}). */
    public Config name(String n) {
      if (n == null || n.isEmpty()) {
        throw new IllegalArgumentException("link name must not be empty");
      }
      name = n;
      return this;
    }

    /** One-way delay in milliseconds (0: delivered by the receiving scheduler as soon as possible). */
    public Config latencyMillis(long millis) {
      if (millis < 0) {
        throw new IllegalArgumentException("latency must be >= 0, got " + millis);
      }
      latencyMillis = millis;
      return this;
    }

    /** Frames in flight per direction; one more is refused (the transport counts a send-queue-full drop). */
    public Config sendQueueCapacity(int frames) {
      if (frames < 1) {
        throw new IllegalArgumentException("send queue capacity must be >= 1, got " + frames);
      }
      sendQueueCapacity = frames;
      return this;
    }

    /** Largest frame in octets, or -1 for none. */
    public Config mtu(int octets) {
      if (octets == 0 || octets < -1) {
        throw new IllegalArgumentException("MTU must be > 0 or -1, got " + octets);
      }
      mtu = octets;
      return this;
    }

    /** Scope of both faces. */
    public Config scope(FaceScope s) {
      scope = s;
      return this;
    }

    /** Link type of both faces. */
    public Config linkType(LinkType t) {
      linkType = t;
      return this;
    }

    /** Initial persistency of both faces. */
    public Config persistency(FacePersistency p) {
      persistency = p;
      return this;
    }
  }

  private final MemoryTransport a;
  private final MemoryTransport b;

  private MemoryLink(MemoryTransport a, MemoryTransport b) {
    this.a = a;
    this.b = b;
  }

  /** A link with the default {@link Config}; side A runs on {@code schedulerA}, side B on {@code schedulerB}. */
  public static MemoryLink pair(Scheduler schedulerA, Scheduler schedulerB) {
    return pair(schedulerA, schedulerB, new Config());
  }

  /** A link configured by {@code config}; side A runs on {@code schedulerA}, side B on {@code schedulerB}. */
  public static MemoryLink pair(Scheduler schedulerA, Scheduler schedulerB, Config config) {
    if (schedulerA == null || schedulerB == null) {
      throw new IllegalArgumentException("both schedulers are required");
    }
    String ua = "memory://" + config.name + "/a";
    String ub = "memory://" + config.name + "/b";
    MemoryTransport ta = new MemoryTransport(schedulerA, config, ua, ub);
    MemoryTransport tb = new MemoryTransport(schedulerB, config, ub, ua);
    ta.connect(tb);
    tb.connect(ta);
    return new MemoryLink(ta, tb);
  }

  /** Side A. */
  public MemoryTransport a() {
    return a;
  }

  /** Side B. */
  public MemoryTransport b() {
    return b;
  }
}
