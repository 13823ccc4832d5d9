package dev.ndnj.engine.face;

import java.nio.ByteBuffer;

/**
 * Software prefetch for frames that another thread received: code that hands a batch of received frames to the
 * forwarding thread first reads one octet of each of the next {@link #WINDOW} frames, then delivers them, so that
 * their cache lines travel together instead of one after the other as the decoder reaches them.
 *
 * <p>Why: a frame copied out of a socket buffer by an I/O thread sits in that thread's CPU cache. The forwarding
 * thread's decoder reads it from its first octet on, and the frame's lines (and the buffer object's) have to come over
 * from the other CPU when it first reaches them, each transfer costing about as much as decoding a whole Interest.
 * Loads of different frames do not depend on each other, so the CPU overlaps them when they are issued close
 * together; a load that misses holds up the CPU's in-order retirement, so a load issued only one frame's worth of
 * work ahead overlaps little: hence a window touched at once rather than a distance ahead. Reading the first octet is
 * enough: the hardware fetches the adjacent line with it, and what the decoder reads next streams in behind. Measured
 * on the 2-vCPU machine of docs/benchmarks.md: about 20% more exchanges per second of forwarding-thread CPU with a
 * window of 16 than without (a window of 8, a distance ahead, or two to four lines per frame gained less). Nothing is
 * written and the frame's position does not move.
 *
 * <p>Usage, for frames {@code f[0..n)}: for each window {@code [w, min(n, w + WINDOW))}, {@code acc += touch(f[i])}
 * for every frame of the window, then deliver them; finally {@link #keep(int) keep(acc)}, which keeps the compiler
 * from dropping the loads. Any thread; no state but a sink nobody reads.
 */
public final class FramePrefetch {
  /**
   * Frames touched together before they are delivered: 16, or the system property {@code ndnj.framePrefetchWindow}
   * read once (0 turns the prefetch off; for measuring what it does, see docs/benchmarks.md).
   */
  public static final int WINDOW = Math.max(0, Integer.getInteger("ndnj.framePrefetchWindow", 16));

  /** Written only if the loads sum to a value they practically never do; read by no one. */
  @SuppressWarnings("unused")
  private static int sink;

  private FramePrefetch() {}

  /**
   * Reads the octet at {@code frame}'s position (an absolute read: position and limit do not move) and returns it, or
   * 0 for an empty frame.
   */
  public static int touch(ByteBuffer frame) {
    int p = frame.position();
    return p < frame.limit() ? frame.get(p) : 0;
  }

  /** Consumes the sum of {@link #touch} calls so that the loads are not left out as useless. */
  public static void keep(int acc) {
    if (acc == 0x5eed_f00d) {
      sink = acc;
    }
  }
}
