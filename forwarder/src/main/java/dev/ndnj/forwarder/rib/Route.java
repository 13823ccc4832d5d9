package dev.ndnj.forwarder.rib;

import dev.ndnj.engine.platform.Cancellable;
import dev.ndnj.tlv.mgmt.RouteFlags;

/**
 * One route of a {@link RibEntry}, as NFD's RIB keeps it: the next-hop face, who registered it (origin), its cost,
 * its flags ({@link RouteFlags#CHILD_INHERIT}, {@link RouteFlags#CAPTURE}) and when it expires. A route is identified
 * within its entry by (face id, origin); registering the same pair again replaces it. Immutable for its readers; the
 * {@link Rib} owns its expiry timer.
 */
public final class Route {
  /** {@link #expiresAt()} of a route that never expires. */
  public static final long NEVER = Long.MAX_VALUE;

  private final int faceId;
  private final int origin;
  private final long cost;
  private final long flags;
  private final long expiresAt;
  Cancellable timer;

  Route(int faceId, int origin, long cost, long flags, long expiresAt) {
    this.faceId = faceId;
    this.origin = origin;
    this.cost = cost;
    this.flags = flags;
    this.expiresAt = expiresAt;
  }

  /** The next-hop face id. */
  public int faceId() {
    return faceId;
  }

  /** The origin (see {@code RouteOrigin}). */
  public int origin() {
    return origin;
  }

  /** The cost (lower is preferred). */
  public long cost() {
    return cost;
  }

  /** The route flags (all bits as registered). */
  public long flags() {
    return flags;
  }

  /** Whether the route is inherited by longer prefixes that are in the RIB. */
  public boolean isChildInherit() {
    return (flags & RouteFlags.CHILD_INHERIT) != 0;
  }

  /** Whether the route stops inheritance of shorter prefixes' routes into this prefix and below. */
  public boolean isCapture() {
    return (flags & RouteFlags.CAPTURE) != 0;
  }

  /** Monotonic time (the engine clock's milliseconds) at which the route expires, or {@link #NEVER}. */
  public long expiresAt() {
    return expiresAt;
  }

  /** Milliseconds left at monotonic time {@code now} (at least 0), or -1 if the route never expires. */
  public long expirationPeriod(long now) {
    return expiresAt == NEVER ? -1 : Math.max(0, expiresAt - now);
  }

  @Override
  public String toString() {
    return "Route(face=" + faceId + " origin=" + origin + " cost=" + cost + " flags=" + RouteFlags.toString(flags)
        + (expiresAt == NEVER ? "" : " expiresAt=" + expiresAt) + ")";
  }
}
