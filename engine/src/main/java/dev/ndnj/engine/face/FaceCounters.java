package dev.ndnj.engine.face;

/**
 * Counters of one face, as operators read them (NFD's face counters plus drops by reason). Updated on the forwarding
 * thread; readers on other threads may see slightly stale values. Kept as {@code double}s (exact up to 2^53) and read
 * as {@code long}s: a {@code long} is a BigInt in TeaVM's JavaScript, and an increment of one allocates there; several
 * are counted per packet.
 */
public final class FaceCounters {
  double inInterests;
  double outInterests;
  double inData;
  double outData;
  double inNacks;
  double outNacks;
  double inBytes;
  double outBytes;
  double inFrames;
  double outFrames;
  private final long[] drops = new long[FaceDrop.values().length];

  /** Interests received. */
  public long inInterests() {
    return (long) inInterests;
  }

  /** Interests sent. */
  public long outInterests() {
    return (long) outInterests;
  }

  /** Data received. */
  public long inData() {
    return (long) inData;
  }

  /** Data sent. */
  public long outData() {
    return (long) outData;
  }

  /** Nacks received. */
  public long inNacks() {
    return (long) inNacks;
  }

  /** Nacks sent. */
  public long outNacks() {
    return (long) outNacks;
  }

  /** Bytes of frames received. */
  public long inBytes() {
    return (long) inBytes;
  }

  /** Bytes of frames sent. */
  public long outBytes() {
    return (long) outBytes;
  }

  /** Frames (link-layer packets) received. */
  public long inFrames() {
    return (long) inFrames;
  }

  /** Frames sent. */
  public long outFrames() {
    return (long) outFrames;
  }

  /** Packets or frames dropped for {@code reason}. */
  public long drops(FaceDrop reason) {
    return drops[reason.ordinal()];
  }

  /** Drops for every reason together. */
  public long totalDrops() {
    long n = 0;
    for (long d : drops) {
      n += d;
    }
    return n;
  }

  /** Counts one drop for {@code reason}. */
  public void drop(FaceDrop reason) {
    drops[reason.ordinal()]++;
  }

  /** Counts a received frame of {@code bytes} octets. */
  public void frameIn(int bytes) {
    inFrames++;
    inBytes += bytes;
  }

  /** Counts a sent frame of {@code bytes} octets. */
  public void frameOut(int bytes) {
    outFrames++;
    outBytes += bytes;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("in={").append(inInterests()).append("i ").append(inData()).append("d ").append(inNacks()).append("n ")
        .append(inBytes()).append("B} out={").append(outInterests()).append("i ").append(outData()).append("d ")
        .append(outNacks()).append("n ").append(outBytes()).append("B}");
    for (FaceDrop r : FaceDrop.values()) {
      if (drops[r.ordinal()] > 0) {
        sb.append(' ').append(r.name().toLowerCase()).append('=').append(drops[r.ordinal()]);
      }
    }
    return sb.toString();
  }
}
