package dev.ndnj.engine.table;

import dev.ndnj.engine.face.Face;

/** A FIB next hop: an upstream face and its routing cost (lower is preferred). Immutable. */
public final class NextHop {
  private final Face face;
  private final long cost;

  NextHop(Face face, long cost) {
    this.face = face;
    this.cost = cost;
  }

  /** The upstream face. */
  public Face face() {
    return face;
  }

  /** The cost. */
  public long cost() {
    return cost;
  }

  @Override
  public String toString() {
    return "NextHop(" + face.id() + " cost=" + cost + ")";
  }
}
